import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { format } from 'prettier';
import { configReference } from './config-reference.ts';

void test('docs/configuration.md is the generated reference (run `npm run docs:config` if not)', async () => {
  const path = new URL('../../../docs/configuration.md', import.meta.url);
  const expected = await format(configReference(), { parser: 'markdown', printWidth: 100 });
  assert.equal(readFileSync(path, 'utf8'), expected);
});
