// Start-up in one place: PostgreSQL (DATABASE_URL, or an embedded server), database, migrations,
// demo data, first admin, queues, HTTP server and, unless START_WORKER=false, a worker in the same
// process. It sits beside the entry points because it joins what server/ never imports: the
// worker runtime (jobs/) and the demo portfolio (seeds/).
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startWorkers } from '../jobs/runtime.js';
import { loadDemoIfEmpty } from '../seeds/load.js';
import type { Config } from '../server/config.js';
import { CONSOLE_DIR, ensureConsoleBuilt } from '../server/consoleBuild.js';
import { createDb, ensureDatabase, migrateLatest, type Db } from '../server/data/db.js';
import { usePostgres } from '../server/data/postgres.js';
import { createApp } from '../server/http/app.js';
import type { Logger } from '../server/logger.js';
import { queueBackend } from '../server/queues/backend.js';
import { startProducer } from '../server/queues/producer.js';
import { AuthService } from '../server/services/auth.js';
import { today } from '../server/services/clock.js';
import { createServices } from '../server/services/index.js';

export interface Running {
  url: string;
  db: Db;
  /** Stops serving, lets the running jobs finish, then stops everything. */
  close(): Promise<void>;
  /** Stops what must not outlive the process (the embedded PostgreSQL), without waiting for anything. */
  abort(): Promise<void>;
}

/** Creates and migrates the database, loads the demo portfolio into an empty one, ensures the first admin. */
export async function prepareDatabase(databaseUrl: string, config: Config, logger: Logger): Promise<Db> {
  if (await ensureDatabase(databaseUrl)) logger.info('created the database');
  const db = createDb(databaseUrl, config.DB_POOL_MAX, { acquireTimeoutMs: config.DB_ACQUIRE_TIMEOUT_MS, logger });
  const applied = await migrateLatest(db);
  if (applied.length) logger.info({ applied }, `applied ${applied.length} migrations`);
  if (config.DEMO_DATA) {
    const result = await loadDemoIfEmpty(db, today());
    if (result.loaded) logger.info(result, 'loaded the demo portfolio into the empty database');
  }
  if (config.ADMIN_EMAIL && config.ADMIN_PASSWORD) {
    const auth = new AuthService(db);
    if (await auth.ensureAdmin(config.ADMIN_EMAIL, config.ADMIN_PASSWORD)) logger.info({ email: config.ADMIN_EMAIL }, 'created the first admin');
  }
  return db;
}

export async function startServer(config: Config, logger: Logger): Promise<Running> {
  const postgres = await usePostgres(config, logger);
  try {
    return await startOn(postgres.url, config, logger, postgres.stop);
  } catch (err) {
    await postgres.stop();
    throw err;
  }
}

async function startOn(databaseUrl: string, config: Config, logger: Logger, stopPostgres: () => Promise<void>): Promise<Running> {
  const db = await prepareDatabase(databaseUrl, config, logger);
  await ensureConsoleBuilt(logger);
  const backend = queueBackend(config.REDIS_URL, databaseUrl);
  logger.info({ queue: backend.kind }, backend.kind === 'redis' ? 'queues on Redis (REDIS_URL)' : `queues on PostgreSQL, schema ${backend.schema} of the same database (no REDIS_URL)`);
  const producer = startProducer(db, backend, config, logger);
  const services = createServices(db, config, producer);
  services.crud.onCommitted(() => producer.relay.kick());
  const worker = config.START_WORKER ? await startWorkers(db, backend, config, logger, producer) : null;

  // As soon as the queue answers (now, or when its backend comes back), a never-scanned database gets its scan.
  let firstScan: Promise<void> = Promise.resolve();
  producer.onReady(() => {
    firstScan = firstScan.then(() =>
      services.scans.scanOnFirstStart().then(
        (scanId) => {
          if (scanId !== null) logger.info({ scanId }, 'queued a first portfolio scan of the never-scanned database');
        },
        (err: unknown) => logger.warn({ err }, 'could not queue the first portfolio scan; it is tried again when the queue reconnects'),
      ),
    );
  });

  const app = createApp({ db, logger, ...services, corsOrigin: config.CORS_ORIGIN, queueReady: { backend: backend.kind, ready: producer.ready }, consoleDir: CONSOLE_DIR, queues: producer.queues });
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(config.PORT, '0.0.0.0', () => resolve(s)).on('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    db,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await firstScan;
      services.analytics.close();
      await worker?.close();
      await producer.close();
      await db.destroy();
      await stopPostgres();
    },
    abort: async () => {
      server.closeAllConnections();
      await stopPostgres();
    },
  };
}
