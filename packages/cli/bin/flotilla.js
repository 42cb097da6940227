#!/usr/bin/env node
// The published `flotilla` command. Node 24 runs the TypeScript sources directly.
import { buildProgram } from '../src/main.ts';

await buildProgram().parseAsync(process.argv);
