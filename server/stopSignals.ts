// When a long-running process (`npm start`, `npm run worker`) should stop: SIGINT, SIGTERM,
// SIGHUP (its terminal closed), or its parent going away without passing a signal on (a shell
// that does not forward SIGTERM, a process manager killed hard) — so the embedded PostgreSQL is
// never left behind.

/** Calls `stop` once with the reason. */
export function onStop(stop: (reason: string) => void): void {
  let called = false;
  const once = (reason: string) => {
    if (called) return;
    called = true;
    stop(reason);
  };
  process.on('SIGINT', () => once('SIGINT'));
  process.on('SIGTERM', () => once('SIGTERM'));
  process.on('SIGHUP', () => once('SIGHUP'));
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) once('parent process exited');
  }, 1000).unref();
}
