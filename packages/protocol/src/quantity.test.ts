import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseQuantity } from './quantity.ts';

void test('quantities as the API server writes them', () => {
  assert.equal(parseQuantity('2'), 2);
  assert.equal(parseQuantity('500m'), 0.5);
  assert.equal(parseQuantity('8Gi'), 8 * 2 ** 30);
  assert.equal(parseQuantity('16318480Ki'), 16318480 * 1024);
  assert.equal(parseQuantity('1e3'), 1000);
  assert.equal(parseQuantity('1.5G'), 1.5e9);
  assert.equal(parseQuantity('lots'), 0);
  assert.equal(parseQuantity('5Zi'), 0);
  assert.equal(parseQuantity(undefined), 0);
});
