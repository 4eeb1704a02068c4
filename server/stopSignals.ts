// When a long-running process (`npm start`, `npm run worker`) should stop: SIGINT, SIGTERM,
// SIGHUP (its terminal closed), or its parent going away without passing a signal on (a shell
// that does not forward SIGTERM, a process manager killed hard) — so the embedded PostgreSQL is
// never left behind.

/**
 * A signal this soon after the first is the same stop arriving twice, not a second one: one Ctrl-C
 * reaches `npm start`'s process from the terminal and again through npm, which passes it on.
 */
const SAME_STOP_MS = 1000;

/**
 * Calls `stop` once with the reason; a second signal while it runs (at least SAME_STOP_MS after the
 * first) calls `again`, once: someone pressing Ctrl-C twice wants the process gone now.
 */
export function onStop(stop: (reason: string) => void, again: (reason: string) => void = () => undefined): void {
  let first: number | null = null;
  let repeated = false;
  const next = (reason: string) => {
    if (first === null) {
      first = performance.now();
      stop(reason);
    } else if (!repeated && performance.now() - first >= SAME_STOP_MS) {
      repeated = true;
      again(reason);
    }
  };
  process.on('SIGINT', () => next('SIGINT'));
  process.on('SIGTERM', () => next('SIGTERM'));
  process.on('SIGHUP', () => next('SIGHUP'));
  const parent = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(watch);
    next('parent process exited');
  }, 1000);
  watch.unref();
}

/**
 * Stops a long-running process: `close` lets its running jobs finish, then the process exits with 0.
 * If they have not finished after `graceMs`, or `onStop`'s second signal calls the answer, `abort`
 * stops what must not be left behind (the embedded PostgreSQL) and the process exits with 1.
 */
export function stopGracefully(
  graceMs: number,
  close: () => Promise<void>,
  abort: () => Promise<void>,
  warn: (message: string) => void,
): { now: (reason: string) => void; done: Promise<void> } {
  let aborted = false;
  const now = (reason: string) => {
    if (aborted) return;
    aborted = true;
    clearTimeout(timer);
    warn(`stopping without waiting for the running jobs (${reason}); another worker takes them over`);
    void abort()
      .catch(() => undefined)
      .finally(() => process.exit(1));
  };
  const timer = setTimeout(() => now(`they were still running after STOP_GRACE_MS, ${graceMs} ms`), graceMs);
  const done = close().then(
    () => {
      clearTimeout(timer);
      if (!aborted) process.exit(0);
    },
    (err: unknown) => now(`closing failed: ${err instanceof Error ? err.message : String(err)}`),
  );
  return { now, done };
}
