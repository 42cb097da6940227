// Watch streams: newline-delimited WatchEvents with resumption, bookmarks and 410 Expired.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../clock.ts';
import type { StoreEvent } from '../store/event-log.ts';
import type { ObjectStore } from '../store/object-store.ts';
import { filterOf } from './list.ts';
import type { ObjectFilter } from './list.ts';
import type { ResourceRequest } from './request-info.ts';
import { groupVersion } from './resource-types.ts';
import { badRequest, expired } from './status.ts';
import { includeObjectOf, toTable } from './table/table.ts';
import type { KubeObject } from './types.ts';
import { servedForm } from './versions/served-versions.ts';

/** What a watch needs from its cluster. */
export interface WatchDeps {
  readonly store: ObjectStore;
  readonly clock: Clock;
  readonly bookmarkIntervalMs: number;
}

type EventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

/** The event a watcher with `filter` sees for a change, if any (objects move in and out of selectors). */
function visibleEvent(event: StoreEvent, filter: ObjectFilter): EventType | undefined {
  const isMatch = filter(event.object);
  const wasMatch = event.previous !== undefined && filter(event.previous);
  switch (event.type) {
    case 'ADDED':
      return isMatch ? 'ADDED' : undefined;
    case 'DELETED':
      return wasMatch || isMatch ? 'DELETED' : undefined;
    case 'MODIFIED':
      if (isMatch) return wasMatch ? 'MODIFIED' : 'ADDED';
      return wasMatch ? 'DELETED' : undefined;
  }
}

/** The revision to resume after; undefined means "send the current state first" (unset or "0"). */
function startRevision(query: URLSearchParams): number | undefined {
  const text = query.get('resourceVersion');
  if (!text || text === '0') return undefined;
  const revision = Number(text);
  if (!Number.isInteger(revision) || revision < 0) {
    throw badRequest(`resourceVersion: Invalid value: "${text}": must be a non-negative integer`);
  }
  return revision;
}

/** One open watch stream. */
class WatchStream {
  readonly #res: ServerResponse;
  readonly #deps: WatchDeps;
  readonly #request: ResourceRequest;
  readonly #query: URLSearchParams;
  readonly #asTable: boolean;
  readonly #filter: ObjectFilter;
  #hasSentColumns = false;

  constructor(
    res: ServerResponse,
    deps: WatchDeps,
    request: ResourceRequest,
    options: { query: URLSearchParams; asTable: boolean },
  ) {
    this.#res = res;
    this.#deps = deps;
    this.#request = request;
    this.#query = options.query;
    this.#asTable = options.asTable;
    this.#filter = filterOf(request.type, options.query);
  }

  /** Sends one event; object events become one-row Tables when the client asked for tables. */
  send(type: EventType, object: unknown): void {
    const isObjectEvent = type !== 'BOOKMARK' && type !== 'ERROR';
    const served = isObjectEvent ? servedForm(this.#request.type, object) : object;
    const shown = this.#asTable && isObjectEvent ? this.#tableOf(object as KubeObject) : served;
    this.#res.write(`${JSON.stringify({ type, object: shown })}\n`);
  }

  /** Sends the change if this watch can see it. */
  deliver(event: StoreEvent): void {
    const { type, namespace } = this.#request;
    // Compared by name: a custom resource's type is rebuilt whenever its CRD changes.
    if (event.resource.plural !== type.plural || event.resource.group !== type.group) return;
    if (namespace !== undefined && event.object.metadata.namespace !== namespace) return;
    const visible = visibleEvent(event, this.#filter);
    if (visible) this.send(visible, event.object);
  }

  /** Sends every current object as ADDED (a watch without a resourceVersion starts with the state). */
  sendState(): void {
    const { type, namespace } = this.#request;
    for (const object of this.#deps.store.list(type, namespace).filter(this.#filter))
      this.send('ADDED', object);
  }

  /** A BOOKMARK at the store's current revision. */
  bookmark(annotations?: Record<string, string>): void {
    const { type } = this.#request;
    const metadata = {
      resourceVersion: String(this.#deps.store.revision),
      ...(annotations ? { annotations } : {}),
    };
    this.send('BOOKMARK', { kind: type.kind, apiVersion: groupVersion(type), metadata });
  }

  #tableOf(object: KubeObject): unknown {
    const hasColumns = !this.#hasSentColumns;
    this.#hasSentColumns = true;
    const options = {
      kind: this.#request.type.kind,
      now: this.#deps.clock.now(),
      include: includeObjectOf(this.#query),
      listMeta: {},
      hasColumns,
    };
    return toTable([object], options);
  }
}

function timeoutTimer(query: URLSearchParams, end: () => void): NodeJS.Timeout | undefined {
  const seconds = Number(query.get('timeoutSeconds') ?? 0);
  return Number.isFinite(seconds) && seconds > 0 ? setTimeout(end, seconds * 1000) : undefined;
}

function keepWatching(
  req: IncomingMessage,
  res: ServerResponse,
  deps: WatchDeps,
  stream: WatchStream,
  query: URLSearchParams,
): void {
  const unsubscribe = deps.store.subscribe((event) => stream.deliver(event));
  const wantsBookmarks = query.get('allowWatchBookmarks') === 'true';
  const timers = [
    wantsBookmarks ? setInterval(() => stream.bookmark(), deps.bookmarkIntervalMs) : undefined,
    timeoutTimer(query, () => res.end()),
  ];
  const stop = (): void => {
    unsubscribe();
    for (const timer of timers) clearTimeout(timer);
  };
  res.on('close', stop);
  req.on('close', stop);
}

/**
 * Streams changes of `request.type` until the client leaves or `timeoutSeconds` passes. A watch
 * from a compacted revision gets one ERROR event carrying a 410 Expired Status, as from etcd.
 */
export function serveWatch(
  req: IncomingMessage,
  res: ServerResponse,
  deps: WatchDeps,
  request: ResourceRequest,
  options: { query: URLSearchParams; asTable: boolean },
): void {
  const fromRevision = startRevision(options.query);
  const backlog = fromRevision === undefined ? [] : deps.store.log.since(fromRevision);
  const stream = new WatchStream(res, deps, request, options);
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private' });
  res.flushHeaders();
  if (backlog === undefined) {
    const compacted = deps.store.log.compactedRevision + 1;
    stream.send(
      'ERROR',
      expired(`too old resource version: ${fromRevision} (${compacted})`).status,
    );
    res.end();
    return;
  }
  if (fromRevision === undefined) stream.sendState();
  for (const event of backlog) stream.deliver(event);
  const isInitialEnd =
    options.query.get('allowWatchBookmarks') === 'true' &&
    options.query.get('sendInitialEvents') === 'true';
  if (isInitialEnd) stream.bookmark({ 'k8s.io/initial-events-end': 'true' });
  keepWatching(req, res, deps, stream, options.query);
}
