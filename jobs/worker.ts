// `npm run worker`: one worker process; start as many as you like against one Redis and one
// PostgreSQL. SIGTERM lets the running jobs finish, then exits.
import { loadConfig } from '../server/config.js';
import { createDb } from '../server/data/db.js';
import { createLogger } from '../server/logger.js';
import { startWorkers } from './runtime.js';

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL);
const db = createDb(config.DATABASE_URL, Math.max(2, config.WORKER_CONCURRENCY * 2 + 1), { acquireTimeoutMs: config.DB_ACQUIRE_TIMEOUT_MS, logger });
const runtime = await startWorkers(db, config, logger);
logger.info({ pid: process.pid }, 'worker started; waiting for jobs');

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'worker finishing its current jobs');
  await runtime.close();
  await db.destroy();
  logger.info('worker stopped');
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
