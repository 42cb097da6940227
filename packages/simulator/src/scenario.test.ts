// Checks scenario parsing (clear errors naming the bad field) and the shape of the demo fleet.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { demoFleet, loadScenario, ScenarioError } from './index.ts';

void describe('loadScenario', () => {
  void it('parses clusters with workloads', () => {
    const clusters = loadScenario(`
clusters:
  - name: dev-eu-1
    environment: dev
    labels: { region: eu }
    nodes: 2
    workloads:
      - { name: web, namespace: shop, tier: web, replicas: 2, requests: { cpu: 250m, memory: 256Mi } }
`);
    assert.equal(clusters.length, 1);
    assert.equal(clusters[0]?.workloads?.[0]?.requests?.cpu, '250m');
  });

  void it('names the bad field', () => {
    const yaml =
      'clusters:\n  - name: ok-1\n    environment: dev\n  - name: bad-1\n    environment: staging\n';
    assert.throws(
      () => loadScenario(yaml),
      (error: unknown) => {
        assert.ok(error instanceof ScenarioError);
        assert.equal(error.path, 'clusters[1].environment');
        assert.match(error.message, /^invalid scenario: clusters\[1\]\.environment: /);
        return true;
      },
    );
  });

  void it('refuses unknown fields, bad quantities, duplicate names and broken YAML', () => {
    assert.throws(
      () => loadScenario('clusters:\n  - { name: a, environment: dev, colour: red }\n'),
      /clusters\[0\]/,
    );
    assert.throws(
      () =>
        loadScenario(
          'clusters:\n  - name: a\n    environment: dev\n    workloads: [{ name: w, namespace: n, requests: { cpu: lots } }]\n',
        ),
      /clusters\[0\]\.workloads\[0\]\.requests\.cpu: must be a Kubernetes quantity/,
    );
    assert.throws(
      () =>
        loadScenario(
          'clusters:\n  - { name: a, environment: dev }\n  - { name: a, environment: qa }\n',
        ),
      /clusters\[1\]\.name: duplicate cluster name "a"/,
    );
    assert.throws(() => loadScenario('clusters: [\n'), /not valid YAML/);
  });
});

void describe('demoFleet', () => {
  void it('spans every environment with at least six distinct clusters', () => {
    const fleet = demoFleet();
    assert.ok(fleet.length >= 6);
    assert.deepEqual([...new Set(fleet.map((c) => c.environment))].sort(), [
      'dev',
      'prod',
      'qa',
      'uat',
    ]);
    assert.equal(new Set(fleet.map((c) => c.name)).size, fleet.length);
    const tiers = new Set(fleet.flatMap((c) => c.workloads ?? []).map((w) => w.tier));
    for (const tier of ['web', 'worker', 'database', 'cache'])
      assert.ok(tiers.has(tier as never), tier);
  });
});
