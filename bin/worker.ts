// `npm run worker`: one worker process; start as many as you like against one PostgreSQL (and one
// Redis, when the queues live there). SIGTERM lets the running jobs finish (for up to
// STOP_GRACE_MS, or until a second signal), then exits.
import { startWorkers } from '../jobs/runtime.js';
import { loadConfig } from '../server/config.js';
import { createDb } from '../server/data/db.js';
import { usePostgres } from '../server/data/postgres.js';
import { createLogger } from '../server/logger.js';
import { queueBackend } from '../server/queues/backend.js';
import { onStop, stopGracefully } from '../server/stopSignals.js';

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL);
// Without DATABASE_URL: the embedded server of `npm start` when it runs, else one of its own.
const postgres = await usePostgres(config, logger);
const db = createDb(postgres.url, Math.max(2, config.WORKER_CONCURRENCY * 2 + 1), { acquireTimeoutMs: config.DB_ACQUIRE_TIMEOUT_MS, logger });
const backend = queueBackend(config.REDIS_URL, postgres.url);
const runtime = await startWorkers(db, backend, config, logger);
logger.info({ pid: process.pid, queue: backend.kind }, 'worker started; waiting for jobs');

let stopping: { now: (reason: string) => void } | null = null;
onStop(
  (reason) => {
    logger.info({ reason }, 'worker finishing its current jobs');
    const close = async () => {
      await runtime.close();
      await db.destroy();
      await postgres.stop();
      logger.info('worker stopped');
    };
    stopping = stopGracefully(config.STOP_GRACE_MS, close, () => postgres.stop(), (message) => logger.warn(message));
  },
  (reason) => stopping?.now(`a second ${reason}`),
);
