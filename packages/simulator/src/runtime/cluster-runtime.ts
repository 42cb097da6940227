// The runtime side of one cluster's API: pod logs, exec, attach and port-forward, served beside the resource handlers.
import type { ApiCall, Reply } from '../api/api-call.ts';
import type { ResourceRequest } from '../api/request-info.ts';
import { serveMetrics } from '../metrics/metrics-api.ts';
import { metricsGroup } from '../metrics/metrics-types.ts';
import { badRequest } from '../api/status.ts';
import { currentRun } from './container-instances.ts';
import { serveLogs } from './pod-logs.ts';
import { OomKiller } from './oom-killer.ts';
import { podTarget } from './pod-target.ts';
import { retryDeferredResizes, serveResize } from './pod-resize.ts';
import { runPortForward } from './port-forward.ts';
import { remoteCommandRequest, runAttach, runExec } from './remote-command.ts';
import type { RuntimeDeps } from './runtime-deps.ts';
import { createUpgrader, upgradeToSession } from './upgrade-routes.ts';
import type { StreamingSubresource } from './upgrade-routes.ts';

/** The runtime of one cluster, as its HTTP endpoint uses it. */
export interface ClusterRuntime {
  /** Serves `request` when it is a runtime call (log, exec, attach, portforward); undefined leaves it to the resource handlers. */
  serve(call: ApiCall, request: ResourceRequest): Reply | Promise<Reply> | undefined;
  close(): void;
}

function isPodCall(request: ResourceRequest): boolean {
  return request.type.group === '' && request.type.plural === 'pods' && request.name !== undefined;
}

/** Builds the runtime of one cluster. */
export function createClusterRuntime(deps: RuntimeDeps): ClusterRuntime {
  const upgrader = createUpgrader();
  const oomKiller = new OomKiller(deps);
  const kubelet = setInterval(() => {
    oomKiller.tick();
    retryDeferredResizes(deps);
  }, deps.kubeletTickMs ?? 500);
  const remoteCommand = (call: ApiCall, request: ResourceRequest): Reply => {
    const kind = request.subresource as StreamingSubresource;
    const target = podTarget(deps.registry, request, call.query);
    if (!currentRun(target.pod, target.container)) {
      throw badRequest(
        `container ${target.container} is not running in pod ${target.pod.metadata.name}`,
      );
    }
    const command = remoteCommandRequest(call, target);
    return upgradeToSession(upgrader, call, kind, (ws) =>
      kind === 'exec' ? void runExec(deps, ws, command) : runAttach(deps, ws, command),
    );
  };
  const portForward = (call: ApiCall, request: ResourceRequest): Reply => {
    const pod = deps.registry.get(request.type, request.namespace, request.name ?? '');
    return upgradeToSession(upgrader, call, 'portforward', (ws) => runPortForward(ws, pod));
  };
  return {
    serve: (call, request) => {
      if (request.type.group === metricsGroup) return serveMetrics(deps, call, request);
      if (!isPodCall(request)) return undefined;
      const sub = request.subresource ?? '';
      if (sub === 'log' && call.req.method === 'GET') return serveLogs(deps, call, request);
      if (sub === 'exec' || sub === 'attach') return remoteCommand(call, request);
      if (sub === 'portforward') return portForward(call, request);
      if (sub === 'resize') return serveResize(deps, call, request);
      return undefined;
    },
    close: () => {
      clearInterval(kubelet);
      for (const client of upgrader.clients) client.terminate();
      upgrader.close();
    },
  };
}
