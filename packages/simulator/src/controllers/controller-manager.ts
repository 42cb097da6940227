// Runs the cluster's controllers: store changes become keys on a work queue, reconciled level-triggered.
import type { Logger } from 'pino';
import type { Registry } from '../api/registry.ts';
import type { Clock, Random } from '../clock.ts';
import type { StoreEvent } from '../store/event-log.ts';
import { deploymentController } from './deployment-controller.ts';
import { garbageCollector } from './garbage-collector.ts';
import { namespaceController } from './namespace-controller.ts';
import { podLifecycle } from './pod-lifecycle.ts';
import { replicaSetController } from './replicaset-controller.ts';
import { batchKubelet } from './batch-kubelet.ts';
import { crdController } from './crd-controller.ts';
import { daemonSetController } from './daemonset-controller.ts';
import { disruptionController } from './disruption-controller.ts';
import { endpointsController } from './endpoints-controller.ts';
import { jobController } from './job-controller.ts';
import { statefulSetController } from './statefulset-controller.ts';
import { PendingCreations } from './pending-creations.ts';
import { quotaController } from './quota-controller.ts';
import { clusterRoleAggregationController } from './clusterrole-aggregation-controller.ts';

/** What the controllers of a cluster share. */
export interface ClusterDeps {
  readonly registry: Registry;
  readonly clock: Clock;
  readonly random: Random;
  readonly logger: Logger;
}

/** What one controller may use: the cluster's parts and its own creations in flight. */
export interface ControllerDeps extends ClusterDeps {
  readonly creations: PendingCreations;
}

/** One controller: which keys a change touches, and how to bring one key to its desired state. */
export interface Controller {
  readonly name: string;
  keysFor(event: StoreEvent): string[];
  reconcile(key: string): void;
}

/** The running controllers of one cluster. */
export interface ControllerHandle {
  /** Resolves once no work is queued (the cluster has settled). */
  idle(): Promise<void>;
  stop(): void;
}

/** Steps per drain before yielding to the event loop, so a busy cluster never starves its HTTP server. */
const batchSize = 500;

/** Starts every controller on `deps.registry`'s store. */
export function startControllers(deps: ClusterDeps): ControllerHandle {
  const factories = [
    namespaceController,
    garbageCollector,
    deploymentController,
    replicaSetController,
    statefulSetController,
    daemonSetController,
    jobController,
    podLifecycle,
    batchKubelet,
    endpointsController,
    disruptionController,
    crdController,
    quotaController,
    clusterRoleAggregationController,
  ];
  const queue = new Set<string>();
  let scheduled: NodeJS.Immediate | undefined;
  const enqueue = (item: string): void => {
    queue.add(item);
    scheduled ??= setImmediate(drain);
  };
  const creations = factories.map(
    (_, index) => new PendingCreations((key) => enqueue(`${index}|${key}`)),
  );
  const controllers: Controller[] = factories.map((make, index) =>
    make({ ...deps, creations: creations[index] as PendingCreations }),
  );
  let waiters: (() => void)[] = [];
  const drain = (): void => {
    scheduled = undefined;
    for (const item of [...queue].slice(0, batchSize)) {
      queue.delete(item);
      runOne(controllers, item, deps.logger);
    }
    if (queue.size > 0) scheduled = setImmediate(drain);
    else for (const resolve of waiters.splice(0)) resolve();
  };
  const unsubscribe = deps.registry.store.subscribe((event) => {
    controllers.forEach((controller, index) => {
      for (const key of controller.keysFor(event)) queue.add(`${index}|${key}`);
    });
    scheduled ??= setImmediate(drain);
  });
  return {
    idle: () =>
      queue.size === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve)),
    stop: () => {
      unsubscribe();
      for (const pending of creations) pending.stop();
      if (scheduled) clearImmediate(scheduled);
      queue.clear();
      for (const resolve of waiters.splice(0)) resolve();
      waiters = [];
    },
  };
}

function runOne(controllers: Controller[], item: string, logger: Logger): void {
  const separator = item.indexOf('|');
  const controller = controllers[Number(item.slice(0, separator))];
  const key = item.slice(separator + 1);
  try {
    controller?.reconcile(key);
  } catch (error) {
    logger.warn({ err: error, controller: controller?.name, key }, 'reconcile failed');
  }
}
