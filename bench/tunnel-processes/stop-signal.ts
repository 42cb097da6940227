// How the bench's own child processes stop: when the parent closes their stdin or sends SIGTERM,
// they close what they started and exit normally, so a `--cpu-prof` profile gets written.

/** Runs `close` once on stdin's end or SIGTERM/SIGINT, then exits (1 if closing failed). */
export function onStop(close: () => Promise<void>): void {
  let isStopping = false;
  const stop = () => {
    if (isStopping) return;
    isStopping = true;
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.stdin.on('end', stop);
  process.stdin.resume();
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
