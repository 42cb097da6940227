// The deployment controller: one ReplicaSet per pod template (named by its hash), old ones scaled to zero, status rolled up.
import { stableJson } from '../api/stable-json.ts';
import { isRecord } from '../api/types.ts';
import type { StoredObject } from '../api/types.ts';
import { arrayAt, numberAt, recordAt } from '../api/table/json-path.ts';
import type { Controller, ControllerDeps } from './controller-manager.ts';
import { condition } from './conditions.ts';
import { recordEvent } from './events.ts';
import {
  controllerOf,
  controllerRef,
  deploymentType,
  ownerKeysFor,
  replicaSetType,
  splitKey,
} from './kinds.ts';
import { podTemplateHash } from './pod-template-hash.ts';
import { initialReplicas, planRollout, surgeAndUnavailable } from './rolling-update.ts';

const revisionAnnotation = 'deployment.kubernetes.io/revision';
const changeCauseAnnotation = 'kubernetes.io/change-cause';
const component = 'deployment-controller';

function revisionOf(replicaSet: StoredObject): number {
  return Number(replicaSet.metadata.annotations?.[revisionAnnotation] ?? 0);
}

function newReplicaSet(
  deployment: StoredObject,
  hash: string,
  revision: number,
  replicas: number,
): unknown {
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
  const desired = numberAt(deployment, 'spec.replicas', 1);
  const changeCause = deployment.metadata.annotations?.[changeCauseAnnotation];
  const annotations = {
    [revisionAnnotation]: String(revision),
    'deployment.kubernetes.io/desired-replicas': String(desired),
    'deployment.kubernetes.io/max-replicas': String(
      desired + surgeAndUnavailable(deployment).surge,
    ),
    ...(changeCause ? { [changeCauseAnnotation]: changeCause } : {}),
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

function scale(
  deps: ControllerDeps,
  deployment: StoredObject,
  replicaSet: StoredObject,
  replicas: number,
): void {
  const before = numberAt(replicaSet, 'spec.replicas', 1);
  if (before === replicas) return;
  const spec = { ...recordAt(replicaSet, 'spec'), replicas };
  deps.registry.update(replicaSetType, replicaSet.metadata.namespace, replicaSet.metadata.name, {
    ...replicaSet,
    spec,
  });
  const direction = replicas > before ? 'up' : 'down';
  const message = `Scaled ${direction} replica set ${replicaSet.metadata.name} from ${before} to ${replicas}`;
  recordEvent(deps, deployment, {
    type: 'Normal',
    reason: 'ScalingReplicaSet',
    message,
    component,
  });
}

/** A template without nulls (`creationTimestamp: null` from Go clients) or the hash label. */
function comparableTemplate(template: unknown): unknown {
  if (Array.isArray(template)) return template.map(comparableTemplate);
  if (!isRecord(template)) return template;
  const entries = Object.entries(template)
    .filter(([key, value]) => value !== null && key !== 'pod-template-hash')
    .map(([key, value]) => [key, comparableTemplate(value)]);
  return Object.fromEntries(entries);
}

/** Templates equal but for the hash label, as the controller's EqualIgnoreHash compares them. */
function isSameTemplate(a: unknown, b: unknown): boolean {
  return stableJson(comparableTemplate(a)) === stableJson(comparableTemplate(b));
}

/** The ReplicaSet for the current template: found (and re-numbered on a rollback) or created. */
function currentReplicaSet(
  deps: ControllerDeps,
  deployment: StoredObject,
  owned: StoredObject[],
): StoredObject {
  const template = recordAt(deployment, 'spec.template');
  const hash = podTemplateHash(comparableTemplate(template));
  const latest = Math.max(0, ...owned.map(revisionOf));
  const found = owned.find((rs) => isSameTemplate(recordAt(rs, 'spec.template'), template));
  if (found && revisionOf(found) === latest) return found;
  if (found) {
    const annotations = { ...found.metadata.annotations, [revisionAnnotation]: String(latest + 1) };
    const metadata = { ...found.metadata, annotations };
    return deps.registry.update(replicaSetType, found.metadata.namespace, found.metadata.name, {
      ...found,
      metadata,
    });
  }
  const old = owned;
  const replicas = initialReplicas(deployment, old);
  const created = deps.registry.create(
    replicaSetType,
    deployment.metadata.namespace,
    newReplicaSet(deployment, hash, latest + 1, replicas),
  );
  const message = `Scaled up replica set ${created.metadata.name} from 0 to ${replicas}`;
  recordEvent(deps, deployment, {
    type: 'Normal',
    reason: 'ScalingReplicaSet',
    message,
    component,
  });
  return created;
}

/** Drops the oldest empty ReplicaSets beyond spec.revisionHistoryLimit. */
function pruneHistory(deps: ControllerDeps, deployment: StoredObject, old: StoredObject[]): void {
  const limit = numberAt(deployment, 'spec.revisionHistoryLimit', 10);
  const empty = old
    .filter((rs) => numberAt(rs, 'spec.replicas', 1) === 0 && numberAt(rs, 'status.replicas') === 0)
    .sort((a, b) => revisionOf(a) - revisionOf(b));
  for (const rs of empty.slice(0, Math.max(0, empty.length - limit)))
    deps.registry.delete(replicaSetType, rs.metadata.namespace, rs.metadata.name, {});
}

function rollOut(
  deps: ControllerDeps,
  deployment: StoredObject,
  owned: StoredObject[],
): StoredObject[] {
  const current = currentReplicaSet(deps, deployment, owned);
  const old = owned.filter((rs) => rs.metadata.uid !== current.metadata.uid);
  const plan = planRollout(deployment, current, old);
  for (const rs of [current, ...old]) scale(deps, deployment, rs, plan.get(rs.metadata.name) ?? 0);
  pruneHistory(deps, deployment, old);
  const revision = String(revisionOf(current));
  if (deployment.metadata.annotations?.[revisionAnnotation] !== revision) {
    const annotations = { ...deployment.metadata.annotations, [revisionAnnotation]: revision };
    const { namespace, name } = deployment.metadata;
    deps.registry.update(deploymentType, namespace, name, {
      ...deployment,
      metadata: { ...deployment.metadata, annotations },
    });
  }
  const store = deps.registry.store;
  const fresh = (rs: StoredObject): StoredObject[] => {
    const found = store.get(replicaSetType, rs.metadata.namespace, rs.metadata.name);
    return found ? [found] : [];
  };
  return [...fresh(current), ...old.flatMap(fresh)];
}

interface RolloutFacts {
  readonly isAvailable: boolean;
  readonly isComplete: boolean;
  readonly name: string;
}

function conditionsOf(
  deps: ControllerDeps,
  deployment: StoredObject,
  facts: RolloutFacts,
): unknown[] {
  const previous = arrayAt(deployment, 'status.conditions');
  const { isAvailable, isComplete, name } = facts;
  const available = {
    type: 'Available',
    status: isAvailable ? 'True' : 'False',
    reason: isAvailable ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable',
    message: isAvailable
      ? 'Deployment has minimum availability.'
      : 'Deployment does not have minimum availability.',
  } as const;
  const progressing = {
    type: 'Progressing',
    status: 'True',
    reason: isComplete ? 'NewReplicaSetAvailable' : 'ReplicaSetUpdated',
    message: isComplete
      ? `ReplicaSet "${name}" has successfully progressed.`
      : `ReplicaSet "${name}" is progressing.`,
  } as const;
  return [available, progressing].map((c) => condition(c, previous, deps.clock, true));
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
  const replicas = sum('status.replicas');
  const updated = current ? numberAt(current, 'status.replicas') : 0;
  const facts = {
    isAvailable: available >= desired - surgeAndUnavailable(deployment).unavailable,
    isComplete: updated === desired && available >= desired && replicas === desired,
    name: current?.metadata.name ?? '',
  };
  const status = {
    observedGeneration: deployment.metadata.generation,
    replicas,
    updatedReplicas: updated,
    readyReplicas: sum('status.readyReplicas'),
    availableReplicas: available,
    ...(replicas > available ? { unavailableReplicas: replicas - available } : {}),
    conditions: conditionsOf(deps, deployment, facts),
  };
  const { namespace, name } = deployment.metadata;
  deps.registry.update(deploymentType, namespace, name, { ...deployment, status }, 'status');
}

/** The deployment controller. */
export function deploymentController(deps: ControllerDeps): Controller {
  return {
    name: 'deployment',
    keysFor: (event) => ownerKeysFor(event, deploymentType, replicaSetType),
    reconcile: (key) => {
      const [namespace, name] = splitKey(key);
      const deployment = deps.registry.store.get(deploymentType, namespace, name);
      if (!deployment || deployment.metadata.deletionTimestamp) return;
      const owned = deps.registry.store
        .list(replicaSetType, namespace)
        .filter((rs) => controllerOf(rs, 'Deployment')?.uid === deployment.metadata.uid);
      const replicaSets = rollOut(deps, deployment, owned);
      const latest = deps.registry.store.get(deploymentType, namespace, name) ?? deployment;
      writeStatus(deps, latest, replicaSets);
    },
  };
}
