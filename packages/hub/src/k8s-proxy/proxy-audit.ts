// Every proxied request lands in the audit trail: who, which cluster, verb, resource, namespace,
// status, bytes and duration. Interactive sessions are recorded when they start and when they end.
//
// Reads (get, list, watch) are appended in batches that commit within 100 ms and when the hub
// stops (audit/audit-writer.ts). Everything else — writes, deletes, exec, attach, port-forward —
// is urgent: the caller awaits the commit before the client gets the end of the answer (or, for a
// session, before it starts), so no change is ever answered without its audit row.
import type { AuditWriter } from '../audit/audit-writer.ts';
import type { KubernetesVerb } from '../access/can.ts';
import type { AdmittedRequest } from './proxy-gate.ts';

export interface ProxyOutcome {
  readonly status: number;
  readonly bytes: number;
  readonly durationMs: number;
}

const reads: ReadonlySet<KubernetesVerb> = new Set(['get', 'list', 'watch']);

/** True when the request's audit row must be stored before its answer completes. */
export function isUrgentAudit(verb: KubernetesVerb): boolean {
  return !reads.has(verb);
}

function targetOf(request: AdmittedRequest): string {
  const { resource, subresource, name } = request.attributes;
  if (!request.attributes.isResourceRequest) return name;
  return [resource, name, subresource].filter((part) => part !== '').join('/');
}

/**
 * Appends one audit row for a proxied request (`phase` tells start/end of an interactive one);
 * resolves once it is stored. A failure is logged by the writer, with the row.
 */
export function auditProxied(
  audit: AuditWriter,
  request: AdmittedRequest,
  details: Record<string, unknown>,
  meta: { requestId: string; source: string | undefined; now: Date },
): Promise<void> {
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
  return audit.append(entry, meta.now, { isUrgent: isUrgentAudit(attributes.verb) });
}
