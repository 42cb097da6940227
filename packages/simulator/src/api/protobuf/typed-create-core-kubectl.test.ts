// kubectl's typed `create` of core and RBAC kinds sends protobuf; each must store the fields it set.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { createCertificateAuthority } from '../../server/tls.ts';
import { useKubectlCluster } from '../../testing/kubectl.ts';

type Json = Record<string, unknown>;

const fromBase64 = (value: unknown): string => Buffer.from(String(value), 'base64').toString();

void describe('kubectl typed creates of core and RBAC kinds (protobuf bodies)', () => {
  const kubectl = useKubectlCluster('typed-core-1');

  /** Runs kubectl and asserts it succeeded printing exactly `line`. */
  async function succeeds(line: string, ...args: string[]): Promise<void> {
    const outcome = await kubectl(...args);
    assert.equal(outcome.code, 0, outcome.stderr);
    assert.equal(outcome.stdout.trim(), line);
  }

  /** The stored object, as `kubectl get -o json` prints it. */
  async function stored(resource: string, name: string): Promise<Json> {
    const outcome = await kubectl('get', resource, name, '-o', 'json');
    assert.equal(outcome.code, 0, outcome.stderr);
    return JSON.parse(outcome.stdout) as Json;
  }

  void it('creates config maps with text and binary entries', async () => {
    // Bytes that are not UTF-8 go to binaryData; the helper writes text, so overwrite them.
    const binary = await kubectl.file('blob.bin', '');
    await writeFile(binary, Buffer.from([0xff, 0xfe, 0x00]));
    const text = await kubectl.file('note.txt', 'hello\n');
    await succeeds(
      'configmap/settings created',
      ...['create', 'configmap', 'settings', '--from-literal=mode=fast'],
      ...[`--from-file=${text}`, `--from-file=${binary}`],
    );
    const settings = await stored('configmap', 'settings');
    assert.deepEqual(settings['data'], { mode: 'fast', 'note.txt': 'hello\n' });
    assert.deepEqual(settings['binaryData'], {
      'blob.bin': '//4A',
    });
  });

  void it('creates generic, tls and docker-registry secrets', async () => {
    await succeeds(
      'secret/plain created',
      ...['create', 'secret', 'generic', 'plain', '--from-literal=a=b', '--type=example.com/x'],
    );
    const plain = await stored('secret', 'plain');
    assert.deepEqual([plain['type'], plain['data']], ['example.com/x', { a: 'Yg==' }]);
    const pair = await (await createCertificateAuthority('typed-core-ca')).issueServing(['a.com']);
    const [cert, key] = [
      await kubectl.file('tls.crt', pair.cert),
      await kubectl.file('tls.key', pair.key),
    ];
    await succeeds(
      'secret/web-tls created',
      ...['create', 'secret', 'tls', 'web-tls', `--cert=${cert}`, `--key=${key}`],
    );
    const tls = await stored('secret', 'web-tls');
    const tlsData = tls['data'] as Json;
    assert.equal(tls['type'], 'kubernetes.io/tls');
    assert.deepEqual(
      [fromBase64(tlsData['tls.crt']), fromBase64(tlsData['tls.key'])],
      [pair.cert, pair.key],
    );
    await succeeds(
      'secret/pull created',
      ...['create', 'secret', 'docker-registry', 'pull', '--docker-server=r.example.com'],
      ...['--docker-username=u', '--docker-password=p'],
    );
    const pull = await stored('secret', 'pull');
    assert.equal(pull['type'], 'kubernetes.io/dockerconfigjson');
    const config = JSON.parse(fromBase64((pull['data'] as Json)['.dockerconfigjson'])) as Json;
    const auth = (config['auths'] as Json)['r.example.com'] as Json;
    assert.deepEqual([auth['username'], auth['password']], ['u', 'p']);
  });

  void it('creates namespaces and service accounts', async () => {
    await succeeds('namespace/team created', 'create', 'namespace', 'team');
    assert.deepEqual((await stored('namespace', 'team'))['spec'], { finalizers: ['kubernetes'] });
    await succeeds(
      'serviceaccount/builder created',
      'create',
      'serviceaccount',
      'builder',
      '-n',
      'team',
    );
    const builder = await kubectl('get', 'serviceaccount', 'builder', '-n', 'team', '-o', 'name');
    assert.equal(builder.stdout.trim(), 'serviceaccount/builder');
  });

  void it('creates roles and cluster roles with groups, names and non-resource URLs', async () => {
    await succeeds(
      'role.rbac.authorization.k8s.io/reader created',
      ...['create', 'role', 'reader', '--verb=get,list', '--resource=pods,deployments.apps/scale'],
      '--resource-name=web',
    );
    assert.deepEqual((await stored('role', 'reader'))['rules'], [
      { apiGroups: [''], resources: ['pods'], resourceNames: ['web'], verbs: ['get', 'list'] },
      {
        apiGroups: ['apps'],
        resources: ['deployments/scale'],
        resourceNames: ['web'],
        verbs: ['get', 'list'],
      },
    ]);
    await succeeds(
      'clusterrole.rbac.authorization.k8s.io/logs created',
      ...['create', 'clusterrole', 'logs', '--verb=get', '--non-resource-url=/logs/*'],
    );
    assert.deepEqual((await stored('clusterrole', 'logs'))['rules'], [
      { nonResourceURLs: ['/logs/*'], verbs: ['get'] },
    ]);
  });

  void it('creates role bindings and cluster role bindings with every subject kind', async () => {
    const subjects = ['--user=alice', '--group=devs', '--serviceaccount=team:builder'];
    await succeeds(
      'rolebinding.rbac.authorization.k8s.io/readers created',
      ...['create', 'rolebinding', 'readers', '--role=reader', ...subjects],
    );
    await succeeds(
      'clusterrolebinding.rbac.authorization.k8s.io/log-readers created',
      ...['create', 'clusterrolebinding', 'log-readers', '--clusterrole=logs', ...subjects],
    );
    const rbac = 'rbac.authorization.k8s.io';
    const wanted = [
      { apiGroup: rbac, kind: 'User', name: 'alice' },
      { apiGroup: rbac, kind: 'Group', name: 'devs' },
      { kind: 'ServiceAccount', name: 'builder', namespace: 'team' },
    ];
    const readers = await stored('rolebinding', 'readers');
    assert.deepEqual(readers['subjects'], wanted);
    assert.deepEqual(readers['roleRef'], { apiGroup: rbac, kind: 'Role', name: 'reader' });
    const logReaders = await stored('clusterrolebinding', 'log-readers');
    assert.deepEqual(logReaders['subjects'], wanted);
    assert.deepEqual(logReaders['roleRef'], { apiGroup: rbac, kind: 'ClusterRole', name: 'logs' });
  });
});
