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

/** What a watch needs from its cluster. */
export interface WatchDeps {
  readonly store: ObjectStore;
  readonly clock: Clock;
  readonly bookmarkIntervalMs: number;
}

type EventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

/** The event a watcher with `filter` sees for a change, if any (objects can move in and out of a selector). */
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

function startRevision(query: URLSearchParams): number | undefined {
  const text = query.get('resourceVersion');
  if (!text || text === '0') return undefined;
  const revision = Number(text);
  if (!Number.isInteger(revision) || revision < 0) {
    throw badRequest(`resourceVersion: Invalid value: "${text}": must be a non-negative integer`);
  }
  return revision;
}

/** Streams changes of `request.type` until the client leaves or `timeoutSeconds` passes. */
export function serveWatch(
  req: IncomingMessage,
  res: ServerResponse,
  deps: WatchDeps,
  request: ResourceRequest,
  options: { query: URLSearchParams; asTable: boolean },
): void {
  const { store } = deps;
  const { type, namespace } = request;
  const filter = filterOf(type, options.query);
  const fromRevision = startRevision(options.query);
  const backlog = fromRevision === undefined ? [] : store.log.since(fromRevision);
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private' });
  res.flushHeaders();
  let isFirst = true;
  const send = (eventType: EventType, object: unknown): void => {
    const shown = options.asTable && eventType !== 'BOOKMARK' && eventType !== 'ERROR' ? asTableObject(object) : object;
    isFirst = false;
    res.write(`${JSON.stringify({ type: eventType, object: shown })}\n`);
  };
  const asTableObject = (object: unknown): unknown =>
    toTable([object as KubeObject], {
      kind: type.kind,
      now: deps.clock.now(),
      include: includeObjectOf(options.query),
      listMeta: {},
      hasColumns: isFirst,
    });
  if (backlog === undefined) {
    const error = expired(`too old resource version: ${fromRevision} (${store.log.compactedRevision + 1})`);
    send('ERROR', error.status);
    res.end();
    return;
  }
  const deliver = (event: StoreEvent): void => {
    if (event.resource !== type) return;
    if (namespace !== undefined && event.object.metadata.namespace !== namespace) return;
    const visible = visibleEvent(event, filter);
    if (visible) send(visible, event.object);
  };
  if (fromRevision === undefined) {
    for (const object of store.list(type, namespace).filter(filter)) send('ADDED', object);
  }
  for (const event of backlog) deliver(event);
  const bookmark = (extra: Record<string, string> = {}): void => {
    const annotations = Object.keys(extra).length > 0 ? { annotations: extra } : {};
    send('BOOKMARK', { kind: type.kind, apiVersion: groupVersion(type), metadata: { resourceVersion: String(store.revision), ...annotations } });
  };
  const wantsBookmarks = options.query.get('allowWatchBookmarks') === 'true';
  if (wantsBookmarks && options.query.get('sendInitialEvents') === 'true') bookmark({ 'k8s.io/initial-events-end': 'true' });
  const unsubscribe = store.subscribe(deliver);
  const timers = [
    wantsBookmarks ? setInterval(() => bookmark(), deps.bookmarkIntervalMs) : undefined,
    timeoutTimer(options.query, () => res.end()),
  ];
  const stop = (): void => {
    unsubscribe();
    for (const timer of timers) clearTimeout(timer);
  };
  res.on('close', stop);
  req.on('close', stop);
}

function timeoutTimer(query: URLSearchParams, end: () => void): NodeJS.Timeout | undefined {
  const seconds = Number(query.get('timeoutSeconds') ?? 0);
  return Number.isFinite(seconds) && seconds > 0 ? setTimeout(end, seconds * 1000) : undefined;
}
