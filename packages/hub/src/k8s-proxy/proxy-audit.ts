// Every proxied request lands in the audit trail: who, which cluster, verb, resource, namespace,
// status, bytes and duration. Interactive sessions are recorded when they start and when they end.
import type { Logger } from 'pino';
import { recordAudit } from '../audit/audit.ts';
import type { Db } from '../store/store.ts';
import type { AdmittedRequest } from './proxy-gate.ts';

export interface ProxyOutcome {
  readonly status: number;
  readonly bytes: number;
  readonly durationMs: number;
}

function targetOf(request: AdmittedRequest): string {
  const { resource, subresource, name } = request.attributes;
  if (!request.attributes.isResourceRequest) return name;
  return [resource, name, subresource].filter((part) => part !== '').join('/');
}

/** Appends one audit row for a proxied request (`phase` tells start/end of an interactive one). */
export function auditProxied(
  db: Db,
  logger: Logger,
  request: AdmittedRequest,
  details: Record<string, unknown>,
  meta: { requestId: string; source: string | undefined; now: Date },
): void {
  const { attributes, target, subject } = request;
  const entry = {
    actor: subject.name,
    action: attributes.verb,
    kind: 'kubernetes',
    target: targetOf(request),
    cluster: target.cluster,
    after: {
      path: target.path,
      namespace: attributes.namespace,
      apiGroup: attributes.apiGroup,
      ...details,
    },
    requestId: meta.requestId,
    ...(meta.source === undefined ? {} : { source: meta.source }),
  };
  recordAudit(db, entry, meta.now).catch((error: unknown) =>
    logger.error({ err: error, cluster: target.cluster }, 'could not audit a proxied request'),
  );
}
