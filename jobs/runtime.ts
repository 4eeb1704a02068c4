// The workers of one process: the scan and rescan workers, the nightly scheduler and the outbox
// relay. `npm run worker` runs one of these; `npm start` runs one beside the API.
import type { Job } from 'bullmq';
import type { Knex } from 'knex';
import type { Config } from '../server/config.js';
import { DEFAULT_SETTINGS, type DomainSettings } from '../server/domain/settings.js';
import type { Logger } from '../server/logger.js';
import { openWorker, type QueueBackend } from '../server/queues/backend.js';
import { startProducer, type Producer } from '../server/queues/producer.js';
import { DIGEST_SCHEDULER_ID, JOB_OPTIONS, QUEUE_NAMES, SCHEDULER_ID, type BatchJob, type DigestJob, type ImportJob, type RescanJob, type SimulationJob, type StartJob, type WebhookJob } from '../server/queues/queues.js';
import { createServices, type DigestConfig } from '../server/services/index.js';
import { processDigestJob, processImportJob, processRescanJob, processScanJob, processSimulationJob, processWebhookJob } from './processors.js';
import { ScanWatchdog } from './watchdog.js';
import { WebhookRelay } from './webhookRelay.js';

/**
 * The V8 flags a worker process starts with (package.json's `worker` and `worker:prod`; a test holds
 * them to this list): young-generation semi-spaces of 4 MB instead of 16. A scan batch makes much
 * short-lived garbage; with the default the young generation alone held some 40 MB more at the peak
 * of a national-size scan, at no measurable gain in speed (README "Performance").
 */
export const WORKER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4'];

export interface WorkerRuntime {
  close(): Promise<void>;
}

type WorkerConfig = Pick<
  Config,
  'QUEUE_PREFIX' | 'RESCAN_DEBOUNCE_MS' | 'RESCAN_REQUEUE_MS' | 'SCAN_BATCH' | 'SCAN_SCHEDULE' | 'SCAN_TIMEZONE' | 'SCAN_STALL_MS' | 'WORKER_CONCURRENCY' | 'JOB_LOCK_MS' | 'SESSION_TTL' | 'COUNT_CACHE_MS' | 'IMPORT_JOB_ROWS' | 'DIGEST_SCHEDULE'
> &
  Partial<Pick<Config, 'WEBHOOK_ALLOW_PRIVATE' | 'WEBHOOK_TIMEOUT_MS' | 'WEBHOOK_BACKOFF_MS'>> &
  DigestConfig;

async function untilDatabaseAnswers(db: Knex, logger: Logger): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await db.raw('SELECT 1');
      return;
    } catch (err) {
      if (attempt === 0) logger.warn({ err: (err as Error).message }, 'waiting for PostgreSQL, where the queues live');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/**
 * Starts the workers on `backend`; `shared` is the producer of an API in the same process
 * (`npm start`), else the workers make (and close) their own.
 */
export async function startWorkers(
  db: Knex,
  backend: QueueBackend,
  config: WorkerConfig,
  logger: Logger,
  shared: Producer | null = null,
  settings: DomainSettings = DEFAULT_SETTINGS,
): Promise<WorkerRuntime> {
  // A queue on PostgreSQL that first meets the database away stays broken (BullMQ keeps that first
  // failed connect), so a worker started before its database waits for it.
  if (backend.kind === 'postgres') await untilDatabaseAnswers(db, logger);
  const producer = shared ?? startProducer(db, backend, config, logger);
  const { queues } = producer;
  const { scans, imports, webhooks, digests, simulations } = createServices(db, config, producer, settings);

  const workerOptions = {
    prefix: config.QUEUE_PREFIX,
    concurrency: config.WORKER_CONCURRENCY,
    lockDuration: config.JOB_LOCK_MS,
    stalledInterval: Math.max(500, Math.floor(config.JOB_LOCK_MS / 2)),
    // BullMQ waits 15 s after a connection error before it asks for jobs again; Redis back means
    // work again within about a second.
    runRetryDelay: 500,
  };
  const unavailable = (name: string) => (err: Error) => logger.warn({ err: err.message, worker: name, queue: backend.kind }, `${backend.kind} unavailable; retrying`);

  const scanWorker = openWorker<StartJob | BatchJob>(
    backend,
    QUEUE_NAMES.scan,
    (job: Job<StartJob | BatchJob>) => processScanJob(scans, job),
    workerOptions,
    {
      failed: (job, err) => {
        if (!job) return;
        const final = job.attemptsMade >= (job.opts.attempts ?? 1);
        logger.warn({ job: job.id, attempt: job.attemptsMade, final, err: err.message }, 'scan job failed');
        if (final && 'scanId' in job.data) void scans.fail(job.data.scanId, `${job.name} job failed: ${err.message}`).catch(() => undefined);
      },
      error: unavailable(QUEUE_NAMES.scan),
    },
  );
  const rescanWorker = openWorker<RescanJob>(backend, QUEUE_NAMES.rescan, (job) => processRescanJob(scans, job), workerOptions, {
    failed: (job, err) => logger.warn({ job: job?.id, err: err.message }, 'rescan failed'),
    error: unavailable(QUEUE_NAMES.rescan),
  });
  const importWorker = openWorker<ImportJob>(backend, QUEUE_NAMES.import, (job) => processImportJob(imports, job), workerOptions, {
    failed: (job, err) => logger.warn({ job: job?.id, err: err.message }, 'import job failed'),
    error: unavailable(QUEUE_NAMES.import),
  });
  // A digest that cannot be sent fails its own job only: the other users' sends are jobs of their own.
  const digestWorker = openWorker<DigestJob>(backend, QUEUE_NAMES.digest, (job) => processDigestJob(digests, job), workerOptions, {
    failed: (job, err) => logger.warn({ job: job?.id, attempt: job?.attemptsMade, err: err.message }, 'digest job failed'),
    error: unavailable(QUEUE_NAMES.digest),
  });

  const webhookWorker = openWorker<WebhookJob>(backend, QUEUE_NAMES.webhook, (job) => processWebhookJob(webhooks, job), workerOptions, {
    failed: (job, err) => {
      if (!job) return;
      const final = job.attemptsMade >= (job.opts.attempts ?? 1);
      logger.info({ job: job.id, attempt: job.attemptsMade, final, err: err.message }, 'webhook delivery failed');
      if (final) void webhooks.abandon(job.data.deliveryId, err.message).catch(() => undefined);
    },
    error: unavailable(QUEUE_NAMES.webhook),
  });
  const webhookRelay = new WebhookRelay(webhooks, logger);
  webhookRelay.start();
  const simulationWorker = openWorker<SimulationJob>(backend, QUEUE_NAMES.simulation, (job) => processSimulationJob(simulations, job), workerOptions, {
    failed: (job, err) => {
      if (!job) return;
      logger.warn({ job: job.id, err: err.message }, 'simulation job failed');
      if (job.attemptsMade >= (job.opts.attempts ?? 1)) void simulations.fail(job.data.simulationId, err.message).catch(() => undefined);
    },
    error: unavailable(QUEUE_NAMES.simulation),
  });

  // Declared at every start (and every reconnect): upserting the same id changes nothing, a
  // changed pattern replaces it.
  const declareSchedule = () =>
    queues.scan
      .upsertJobScheduler(SCHEDULER_ID, { pattern: config.SCAN_SCHEDULE, tz: config.SCAN_TIMEZONE }, { name: 'start', data: { trigger: 'schedule' }, opts: JOB_OPTIONS })
      .catch((err: Error) => logger.warn({ err: err.message }, 'could not declare the nightly scan yet; will on reconnect'));
  const declareDigestSchedule = () =>
    queues.digest
      .upsertJobScheduler(DIGEST_SCHEDULER_ID, { pattern: config.DIGEST_SCHEDULE, tz: config.DIGEST_TIMEZONE }, { name: 'build', data: {}, opts: JOB_OPTIONS })
      .catch((err: Error) => logger.warn({ err: err.message }, 'could not declare the digest schedule yet; will on reconnect'));
  producer.onReady(() => void declareSchedule());
  producer.onReady(() => void declareDigestSchedule());

  const watchdog = new ScanWatchdog(db, scans, queues.scan, producer.ready, logger, config.SCAN_STALL_MS);
  watchdog.start();

  return {
    close: async () => {
      await watchdog.stop();
      await webhookRelay.stop();
      // Lets running jobs finish; a job cut off by a harder stop is taken over as stalled.
      await Promise.all([scanWorker.close(), rescanWorker.close(), importWorker.close(), webhookWorker.close(), digestWorker.close(), simulationWorker.close()]);
      if (!shared) await producer.close();
    },
  };
}
