// `GET pods/<name>/log`: a container's synthetic log with tailLines, sinceSeconds, timestamps, previous, limitBytes and follow.
import type { ServerResponse } from 'node:http';
import type { ApiCall, Reply } from '../api/api-call.ts';
import type { ResourceRequest } from '../api/request-info.ts';
import { badRequest } from '../api/status.ts';
import type { StoredObject } from '../api/types.ts';
import { currentRun, previousRun, waitingReason } from './container-instances.ts';
import type { ContainerRun } from './container-instances.ts';
import { LogTimeline, nanoTimestamp, retainedLines } from './log-lines.ts';
import type { LogLine } from './log-lines.ts';
import { podTarget } from './pod-target.ts';
import type { RuntimeDeps } from './runtime-deps.ts';

/** The query options kubectl sends for `logs`. */
interface LogOptions {
  readonly isFollow: boolean;
  readonly isPrevious: boolean;
  readonly hasTimestamps: boolean;
  readonly tailLines?: number;
  readonly sinceMs?: number;
  readonly limitBytes?: number;
}

function optionalCount(query: URLSearchParams, name: string): number | undefined {
  const text = query.get(name);
  if (text === null) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) {
    throw badRequest(`${name}: Invalid value: ${text}: must be greater than or equal to 0`);
  }
  return value;
}

function logOptions(query: URLSearchParams, now: number): LogOptions {
  const sinceSeconds = optionalCount(query, 'sinceSeconds');
  const sinceTime = query.get('sinceTime');
  const since = sinceTime ? Date.parse(sinceTime) : undefined;
  return {
    isFollow: query.get('follow') === 'true',
    isPrevious: query.get('previous') === 'true',
    hasTimestamps: query.get('timestamps') === 'true',
    tailLines: optionalCount(query, 'tailLines'),
    sinceMs: sinceSeconds !== undefined ? now - sinceSeconds * 1000 : since,
    limitBytes: optionalCount(query, 'limitBytes'),
  };
}

function runOf(pod: StoredObject, container: string, isPrevious: boolean): ContainerRun {
  const name = pod.metadata.name;
  if (isPrevious) {
    const run = previousRun(pod, container);
    if (!run)
      throw badRequest(`previous terminated container "${container}" in pod "${name}" not found`);
    return run;
  }
  const run = currentRun(pod, container);
  if (!run) {
    const reason = waitingReason(pod, container);
    throw badRequest(`container "${container}" in pod "${name}" is waiting to start: ${reason}`);
  }
  return run;
}

function render(lines: readonly LogLine[], hasTimestamps: boolean): string {
  return lines
    .map((l) => (hasTimestamps ? `${nanoTimestamp(l)} ${l.text}\n` : `${l.text}\n`))
    .join('');
}

function firstIndex(timeline: LogTimeline, count: number, options: LogOptions): number {
  let first = Math.max(0, count - retainedLines);
  if (options.tailLines !== undefined) first = Math.max(first, count - options.tailLines);
  const since = options.sinceMs;
  if (since === undefined) return first;
  while (first < count && timeline.line(first).time < since) first += 1;
  return first;
}

/** Serves a log request: the whole answer, or a stream that follows the run until it ends. */
export function serveLogs(deps: RuntimeDeps, call: ApiCall, request: ResourceRequest): Reply {
  const { pod, container } = podTarget(deps.registry, request, call.query);
  const options = logOptions(call.query, deps.clock.now());
  const run = runOf(pod, container, options.isPrevious);
  const timeline = new LogTimeline(run, deps.seed);
  const count = timeline.countAt(deps.clock.now());
  const text = render(
    timeline.lines(firstIndex(timeline, count, options), count),
    options.hasTimestamps,
  );
  const res = call.res;
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private' });
  const budget = new ByteBudget(res, options.limitBytes);
  budget.write(text);
  const isLive = options.isFollow && !options.isPrevious && run.finishedAt === undefined;
  if (!isLive || budget.isSpent) res.end();
  else follow(deps, { call, request, run, timeline, count, options, budget });
  return 'streamed';
}

/** Writes at most `limitBytes` in total, as the kubelet cuts a log at that size. */
class ByteBudget {
  readonly #res: ServerResponse;
  #left: number;

  constructor(res: ServerResponse, limitBytes: number | undefined) {
    this.#res = res;
    this.#left = limitBytes ?? Infinity;
  }

  get isSpent(): boolean {
    return this.#left <= 0;
  }

  write(text: string): void {
    if (text.length === 0 || this.isSpent) return;
    const bytes = Buffer.from(text);
    const chunk = bytes.length <= this.#left ? bytes : bytes.subarray(0, this.#left);
    this.#left -= chunk.length;
    this.#res.write(chunk);
  }
}

interface Following {
  readonly call: ApiCall;
  readonly request: ResourceRequest;
  readonly run: ContainerRun;
  readonly timeline: LogTimeline;
  readonly count: number;
  readonly options: LogOptions;
  readonly budget: ByteBudget;
}

function isSameRun(pod: StoredObject | undefined, run: ContainerRun): boolean {
  const now = pod ? currentRun(pod, run.container) : undefined;
  return (
    now?.attempt === run.attempt && now.startedAt === run.startedAt && now.podUid === run.podUid
  );
}

/** Streams new lines as the clock passes them, until the client leaves, the run ends or the pod goes. */
function follow(deps: RuntimeDeps, state: Following): void {
  const { call, request, timeline, options, budget } = state;
  let sent = state.count;
  const timer = setInterval(() => {
    const pod = deps.registry.store.get(request.type, request.namespace, request.name ?? '');
    const count = timeline.countAt(deps.clock.now());
    budget.write(render(timeline.lines(sent, count), options.hasTimestamps));
    sent = count;
    if (!isSameRun(pod, state.run) || budget.isSpent) stop();
  }, deps.pollMs ?? 100);
  const stop = (): void => {
    clearInterval(timer);
    if (!call.res.writableEnded) call.res.end();
  };
  call.res.on('close', stop);
}
