import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { FlotillaError, errorCodes, statusOf, toErrorBody } from './errors.ts';

void test('a FlotillaError maps to its status and body; details are kept', () => {
  const error = new FlotillaError('forbidden', 'no', { details: { permission: 'clusters:read' } });
  assert.equal(statusOf(error), 403);
  assert.deepEqual(toErrorBody(error), {
    error: { code: 'forbidden', message: 'no', details: { permission: 'clusters:read' } },
  });
});

void test('anything else is internal and reveals nothing', () => {
  const body = toErrorBody(new Error('secret path /etc/x at line 3'));
  assert.equal(statusOf(new Error('x')), 500);
  assert.equal(body.error.code, 'internal');
  assert.doesNotMatch(JSON.stringify(body), /secret|line 3/);
});

void test('docs/errors.md lists exactly the codes in the registry, with their statuses', () => {
  const doc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
  const rows = [...doc.matchAll(/^\| `([a-z_]+)` +\| (\d{3}) +\|/gm)].map((m) => [
    m[1],
    Number(m[2]),
  ]);
  const registry = Object.entries(errorCodes).map(([code, { status }]) => [code, status]);
  assert.deepEqual(rows, registry);
});
