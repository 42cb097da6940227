// `pods/exec` and `pods/attach` over WebSocket: runs the simulated command (or follows the main process) on the channel protocol.
import type { WebSocket } from 'ws';
import type { ApiCall } from '../api/api-call.ts';
import { stringAt } from '../api/table/json-path.ts';
import type { StoredObject } from '../api/types.ts';
import { ChannelStream, exitStatus } from './channel-stream.ts';
import { containerEnv } from './container-env.ts';
import { currentRun } from './container-instances.ts';
import { LogTimeline } from './log-lines.ts';
import type { RuntimeDeps } from './runtime-deps.ts';
import { emptyStdin } from './shell/process-io.ts';
import type { ProcessIo } from './shell/process-io.ts';
import { execute } from './shell/shell.ts';

/** What the query of an exec or attach asks for. */
export interface RemoteCommandRequest {
  readonly pod: StoredObject;
  readonly container: string;
  readonly command: readonly string[];
  readonly hasStdin: boolean;
  readonly hasStderr: boolean;
}

/** Reads the exec/attach query. */
export function remoteCommandRequest(
  call: ApiCall,
  target: { pod: StoredObject; container: string },
): RemoteCommandRequest {
  const isTty = call.query.get('tty') === 'true';
  return {
    ...target,
    command: call.query.getAll('command'),
    hasStdin: call.query.get('stdin') === 'true',
    hasStderr: call.query.get('stderr') === 'true' && !isTty,
  };
}

function processIo(
  deps: RuntimeDeps,
  stream: ChannelStream,
  command: RemoteCommandRequest,
): ProcessIo {
  const { pod } = command;
  return {
    stdin: command.hasStdin ? stream.stdin : emptyStdin,
    stdout: (text) => stream.write(1, text),
    stderr: (text) => stream.write(command.hasStderr ? 2 : 1, text),
    env: containerEnv(deps.registry, pod, command.container),
    hostname: pod.metadata.name,
    namespace: pod.metadata.namespace ?? 'default',
    podIP: stringAt(pod, 'status.podIP'),
    clock: deps.clock,
    pollMs: deps.pollMs ?? 100,
    signal: stream.signal,
  };
}

/** Runs an exec session on `ws` until the command exits or the client leaves. */
export async function runExec(
  deps: RuntimeDeps,
  ws: WebSocket,
  command: RemoteCommandRequest,
): Promise<void> {
  const stream = new ChannelStream(ws);
  try {
    const code = await execute(command.command, processIo(deps, stream, command));
    stream.finish(exitStatus(code, command.command));
  } catch (error) {
    deps.logger.warn({ err: error }, 'simulated exec failed');
    stream.finish(exitStatus(126, command.command));
  }
}

/** Attaches to the container's main process: its output as it is written, until the client leaves. */
export function runAttach(deps: RuntimeDeps, ws: WebSocket, command: RemoteCommandRequest): void {
  const stream = new ChannelStream(ws);
  const run = currentRun(command.pod, command.container);
  if (!run) return stream.finish(exitStatus(1, ['attach']));
  const timeline = new LogTimeline(run, deps.seed);
  let sent = timeline.countAt(deps.clock.now());
  const timer = setInterval(() => {
    const count = timeline.countAt(deps.clock.now());
    for (const line of timeline.lines(sent, count)) stream.write(1, `${line.text}\n`);
    sent = count;
  }, deps.pollMs ?? 100);
  stream.signal.addEventListener('abort', () => clearInterval(timer), { once: true });
}
