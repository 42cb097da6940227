import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { format, resolveConfig } from 'prettier';
import { kustomizeBase } from './kustomize-base.ts';

void test('deploy/agent is the generated Kustomize base (run `npm run deploy:manifests` if not)', async () => {
  for (const [file, content] of Object.entries(kustomizeBase())) {
    const path = new URL(`../../../../deploy/agent/${file}`, import.meta.url);
    const options = (await resolveConfig(path)) ?? {};
    const expected = await format(content, { ...options, parser: 'yaml' });
    assert.equal(readFileSync(path, 'utf8'), expected, file);
  }
});
