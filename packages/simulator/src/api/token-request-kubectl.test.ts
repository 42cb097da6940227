// `kubectl create token --bound-object-*`: a token bound to a Secret, Pod or Node that does not
// exist, or whose uid is stale, is refused with kube-apiserver v1.32's status and message.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stringify } from 'yaml';
import { useKubectlCluster } from '../testing/kubectl.ts';

const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'worker', namespace: 'default' },
  spec: { containers: [{ name: 'main', image: 'nginx:1.27' }] },
};

void describe('TokenRequest bound objects', () => {
  const kubectl = useKubectlCluster('token-bound-1');

  /** `kubectl create token default` bound to `kind/name` (and `uid` when given). */
  function bound(kind: string, name: string, uid?: string): ReturnType<typeof kubectl> {
    const args = ['create', 'token', 'default', `--bound-object-kind=${kind}`];
    args.push(`--bound-object-name=${name}`, ...(uid ? [`--bound-object-uid=${uid}`] : []));
    return kubectl(...args, '-v=6');
  }

  /** The last line kubectl wrote to stderr, and the HTTP status it logged for the POST. */
  async function refusal(outcome: ReturnType<typeof kubectl>): Promise<[number, string]> {
    const { code, stderr } = await outcome;
    assert.equal(code, 1, stderr);
    const status = /POST https:\S+\/token (\d{3}) /.exec(stderr)?.[1];
    const lines = stderr.trim().split('\n');
    return [Number(status), lines[lines.length - 1] ?? ''];
  }

  void it('answers 404 for a missing Secret, Pod or Node', async () => {
    assert.deepEqual(await refusal(bound('Secret', 'gone')), [
      404,
      'error: failed to create token: secrets "gone" not found',
    ]);
    assert.deepEqual(await refusal(bound('Pod', 'gone')), [
      404,
      'error: failed to create token: pods "gone" not found',
    ]);
    assert.deepEqual(await refusal(bound('Node', 'gone')), [
      404,
      'error: failed to create token: nodes "gone" not found',
    ]);
  });

  void it('binds to an existing pod, and answers 409 when the uid is stale', async () => {
    const created = await kubectl.withInput(stringify(pod), 'create', '-f', '-');
    assert.equal(created.code, 0, created.stderr);
    const uid = (await kubectl('get', 'pod', 'worker', '-o=jsonpath={.metadata.uid}')).stdout;
    const issued = await bound('Pod', 'worker', uid);
    assert.equal(issued.code, 0, issued.stderr);
    assert.deepEqual(await refusal(bound('Pod', 'worker', 'stale-uid')), [
      409,
      'error: failed to create token: Operation cannot be fulfilled on Pod "worker": the UID in the bound object reference (stale-uid) does not match the UID in record. The object might have been deleted and then recreated',
    ]);
  });

  void it('refuses a pod running as another service account', async () => {
    const other = { ...pod, metadata: { ...pod.metadata, name: 'other' } };
    const spec = { ...other.spec, serviceAccountName: 'builder' };
    const account = await kubectl('create', 'serviceaccount', 'builder');
    assert.equal(account.code, 0, account.stderr);
    const created = await kubectl.withInput(stringify({ ...other, spec }), 'create', '-f', '-');
    assert.equal(created.code, 0, created.stderr);
    assert.deepEqual(await refusal(bound('Pod', 'other')), [
      400,
      'error: failed to create token: cannot bind token for serviceaccount "default" to pod running with different serviceaccount name.',
    ]);
  });
});
