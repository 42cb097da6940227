// The declarative kinds apps ship beside workloads: kubectl applies, lists and discovers them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stringify } from 'yaml';
import { useKubectlCluster } from '../testing/kubectl.ts';

const manifests = [
  {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'IngressClass',
    metadata: { name: 'nginx' },
    spec: { controller: 'k8s.io/ingress-nginx' },
  },
  {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      ingressClassName: 'nginx',
      rules: [
        {
          host: 'shop.example.com',
          http: {
            paths: [
              {
                path: '/',
                pathType: 'Prefix',
                backend: { service: { name: 'web', port: { number: 80 } } },
              },
            ],
          },
        },
      ],
    },
  },
  {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'deny-all', namespace: 'default' },
    spec: { podSelector: {}, policyTypes: ['Ingress'] },
  },
  {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'fast' },
    provisioner: 'ebs.csi.aws.com',
  },
  {
    apiVersion: 'scheduling.k8s.io/v1',
    kind: 'PriorityClass',
    metadata: { name: 'critical-apps' },
    value: 100000,
  },
];

void describe('ingresses, network policies, storage and priority classes', () => {
  const kubectl = useKubectlCluster('platform-dev-1');

  void it('applies them as Flux would, and lists them back', async () => {
    // One YAML stream of documents, as manifests in a Git repository are.
    const list = manifests.map((manifest) => stringify(manifest)).join('---\n');
    const applied = await kubectl.withInput(list, 'apply', '-f', '-');
    assert.equal(applied.code, 0, applied.stderr);
    assert.deepEqual(applied.stdout.trim().split('\n'), [
      'ingressclass.networking.k8s.io/nginx created',
      'ingress.networking.k8s.io/web created',
      'networkpolicy.networking.k8s.io/deny-all created',
      'storageclass.storage.k8s.io/fast created',
      'priorityclass.scheduling.k8s.io/critical-apps created',
    ]);
    const names = await kubectl('get', 'ing,netpol,sc,pc', '-A', '-o', 'name');
    assert.equal(names.code, 0, names.stderr);
    assert.deepEqual(names.stdout.trim().split('\n'), [
      'ingress.networking.k8s.io/web',
      'networkpolicy.networking.k8s.io/deny-all',
      'storageclass.storage.k8s.io/fast',
      'priorityclass.scheduling.k8s.io/critical-apps',
      // Every cluster has the system classes the API server creates at start-up.
      'priorityclass.scheduling.k8s.io/system-cluster-critical',
      'priorityclass.scheduling.k8s.io/system-node-critical',
    ]);
    const again = await kubectl.withInput(list, 'apply', '-f', '-');
    assert.match(again.stdout, /ingress\.networking\.k8s\.io\/web unchanged/);
  });

  void it('prints them with the columns kubectl shows for a real cluster', async () => {
    const rows = async (...args: string[]) => {
      const outcome = await kubectl('get', ...args);
      assert.equal(outcome.code, 0, outcome.stderr);
      return outcome.stdout
        .trim()
        .split('\n')
        .map((line) => line.split(/\s{2,}/));
    };
    const [ingressHeader, ingress] = await rows('ingress', 'web');
    assert.deepEqual(ingressHeader, ['NAME', 'CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE']);
    assert.deepEqual(ingress?.slice(0, 4), ['web', 'nginx', 'shop.example.com', '80']);
    const [, policy] = await rows('netpol', 'deny-all');
    assert.deepEqual(policy?.slice(0, 2), ['deny-all', '<none>']);
    const [scHeader, storage] = await rows('sc', 'fast');
    assert.deepEqual(scHeader, [
      'NAME',
      'PROVISIONER',
      'RECLAIMPOLICY',
      'VOLUMEBINDINGMODE',
      'ALLOWVOLUMEEXPANSION',
      'AGE',
    ]);
    assert.deepEqual(storage?.slice(0, 5), [
      'fast',
      'ebs.csi.aws.com',
      'Delete',
      'Immediate',
      'false',
    ]);
    const [, priority] = await rows('pc', 'critical-apps');
    assert.deepEqual(priority?.slice(0, 3), ['critical-apps', '100000', 'false']);
  });

  void it('gives pods the priority of their class, and refuses a class that does not exist', async () => {
    const pod = (name: string, priorityClassName: string) =>
      stringify({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name, namespace: 'default' },
        spec: { priorityClassName, containers: [{ name: 'app', image: 'nginx:1.27' }] },
      });
    assert.equal(
      (await kubectl.withInput(pod('urgent', 'critical-apps'), 'create', '-f', '-')).code,
      0,
    );
    const read = await kubectl(
      'get',
      'pod',
      'urgent',
      '-o',
      'jsonpath={.spec.priority} {.spec.preemptionPolicy}',
    );
    assert.equal(read.stdout, '100000 PreemptLowerPriority');
    const refused = await kubectl.withInput(pod('lost', 'no-such-class'), 'create', '-f', '-');
    assert.equal(refused.code, 1);
    assert.match(
      refused.stderr,
      /Error from server \(Forbidden\): error when creating "STDIN": pods "lost" is forbidden: no PriorityClass with name no-such-class was found/,
    );
    const storage = await kubectl(
      'get',
      'sc',
      'fast',
      '-o',
      'jsonpath={.reclaimPolicy} {.volumeBindingMode}',
    );
    assert.equal(storage.stdout, 'Delete Immediate');
  });

  void it('lists them in discovery with their short names', async () => {
    const resources = await kubectl('api-resources', '--api-group=networking.k8s.io', '-o', 'name');
    assert.deepEqual(resources.stdout.trim().split('\n').sort(), [
      'ingressclasses.networking.k8s.io',
      'ingresses.networking.k8s.io',
      'networkpolicies.networking.k8s.io',
    ]);
    const wide = await kubectl('api-resources', '--api-group=scheduling.k8s.io');
    assert.match(
      wide.stdout,
      /priorityclasses\s+pc\s+scheduling\.k8s\.io\/v1\s+false\s+PriorityClass/,
    );
  });
});
