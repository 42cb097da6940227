// The serviceaccounts/token subresource: a TokenRequest answered with a bearer token the cluster then accepts.
import type { Identities } from '../auth/identities.ts';
import { timestamp } from '../clock.ts';
import type { Clock } from '../clock.ts';
import type { Registry } from './registry.ts';
import { checkBoundObject } from './token-bound-object.ts';
import type { ResourceType } from './resource-types.ts';
import { isRecord } from './types.ts';

const defaultAudiences = ['https://kubernetes.default.svc.cluster.local'];
const defaultExpirationSeconds = 3600;

function specOf(body: unknown): Record<string, unknown> {
  return isRecord(body) && isRecord(body['spec']) ? body['spec'] : {};
}

/**
 * Issues a token for the service account `name` (404 when it does not exist), once the object its
 * spec binds it to checks out. The token is opaque, not a JWT, and never expires: tests want one
 * that authenticates, not one they can inspect.
 */
export function requestToken(
  deps: { registry: Registry; clock: Clock; identities: Identities },
  serviceAccountType: ResourceType,
  namespace: string | undefined,
  name: string,
  body: unknown,
): unknown {
  deps.registry.get(serviceAccountType, namespace, name);
  const spec = specOf(body);
  checkBoundObject(deps.registry, spec['boundObjectRef'], {
    namespace: namespace ?? '',
    serviceAccount: name,
  });
  const token = deps.identities.add({ name: `system:serviceaccount:${namespace ?? ''}:${name}` });
  const expirationSeconds =
    typeof spec['expirationSeconds'] === 'number'
      ? spec['expirationSeconds']
      : defaultExpirationSeconds;
  const audiences = Array.isArray(spec['audiences']) ? spec['audiences'] : defaultAudiences;
  const expires = { now: () => deps.clock.now() + expirationSeconds * 1000 };
  return {
    apiVersion: 'authentication.k8s.io/v1',
    kind: 'TokenRequest',
    metadata: { name, namespace, creationTimestamp: timestamp(deps.clock) },
    spec: { audiences, expirationSeconds, boundObjectRef: spec['boundObjectRef'] ?? null },
    status: { token, expirationTimestamp: timestamp(expires) },
  };
}
