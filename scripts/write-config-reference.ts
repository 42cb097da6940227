// Regenerates docs/configuration.md from the settings tables (`npm run docs:config`).
import { writeFileSync } from 'node:fs';
import { format } from 'prettier';
import { configReference } from 'flotilla';

const text = await format(configReference(), { parser: 'markdown', printWidth: 100 });
writeFileSync(new URL('../docs/configuration.md', import.meta.url), text);
