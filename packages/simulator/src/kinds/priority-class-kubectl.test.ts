// PriorityClasses through the real kubectl: the built-in system classes every cluster serves, and
// the names, values and defaults kube-apiserver v1.32 refuses.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stringify } from 'yaml';
import { useKubectlCluster } from '../testing/kubectl.ts';

void describe('PriorityClass', () => {
  const kubectl = useKubectlCluster('priority-dev-1');

  /** Runs kubectl, expects it to fail, and returns its stderr. */
  async function refused(...args: string[]): Promise<string> {
    const outcome = await kubectl(...args);
    assert.notEqual(outcome.code, 0, outcome.stdout);
    return outcome.stderr.trim();
  }

  void it('serves the system classes with their values and descriptions', async () => {
    const listed = await kubectl('get', 'pc', '-o', 'json');
    assert.equal(listed.code, 0, listed.stderr);
    const items = (JSON.parse(listed.stdout) as { items: Record<string, unknown>[] }).items;
    const shown = items.map(({ metadata, value, description, preemptionPolicy }) => ({
      name: (metadata as { name: string }).name,
      value,
      description,
      preemptionPolicy,
    }));
    assert.deepEqual(shown, [
      {
        name: 'system-cluster-critical',
        value: 2000000000,
        description:
          'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.',
        preemptionPolicy: 'PreemptLowerPriority',
      },
      {
        name: 'system-node-critical',
        value: 2000001000,
        description:
          'Used for system critical pods that must not be moved from their current node.',
        preemptionPolicy: 'PreemptLowerPriority',
      },
    ]);
    const deleted = await refused('delete', 'pc', 'system-node-critical');
    assert.equal(
      deleted,
      'Error from server (Forbidden): priorityclasses.scheduling.k8s.io "system-node-critical" is forbidden: this is a system priority class and cannot be deleted',
    );
  });

  void it('refuses system- names and values above the highest user-definable one', async () => {
    const reserved = await refused('create', 'priorityclass', 'system-mine', '--value=10');
    assert.equal(
      reserved,
      `error: failed to create priorityclass: PriorityClass.scheduling.k8s.io "system-mine" is invalid: metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-mine is not a known system priority class`,
    );
    const tooHigh = await refused('create', 'priorityclass', 'huge', '--value=1000000001');
    assert.equal(
      tooHigh,
      'error: failed to create priorityclass: PriorityClass.scheduling.k8s.io "huge" is invalid: value: Forbidden: maximum allowed value of a user defined priority is 1000000000',
    );
    const highest = await kubectl('create', 'priorityclass', 'highest', '--value=1000000000');
    assert.equal(highest.code, 0, highest.stderr);
  });

  void it('refuses a second global default, on create and on update', async () => {
    const first = await kubectl('create', 'pc', 'first', '--value=10', '--global-default');
    assert.equal(first.code, 0, first.stderr);
    const second = await refused('create', 'pc', 'second', '--value=20', '--global-default');
    assert.equal(
      second,
      'error: failed to create priorityclass: priorityclasses.scheduling.k8s.io "second" is forbidden: PriorityClass first is already marked as default. Only one default can exist',
    );
    const plain = await kubectl('create', 'pc', 'second', '--value=20');
    assert.equal(plain.code, 0, plain.stderr);
    const patched = await refused('patch', 'pc', 'second', '-p', '{"globalDefault":true}');
    assert.equal(
      patched,
      'Error from server (Forbidden): priorityclasses.scheduling.k8s.io "second" is forbidden: PriorityClass first is already marked as default. Only one default can exist',
    );
    const again = await kubectl(
      'patch',
      'pc',
      'first',
      '-p',
      '{"globalDefault":true,"description":"d"}',
    );
    assert.equal(again.code, 0, again.stderr);
  });

  void it('gives pods of a system class its priority', async () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'critical', namespace: 'kube-system' },
      spec: {
        priorityClassName: 'system-node-critical',
        containers: [{ name: 'main', image: 'nginx:1.27' }],
      },
    };
    const created = await kubectl.withInput(stringify(pod), 'create', '-f', '-');
    assert.equal(created.code, 0, created.stderr);
    const read = await kubectl(
      ...['get', 'pod', 'critical', '-n', 'kube-system'],
      '-o=jsonpath={.spec.priority} {.spec.preemptionPolicy}',
    );
    assert.equal(read.stdout, '2000001000 PreemptLowerPriority');
  });
});
