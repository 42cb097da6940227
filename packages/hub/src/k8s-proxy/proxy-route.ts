// `/k8s/clusters/{cluster}/…`: the Kubernetes API of every cluster, through the hub. Authorized
// by `can`, audited, and streamed over the cluster's tunnel; errors are Kubernetes Status objects.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FastifyReply } from 'fastify';
import type { ProxyDeps } from './proxy-gate.ts';
import { admitRequest } from './proxy-gate.ts';
import { forwardRequest } from './proxy-forward.ts';
import { auditProxied, isUrgentAudit, type ProxyOutcome } from './proxy-audit.ts';
import { failProxied } from './proxy-failure.ts';

async function proxy(deps: ProxyDeps, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  reply.hijack();
  const raw = request.raw;
  try {
    const admitted = await admitRequest(
      deps,
      raw.method ?? 'GET',
      raw.url ?? '/',
      raw.headers.authorization,
    );
    const release = deps.metrics.streamOpened(admitted.target.cluster);
    const onDone = (outcome: ProxyOutcome) => {
      release();
      deps.metrics.requestDone(
        admitted.target.cluster,
        admitted.attributes.verb,
        outcome.status,
        outcome.durationMs / 1000,
      );
      return auditProxied(
        deps.audit,
        admitted,
        { method: raw.method, ...outcome },
        { requestId: request.id, source: request.ip, now: deps.now() },
      );
    };
    forwardRequest(admitted, raw, reply.raw, {
      onDone,
      isUrgent: isUrgentAudit(admitted.attributes.verb),
    });
  } catch (error) {
    failProxied(reply.raw, error);
  }
}

/** Registers the proxy routes in their own scope, where request bodies are left unread. */
export async function installKubernetesProxy(app: FastifyInstance, deps: ProxyDeps): Promise<void> {
  await app.register((scope, _options, done) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, parsed) => parsed(null, undefined));
    const handler = (request: FastifyRequest, reply: FastifyReply) => proxy(deps, request, reply);
    scope.all('/k8s/clusters/:cluster', handler);
    scope.all('/k8s/clusters/:cluster/*', handler);
    done();
  });
}
