// kubectl get -o json of services shows v1.32's defaults, cluster IPs and node ports allocated as a real server does.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useKubectlCluster } from '../testing/kubectl.ts';

type Json = Record<string, unknown>;

function service(name: string, spec: Json): string {
  return JSON.stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec });
}

function nodePortsOf(spec: Json): unknown[] {
  return (spec['ports'] as Json[]).map((port) => port['nodePort']);
}

function isNodePort(value: unknown): boolean {
  return typeof value === 'number' && value >= 30000 && value <= 32767;
}

void describe('services defaulted and allocated as by a v1.32 API server', () => {
  const kubectl = useKubectlCluster('services-dev-1');

  async function run(...args: string[]): Promise<void> {
    const outcome = await kubectl(...args);
    assert.equal(outcome.code, 0, outcome.stderr);
  }

  async function create(text: string): Promise<void> {
    const outcome = await kubectl.withInput(text, 'create', '-f', '-');
    assert.equal(outcome.code, 0, outcome.stderr);
  }

  async function specOf(name: string): Promise<Json> {
    const outcome = await kubectl('get', 'service', name, '-o', 'json');
    assert.equal(outcome.code, 0, outcome.stderr);
    return (JSON.parse(outcome.stdout) as { spec: Json }).spec;
  }

  void it('fills a ClusterIP service completely', async () => {
    await create(service('web', { selector: { app: 'web' }, ports: [{ port: 80 }] }));
    const spec = await specOf('web');
    assert.match(String(spec['clusterIP']), /^10\.96\.\d+\.\d+$/);
    assert.deepEqual(spec, {
      clusterIP: spec['clusterIP'],
      clusterIPs: [spec['clusterIP']],
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
      selector: { app: 'web' },
      sessionAffinity: 'None',
      type: 'ClusterIP',
    });
  });

  void it('defaults a zero target port to the port, and ClientIP affinity its timeout', async () => {
    const ports = [
      { name: 'a', port: 81, targetPort: 0 },
      { name: 'b', port: 82, targetPort: 'http', protocol: 'UDP' },
    ];
    await create(service('zero', { ports, sessionAffinity: 'ClientIP' }));
    const spec = await specOf('zero');
    assert.deepEqual(spec['ports'], [
      { name: 'a', port: 81, protocol: 'TCP', targetPort: 81 },
      { name: 'b', port: 82, protocol: 'UDP', targetPort: 'http' },
    ]);
    assert.deepEqual(spec['sessionAffinityConfig'], { clientIP: { timeoutSeconds: 10800 } });
  });

  void it('allocates distinct node ports, honours requested ones, refuses taken ones', async () => {
    await run('create', 'service', 'nodeport', 'np', '--tcp=80:8080');
    const np = await specOf('np');
    assert.equal(np['externalTrafficPolicy'], 'Cluster');
    const [allocated] = nodePortsOf(np);
    assert.ok(isNodePort(allocated), String(allocated));
    await run('create', 'service', 'nodeport', 'fixed', '--tcp=80', '--node-port=30080');
    assert.deepEqual(nodePortsOf(await specOf('fixed')), [30080]);
    const taken = await kubectl(
      'create',
      'service',
      'nodeport',
      'dup',
      '--tcp=80',
      '--node-port=30080',
    );
    assert.notEqual(taken.code, 0);
    assert.match(
      taken.stderr,
      /Service "dup" is invalid: spec\.ports\[0\]\.nodePort: Invalid value: 30080: provided port is already allocated/,
    );
    const outside = await kubectl.withInput(
      service('outside', { type: 'NodePort', ports: [{ port: 80, nodePort: 8080 }] }),
      ...['create', '-f', '-'],
    );
    assert.match(outside.stderr, /provided port is not in the valid range/);
    await run('create', 'service', 'loadbalancer', 'lb', '--tcp=443:8443', '--tcp=80:8080');
    const lb = await specOf('lb');
    const ports = nodePortsOf(lb);
    assert.ok(ports.every(isNodePort), String(ports));
    assert.equal(new Set([allocated, 30080, ...ports]).size, 4, 'node ports are unique');
    assert.equal(lb['allocateLoadBalancerNodePorts'], true);
    assert.equal(lb['externalTrafficPolicy'], 'Cluster');
  });

  void it('keeps allocations on update and allocates when the type changes', async () => {
    await create(service('grow', { selector: { app: 'x' }, ports: [{ name: 'http', port: 80 }] }));
    const before = await specOf('grow');
    await run('patch', 'service', 'grow', '-p', '{"spec":{"type":"NodePort"}}');
    const grown = await specOf('grow');
    assert.equal(grown['clusterIP'], before['clusterIP']);
    const [nodePort] = nodePortsOf(grown);
    assert.ok(isNodePort(nodePort), String(nodePort));
    const replaced = service('grow', {
      type: 'NodePort',
      selector: { app: 'y' },
      ports: [{ name: 'http', port: 80 }],
    });
    await run('replace', '--force=false', '-f', await kubectl.file('grow.json', replaced));
    const kept = await specOf('grow');
    assert.deepEqual([kept['clusterIP'], nodePortsOf(kept)], [before['clusterIP'], [nodePort]]);
    await run('patch', 'service', 'grow', '-p', '{"spec":{"type":"ClusterIP"}}');
    const shrunk = await specOf('grow');
    assert.deepEqual(nodePortsOf(shrunk), [undefined]);
    assert.equal(shrunk['externalTrafficPolicy'], undefined);
  });

  void it('gives ExternalName services no cluster IP and no ports unless given', async () => {
    await run('create', 'service', 'externalname', 'ext', '--external-name=example.com');
    // kubectl itself sends the app selector.
    assert.deepEqual(await specOf('ext'), {
      externalName: 'example.com',
      selector: { app: 'ext' },
      sessionAffinity: 'None',
      type: 'ExternalName',
    });
  });

  void it('keeps headless services headless, dual-stack when selectorless', async () => {
    await create(service('db', { clusterIP: 'None', selector: { app: 'db' } }));
    const db = await specOf('db');
    assert.deepEqual(
      [db['clusterIP'], db['clusterIPs'], db['ipFamilyPolicy'], db['ipFamilies']],
      ['None', ['None'], 'SingleStack', ['IPv4']],
    );
    await create(service('bare', { clusterIP: 'None' }));
    const bare = await specOf('bare');
    assert.deepEqual(
      [bare['clusterIP'], bare['ipFamilyPolicy'], bare['ipFamilies']],
      ['None', 'RequireDualStack', ['IPv4', 'IPv6']],
    );
  });
});
