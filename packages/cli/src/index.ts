// Public entry point of the `flotilla` package: the command tree and the configuration reference.
export { buildProgram } from './main.ts';
export { configReference } from './config-reference.ts';
