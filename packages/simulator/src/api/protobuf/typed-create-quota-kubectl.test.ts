// `kubectl create quota` sends a protobuf ResourceQuota; its hard limits, scopes and scope selector
// must be stored as sent and shown by `kubectl describe`.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useKubectlCluster } from '../../testing/kubectl.ts';

void describe('kubectl create quota (protobuf body)', () => {
  const kubectl = useKubectlCluster('typed-quota-1');

  /** The stored quota's spec, as `kubectl get -o json` prints it. */
  async function specOf(name: string): Promise<unknown> {
    const outcome = await kubectl('get', 'quota', name, '-o', 'json');
    assert.equal(outcome.code, 0, outcome.stderr);
    return (JSON.parse(outcome.stdout) as Record<string, unknown>)['spec'];
  }

  void it('stores the hard limits and describe shows them', async () => {
    const created = await kubectl('create', 'quota', 'team', '--hard=cpu=1,memory=1Gi,pods=10');
    assert.equal(created.code, 0, created.stderr);
    assert.equal(created.stdout.trim(), 'resourcequota/team created');
    assert.deepEqual(await specOf('team'), { hard: { cpu: '1', memory: '1Gi', pods: '10' } });
    const described = await kubectl('describe', 'quota', 'team');
    assert.equal(described.code, 0, described.stderr);
    const rows = described.stdout.split('\n').map((line) => line.trim().split(/\s+/));
    assert.deepEqual(
      rows.filter((row) => ['cpu', 'memory', 'pods'].includes(row[0] ?? '')),
      [
        ['cpu', '0', '1'],
        ['memory', '0', '1Gi'],
        ['pods', '0', '10'],
      ],
    );
  });

  void it('stores scopes', async () => {
    const created = await kubectl(
      ...['create', 'quota', 'best-effort', '--hard=pods=5'],
      '--scopes=BestEffort,NotTerminating',
    );
    assert.equal(created.code, 0, created.stderr);
    assert.deepEqual(await specOf('best-effort'), {
      hard: { pods: '5' },
      scopes: ['BestEffort', 'NotTerminating'],
    });
  });
});
