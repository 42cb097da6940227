// Fills a simulated cluster with big ConfigMaps, so one list is megabytes long.
import { request } from 'node:https';
import type { Target } from './measure.ts';

function create(target: Target, name: string, value: string): Promise<void> {
  const body = JSON.stringify({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name },
    data: { value },
  });
  return new Promise<void>((resolve, reject) => {
    const req = request(
      `${target.url}/api/v1/namespaces/default/configmaps`,
      {
        method: 'POST',
        ca: target.ca,
        headers: { authorization: `Bearer ${target.token}`, 'content-type': 'application/json' },
      },
      (res) => {
        res.resume();
        res.on('end', resolve);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Creates `megabytes` × 10 ConfigMaps of 100 kB each in `default`. */
export async function seedLargeList(target: Target, megabytes: number): Promise<void> {
  const value = 'x'.repeat(100_000);
  for (let i = 0; i < megabytes * 10; i++) await create(target, `big-${String(i)}`, value);
}
