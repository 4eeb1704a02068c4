// `npm start`: the API and, unless START_WORKER=false, a job worker in one process, on
// DATABASE_URL or an embedded PostgreSQL.
import { loadConfig } from '../server/config.js';
import { createLogger } from '../server/logger.js';
import { onStop } from '../server/stopSignals.js';
import { startServer, type Running } from './start.js';

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL);

// Listening from the very start: a signal during start-up still stops the embedded PostgreSQL.
let running: Running | null = null;
let stopRequested: string | null = null;
const stop = async (reason: string) => {
  stopRequested = reason;
  if (!running) return;
  logger.info({ reason }, 'shutting down');
  await running.close();
  process.exit(0);
};
onStop((reason) => void stop(reason));

try {
  running = await startServer(config, logger);
  if (stopRequested) await stop(stopRequested);
  else logger.info(`Vangnet is running: open ${running.url}/ (API at ${running.url}/api)`);
} catch (err) {
  logger.fatal({ err }, 'could not start');
  process.exit(1);
}
