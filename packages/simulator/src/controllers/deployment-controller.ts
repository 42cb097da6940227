// The deployment controller: one ReplicaSet per pod template (named by its hash), old ones scaled to zero, status rolled up.
import type { StoredObject } from '../api/types.ts';
import { arrayAt, numberAt, recordAt } from '../api/table/json-path.ts';
import type { Controller, ControllerDeps } from './controller-manager.ts';
import { condition } from './conditions.ts';
import { recordEvent } from './events.ts';
import {
  controllerOf,
  controllerRef,
  deploymentType,
  keyOf,
  replicaSetType,
  splitKey,
} from './kinds.ts';
import { podTemplateHash } from './pod-template-hash.ts';

const revisionAnnotation = 'deployment.kubernetes.io/revision';

function revisionOf(replicaSet: StoredObject): number {
  return Number(replicaSet.metadata.annotations?.[revisionAnnotation] ?? 0);
}

function newReplicaSet(deployment: StoredObject, hash: string, revision: number): unknown {
  const template = recordAt(deployment, 'spec.template');
  const templateMeta = recordAt(template, 'metadata');
  const labels = {
    ...(templateMeta['labels'] as Record<string, string>),
    'pod-template-hash': hash,
  };
  const matchLabels = {
    ...(recordAt(deployment, 'spec.selector.matchLabels') as Record<string, string>),
    'pod-template-hash': hash,
  };
  const replicas = numberAt(deployment, 'spec.replicas', 1);
  const annotations = {
    [revisionAnnotation]: String(revision),
    'deployment.kubernetes.io/desired-replicas': String(replicas),
    'deployment.kubernetes.io/max-replicas': String(replicas + Math.ceil(replicas / 4)),
  };
  return {
    metadata: {
      name: `${deployment.metadata.name}-${hash}`,
      labels,
      annotations,
      ownerReferences: [controllerRef(deployment)],
    },
    spec: {
      replicas,
      selector: { matchLabels },
      template: { ...template, metadata: { ...templateMeta, labels } },
    },
  };
}

function scale(deps: ControllerDeps, replicaSet: StoredObject, replicas: number): void {
  if (numberAt(replicaSet, 'spec.replicas', 1) === replicas) return;
  const spec = { ...recordAt(replicaSet, 'spec'), replicas };
  deps.registry.update(replicaSetType, replicaSet.metadata.namespace, replicaSet.metadata.name, {
    ...replicaSet,
    spec,
  });
}

function rollOut(
  deps: ControllerDeps,
  deployment: StoredObject,
  owned: StoredObject[],
): StoredObject[] {
  const hash = podTemplateHash(recordAt(deployment, 'spec.template'));
  const replicas = numberAt(deployment, 'spec.replicas', 1);
  let current = owned.find((rs) => rs.metadata.labels?.['pod-template-hash'] === hash);
  if (!current) {
    const revision = Math.max(0, ...owned.map(revisionOf)) + 1;
    current = deps.registry.create(
      replicaSetType,
      deployment.metadata.namespace,
      newReplicaSet(deployment, hash, revision),
    );
    const message = `Scaled up replica set ${current.metadata.name} from 0 to ${replicas}`;
    recordEvent(deps, deployment, {
      type: 'Normal',
      reason: 'ScalingReplicaSet',
      message,
      component: 'deployment-controller',
    });
  } else scale(deps, current, replicas);
  for (const old of owned.filter((rs) => rs !== current)) scale(deps, old, 0);
  return [current, ...owned.filter((rs) => rs !== current)];
}

function writeStatus(
  deps: ControllerDeps,
  deployment: StoredObject,
  replicaSets: StoredObject[],
): void {
  const [current] = replicaSets;
  const sum = (path: string): number =>
    replicaSets.reduce((total, rs) => total + numberAt(rs, path), 0);
  const desired = numberAt(deployment, 'spec.replicas', 1);
  const available = sum('status.availableReplicas');
  const previous = arrayAt(deployment, 'status.conditions');
  const isAvailable = available >= desired;
  const conditions = [
    condition(
      {
        type: 'Available',
        status: isAvailable ? 'True' : 'False',
        reason: isAvailable ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable',
        message: isAvailable
          ? 'Deployment has minimum availability.'
          : 'Deployment does not have minimum availability.',
      },
      previous,
      deps.clock,
      true,
    ),
    condition(
      {
        type: 'Progressing',
        status: 'True',
        reason: 'NewReplicaSetAvailable',
        message: `ReplicaSet "${current?.metadata.name ?? ''}" has successfully progressed.`,
      },
      previous,
      deps.clock,
      true,
    ),
  ];
  const replicas = sum('status.replicas');
  const status = {
    observedGeneration: deployment.metadata.generation,
    replicas,
    updatedReplicas: current ? numberAt(current, 'status.replicas') : 0,
    readyReplicas: sum('status.readyReplicas'),
    availableReplicas: available,
    ...(replicas > available ? { unavailableReplicas: replicas - available } : {}),
    conditions,
  };
  deps.registry.update(
    deploymentType,
    deployment.metadata.namespace,
    deployment.metadata.name,
    { ...deployment, status },
    'status',
  );
}

/** The deployment controller. */
export function deploymentController(deps: ControllerDeps): Controller {
  return {
    name: 'deployment',
    keysFor: (event) => {
      if (event.resource === deploymentType)
        return event.type === 'DELETED' ? [] : [keyOf(event.object)];
      if (event.resource !== replicaSetType) return [];
      const owner = controllerOf(event.object, 'Deployment');
      return owner ? [`${event.object.metadata.namespace ?? ''}/${owner.name}`] : [];
    },
    reconcile: (key) => {
      const [namespace, name] = splitKey(key);
      const deployment = deps.registry.store.get(deploymentType, namespace, name);
      if (!deployment || deployment.metadata.deletionTimestamp) return;
      const owned = deps.registry.store
        .list(replicaSetType, namespace)
        .filter((rs) => controllerOf(rs, 'Deployment')?.uid === deployment.metadata.uid);
      writeStatus(deps, deployment, rollOut(deps, deployment, owned));
    },
  };
}
