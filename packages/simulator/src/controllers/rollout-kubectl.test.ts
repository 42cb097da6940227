// Deployment rollouts as kubectl drives them: set image, rollout status, history, undo, surge limits.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSimulator } from '../index.ts';
import type { Simulator } from '../index.ts';
import { kubectlFor } from '../testing/kubectl.ts';
import type { Kubectl } from '../testing/kubectl.ts';

void describe('deployment rollouts through real kubectl', () => {
  let simulator: Simulator;
  let kubectl: Kubectl;
  const shop = ['-n', 'shop'];

  void before(async () => {
    simulator = await startSimulator({
      clusters: [
        {
          name: 'roll-dev-1',
          environment: 'dev',
          nodes: 2,
          workloads: [{ name: 'web', namespace: 'shop', replicas: 4 }],
        },
      ],
    });
    kubectl = await kubectlFor(simulator.cluster('roll-dev-1'));
  });

  void after(async () => {
    await kubectl.dispose();
    await simulator.close();
  });

  void it('rolls out a new image until rollout status reports success', async () => {
    const set = await kubectl('set', 'image', 'deployment/web', 'web=nginx:1.28', ...shop);
    assert.equal(set.stdout.trim(), 'deployment.apps/web image updated');
    const status = await kubectl('rollout', 'status', 'deployment/web', '--timeout=10s', ...shop);
    assert.equal(status.code, 0, status.stderr);
    assert.match(status.stdout, /deployment "web" successfully rolled out\n$/);
    const images = await kubectl(
      'get',
      'pods',
      ...shop,
      '-o',
      'jsonpath={.items[*].spec.containers[0].image}',
    );
    assert.deepEqual(images.stdout.split(' '), [
      'nginx:1.28',
      'nginx:1.28',
      'nginx:1.28',
      'nginx:1.28',
    ]);
  });

  void it('moves one replica at a time, as 25% surge and unavailability of 4 allow', async () => {
    const events = await kubectl(
      'get',
      'events',
      ...shop,
      '--field-selector',
      'reason=ScalingReplicaSet',
      '-o',
      'jsonpath={range .items[*]}{.message}{"\\n"}{end}',
    );
    const lines = events.stdout.trim().split('\n');
    assert.ok(
      lines.some((line) => /^Scaled up replica set web-\w+ from 0 to 1$/.test(line)),
      events.stdout,
    );
    assert.ok(
      lines.some((line) => /^Scaled down replica set web-\w+ from 4 to 3$/.test(line)),
      events.stdout,
    );
  });

  void it('keeps revision history and rolls back with undo', async () => {
    const history = await kubectl('rollout', 'history', 'deployment/web', ...shop);
    assert.match(history.stdout, /^REVISION\s+CHANGE-CAUSE\n1\s+<none>\n2\s+<none>\n/m);
    const undo = await kubectl('rollout', 'undo', 'deployment/web', ...shop);
    assert.equal(undo.stdout.trim(), 'deployment.apps/web rolled back');
    const status = await kubectl('rollout', 'status', 'deployment/web', '--timeout=10s', ...shop);
    assert.match(status.stdout, /successfully rolled out/);
    const after = await kubectl('rollout', 'history', 'deployment/web', ...shop);
    assert.match(after.stdout, /^2\s+<none>\n3\s+<none>\n/m);
    const image = await kubectl(
      'get',
      'deployment',
      'web',
      ...shop,
      '-o',
      'jsonpath={.spec.template.spec.containers[0].image}',
    );
    assert.equal(image.stdout, 'nginx:1.27');
  });
});
