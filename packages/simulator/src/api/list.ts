// Listing with label and field selectors and `limit`/`continue` pagination.
import type { ObjectStore } from '../store/object-store.ts';
import { parseFieldSelector } from './field-selector.ts';
import { parseLabelSelector } from './label-selector.ts';
import type { ResourceType } from './resource-types.ts';
import { badRequest, expired } from './status.ts';
import type { KubeObject, StoredObject } from './types.ts';

/** A predicate combining a request's label and field selectors. */
export type ObjectFilter = (object: KubeObject) => boolean;

/** The filter a request's `labelSelector` and `fieldSelector` describe. */
export function filterOf(type: ResourceType, query: URLSearchParams): ObjectFilter {
  const labels = parseLabelSelector(query.get('labelSelector'));
  const fields = parseFieldSelector(type, query.get('fieldSelector'));
  return (object) => labels(object.metadata.labels) && fields(object);
}

/** One page of a list and what the list's metadata should say about it. */
export interface ListPage {
  readonly items: StoredObject[];
  readonly resourceVersion: string;
  readonly continue?: string;
  readonly remainingItemCount?: number;
}

interface ContinueToken {
  readonly rv: number;
  readonly start: string;
}

function keyOf(object: StoredObject): string {
  return `${object.metadata.namespace ?? ''}/${object.metadata.name}`;
}

function encodeContinue(token: ContinueToken): string {
  return Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', ...token })).toString('base64url');
}

function decodeContinue(text: string, store: ObjectStore): ContinueToken {
  let token: unknown;
  try {
    token = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw badRequest('continue key is not valid: illegal base64 data');
  }
  const { rv, start } = (token ?? {}) as Partial<ContinueToken>;
  if (typeof rv !== 'number' || typeof start !== 'string') {
    throw badRequest(
      'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
    );
  }
  if (rv < store.log.compactedRevision) {
    throw expired(
      'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.',
    );
  }
  return { rv, start };
}

function parseLimit(query: URLSearchParams): number {
  const limit = Number(query.get('limit') ?? 0);
  return Number.isInteger(limit) && limit > 0 ? limit : Infinity;
}

/** The page a list request asks for, after its selectors and continue token. */
export function listPage(
  store: ObjectStore,
  type: ResourceType,
  namespace: string | undefined,
  query: URLSearchParams,
): ListPage {
  const filter = filterOf(type, query);
  const token = query.get('continue')
    ? decodeContinue(query.get('continue') ?? '', store)
    : undefined;
  const revision = token?.rv ?? store.revision;
  const matching = store
    .list(type, namespace)
    .filter((object) => (!token || keyOf(object) > token.start) && filter(object));
  const limit = parseLimit(query);
  if (matching.length <= limit) return { items: matching, resourceVersion: String(revision) };
  const items = matching.slice(0, limit);
  const start = keyOf(items[items.length - 1] as StoredObject);
  return {
    items,
    resourceVersion: String(revision),
    continue: encodeContinue({ rv: revision, start }),
    remainingItemCount: matching.length - limit,
  };
}
