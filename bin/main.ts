// `npm start`: the API and, unless START_WORKER=false, a job worker in one process, on
// DATABASE_URL or an embedded PostgreSQL.
import { loadConfig } from '../server/config.js';
import { createLogger } from '../server/logger.js';
import { onStop, stopGracefully } from '../server/stopSignals.js';
import { startServer, type Running } from './start.js';

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL);

// Listening from the very start: a signal during start-up still stops the embedded PostgreSQL.
let running: Running | null = null;
let stopRequested: string | null = null;
let stopping: { now: (reason: string) => void } | null = null;
const stop = async (reason: string) => {
  stopRequested = reason;
  const stopped = running;
  if (!stopped) return;
  logger.info({ reason }, 'shutting down');
  const graceful = stopGracefully(config.STOP_GRACE_MS, () => stopped.close(), () => stopped.abort(), (message) => logger.warn(message));
  stopping = graceful;
  await graceful.done;
};
onStop(
  (reason) => void stop(reason),
  (reason) => stopping?.now(`a second ${reason}`),
);

try {
  running = await startServer(config, logger);
  if (stopRequested) await stop(stopRequested);
  else logger.info(`Vangnet is running: open ${running.url}/ (API at ${running.url}/api)`);
} catch (err) {
  logger.fatal({ err }, 'could not start');
  process.exit(1);
}
