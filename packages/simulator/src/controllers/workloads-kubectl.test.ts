// StatefulSets, DaemonSets, Jobs, Endpoints, PDB status and request-based scheduling, as real kubectl shows them.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSimulator } from '../index.ts';
import type { Simulator } from '../index.ts';
import { kubectlFor } from '../testing/kubectl.ts';
import type { Kubectl } from '../testing/kubectl.ts';

const manifests = `
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: shop}
spec:
  serviceName: db
  replicas: 3
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: pg, image: postgres:16, ports: [{name: sql, containerPort: 5432}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: db, namespace: shop}
spec: {selector: {app: db}, ports: [{port: 5432, targetPort: sql}]}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: shop}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec: {containers: [{name: agent, image: busybox:1.36}]}
---
apiVersion: batch/v1
kind: Job
metadata: {name: migrate, namespace: shop}
spec:
  completions: 3
  parallelism: 2
  template:
    spec: {restartPolicy: Never, containers: [{name: migrate, image: busybox:1.36}]}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: db, namespace: shop}
spec:
  minAvailable: 2
  selector: {matchLabels: {app: db}}
`;

void describe('workload kinds through real kubectl', () => {
  let simulator: Simulator;
  let kubectl: Kubectl;

  void before(async () => {
    simulator = await startSimulator({
      clusters: [
        {
          name: 'kinds-dev-1',
          environment: 'dev',
          nodes: 2,
          nodeCapacity: { cpu: '2', memory: '4Gi' },
          namespaces: ['shop'],
        },
      ],
    });
    kubectl = await kubectlFor(simulator.cluster('kinds-dev-1'));
    const created = await kubectl.withInput(manifests, 'create', '-f', '-');
    assert.equal(created.code, 0, created.stderr);
  });

  void after(async () => {
    await kubectl.dispose();
    await simulator.close();
  });

  void it('runs statefulset pods with stable ordinal names', async () => {
    const { stdout } = await kubectl('get', 'statefulset', 'db', '-n', 'shop');
    assert.match(stdout, /^db\s+3\/3\s+\d+s$/m);
    const pods = await kubectl('get', 'pods', '-n', 'shop', '-l', 'app=db', '-o', 'name');
    assert.equal(pods.stdout, 'pod/db-0\npod/db-1\npod/db-2\n');
    const hostname = await kubectl(
      'get',
      'pod',
      'db-1',
      '-n',
      'shop',
      '-o',
      'jsonpath={.spec.hostname}.{.spec.subdomain}',
    );
    assert.equal(hostname.stdout, 'db-1.db');
  });

  void it('scales a statefulset down from the highest ordinal', async () => {
    const scaled = await kubectl('scale', 'statefulset/db', '-n', 'shop', '--replicas=2');
    assert.equal(scaled.stdout.trim(), 'statefulset.apps/db scaled');
    const pods = await kubectl('get', 'pods', '-n', 'shop', '-l', 'app=db', '-o', 'name');
    assert.equal(pods.stdout, 'pod/db-0\npod/db-1\n');
  });

  void it('runs one daemonset pod per node', async () => {
    const { stdout } = await kubectl('get', 'daemonset', 'agent', '-n', 'shop');
    assert.match(stdout, /^agent\s+2\s+2\s+2\s+2\s+2\s+<none>\s+\d+s$/m);
    const nodes = await kubectl(
      'get',
      'pods',
      '-n',
      'shop',
      '-l',
      'app=agent',
      '-o',
      'jsonpath={.items[*].spec.nodeName}',
    );
    assert.deepEqual(nodes.stdout.split(' ').sort(), ['kinds-dev-1-node-1', 'kinds-dev-1-node-2']);
  });

  void it('runs a job to completion', async () => {
    const { stdout } = await kubectl('get', 'job', 'migrate', '-n', 'shop');
    assert.match(stdout, /^NAME\s+STATUS\s+COMPLETIONS\s+DURATION\s+AGE$/m);
    assert.match(stdout, /^migrate\s+Complete\s+3\/3\s+\d+s\s+\d+s$/m);
    const wait = await kubectl(
      'wait',
      '--for=condition=complete',
      'job/migrate',
      '-n',
      'shop',
      '--timeout=5s',
    );
    assert.equal(wait.stdout.trim(), 'job.batch/migrate condition met');
    const pods = await kubectl('get', 'pods', '-n', 'shop', '-l', 'job-name=migrate');
    assert.equal(pods.stdout.match(/\s0\/1\s+Completed\s/g)?.length, 3);
  });

  void it('lists endpoints of a service by its named target port', async () => {
    const { stdout } = await kubectl('get', 'endpoints', 'db', '-n', 'shop');
    assert.match(stdout, /^db\s+10\.244\.\d+\.\d+:5432,10\.244\.\d+\.\d+:5432\s+\d+s$/m);
  });

  void it('computes disruption budget status', async () => {
    const { stdout } = await kubectl('get', 'pdb', 'db', '-n', 'shop', '-o', 'jsonpath={.status}');
    const status = JSON.parse(stdout) as Record<string, unknown>;
    assert.deepEqual(
      [
        status['currentHealthy'],
        status['desiredHealthy'],
        status['expectedPods'],
        status['disruptionsAllowed'],
      ],
      [2, 2, 2, 0],
    );
  });

  void it('keeps a pod that fits no node Pending with a FailedScheduling event', async () => {
    const run = await kubectl(
      'run',
      'huge',
      '-n',
      'shop',
      '--image=nginx:1.27',
      '--overrides',
      JSON.stringify({
        spec: {
          containers: [
            { name: 'huge', image: 'nginx:1.27', resources: { requests: { cpu: '3' } } },
          ],
        },
      }),
    );
    assert.equal(run.code, 0, run.stderr);
    const { stdout } = await kubectl('get', 'pod', 'huge', '-n', 'shop');
    assert.match(stdout, /^huge\s+0\/1\s+Pending\s+0\s+\d+s$/m);
    const events = await kubectl(
      'get',
      'events',
      '-n',
      'shop',
      '--field-selector',
      'involvedObject.name=huge',
      '-o',
      'jsonpath={.items[*].message}',
    );
    assert.equal(
      events.stdout,
      '0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.',
    );
  });
});
