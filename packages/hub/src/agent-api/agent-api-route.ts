// `GET /api/v1/clusters/{cluster}/agent/…`: Flotilla's own agent endpoints (facts today; the
// right-sizing answers later), reached over the same tunnel as the Kubernetes API and guarded by
// the same access rules (reading the cluster).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { constants } from 'node:http2';
import { FlotillaError, apiPrefix, isClusterName, tunnelPaths } from '@flotilla/protocol';
import { authorize, clusterResource } from '../access/can.ts';
import { findCluster } from '../clusters/registry.ts';
import { notConnected, type ProxyDeps } from '../k8s-proxy/proxy-gate.ts';

const answerTimeoutMs = 10_000;

async function admit(
  deps: ProxyDeps,
  request: FastifyRequest<{ Params: { name: string; '*': string } }>,
) {
  const cluster = request.params.name;
  if (!isClusterName(cluster))
    throw new FlotillaError('invalid_request', `invalid cluster name ${JSON.stringify(cluster)}`);
  const subject = await deps.authenticator.authenticate(request.headers.authorization);
  const row = await findCluster(deps.db, cluster);
  if (row === undefined || row.decommissioned_at !== null)
    throw new FlotillaError('not_found', `cluster ${cluster} does not exist`);
  authorize(subject, { kind: 'clusters', verb: 'read' }, clusterResource(row));
  const session = deps.sessions.get(cluster);
  if (session === undefined) throw notConnected(cluster, row.last_seen_at);
  return session;
}

function ask(
  deps: ProxyDeps,
  session: Awaited<ReturnType<typeof admit>>,
  path: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const stream = session.channel.request({
      ':method': 'GET',
      ':path': `${tunnelPaths.agentPrefix}/${path}`,
    });
    let status = 502;
    let body = '';
    const timer = setTimeout(() => stream.close(constants.NGHTTP2_CANCEL), answerTimeoutMs);
    stream.on('response', (headers) => (status = Number(headers[':status'] ?? 502)));
    stream.on('data', (chunk: Buffer) => (body += chunk.toString()));
    stream.on('end', () => resolve({ status, body }));
    stream.on('error', (error: Error) =>
      reject(
        new FlotillaError('cluster_unavailable', `the agent did not answer: ${error.message}`),
      ),
    );
    const release = deps.metrics.streamOpened(session.cluster);
    stream.on('close', () => {
      clearTimeout(timer);
      release();
    });
  });
}

/** Registers the agent API route. */
export function installAgentApi(app: FastifyInstance, deps: ProxyDeps): void {
  app.get(
    `${apiPrefix}/clusters/:name/agent/*`,
    async (
      request: FastifyRequest<{ Params: { name: string; '*': string } }>,
      reply: FastifyReply,
    ) => {
      const session = await admit(deps, request);
      const answer = await ask(deps, session, request.params['*']);
      if (answer.status === 404)
        throw new FlotillaError('not_found', `the agent has no endpoint ${request.params['*']}`);
      void reply.status(answer.status).type('application/json');
      return answer.body;
    },
  );
}
