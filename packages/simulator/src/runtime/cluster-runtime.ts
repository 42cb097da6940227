// The runtime side of one cluster's API: pod logs, exec, attach and port-forward, served beside the resource handlers.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ApiCall, Reply } from '../api/api-call.ts';
import type { ResourceRequest } from '../api/request-info.ts';
import { serveLogs } from './pod-logs.ts';
import type { RuntimeDeps } from './runtime-deps.ts';

/** The runtime of one cluster, as its HTTP endpoint uses it. */
export interface ClusterRuntime {
  /** Serves `request` when it is a runtime call (pods/log); undefined leaves it to the resource handlers. */
  serve(call: ApiCall, request: ResourceRequest): Reply | undefined;
  /** Takes over an upgrade request (exec, attach, port-forward); false when it is not one. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, request: ResourceRequest): boolean;
  close(): void;
}

function isPodCall(request: ResourceRequest, subresource: string): boolean {
  return (
    request.type.group === '' &&
    request.type.plural === 'pods' &&
    request.name !== undefined &&
    request.subresource === subresource
  );
}

/** Builds the runtime of one cluster. */
export function createClusterRuntime(deps: RuntimeDeps): ClusterRuntime {
  return {
    serve: (call, request) =>
      isPodCall(request, 'log') && call.req.method === 'GET'
        ? serveLogs(deps, call, request)
        : undefined,
    upgrade: () => false,
    close: () => undefined,
  };
}
