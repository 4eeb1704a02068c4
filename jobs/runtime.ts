// The workers of one process: the scan and rescan workers, the nightly scheduler and the outbox
// relay. `npm run worker` runs one of these; `npm start` runs one beside the API.
import { Worker, type Job } from 'bullmq';
import type { Knex } from 'knex';
import type { Config } from '../server/config.js';
import { DEFAULT_SETTINGS, type DomainSettings } from '../server/domain/settings.js';
import type { Logger } from '../server/logger.js';
import { producerConnection, workerConnection } from './connection.js';
import { OutboxRelay } from './outbox.js';
import { failScan, rescan, scanBatch, startScan, type ProcessorDeps } from './processors.js';
import { batchJobId, createQueues, JOB_OPTIONS, QUEUE_NAMES, SCHEDULER_ID, type BatchJob, type RescanJob, type StartJob } from './queues.js';

export interface WorkerRuntime {
  close(): Promise<void>;
}

type WorkerConfig = Pick<Config, 'REDIS_URL' | 'QUEUE_PREFIX' | 'RESCAN_DEBOUNCE_MS' | 'SCAN_BATCH' | 'SCAN_SCHEDULE' | 'SCAN_TIMEZONE' | 'WORKER_CONCURRENCY' | 'JOB_LOCK_MS'>;

export async function startWorkers(db: Knex, config: WorkerConfig, logger: Logger, settings: DomainSettings = DEFAULT_SETTINGS): Promise<WorkerRuntime> {
  const producer = producerConnection(config.REDIS_URL);
  producer.on('error', () => undefined);
  const queues = createQueues(producer, config.QUEUE_PREFIX);
  const deps: ProcessorDeps = {
    db,
    settings,
    batchSize: config.SCAN_BATCH,
    enqueueBatches: async (batches) => {
      await queues.scan.addBulk(batches.map((b) => ({ name: 'batch', data: b, opts: { ...JOB_OPTIONS, jobId: batchJobId(b) } })));
    },
  };

  const workerOptions = (name: string) => ({
    connection: workerConnection(config.REDIS_URL).on('error', (err: Error) => logger.warn({ err: err.message, worker: name }, 'redis unavailable; retrying')),
    prefix: config.QUEUE_PREFIX,
    concurrency: config.WORKER_CONCURRENCY,
    lockDuration: config.JOB_LOCK_MS,
    stalledInterval: Math.max(500, Math.floor(config.JOB_LOCK_MS / 2)),
  });

  const scanWorker = new Worker<StartJob | BatchJob>(
    QUEUE_NAMES.scan,
    async (job: Job<StartJob | BatchJob>) => {
      if (job.name === 'batch') return scanBatch(deps, job.data as BatchJob);
      return { scanId: await startScan(deps, job.data as StartJob, String(job.id)) };
    },
    workerOptions('scan'),
  );
  const rescanWorker = new Worker<RescanJob>(QUEUE_NAMES.rescan, (job) => rescan(deps, job.data.initiativeId), workerOptions('rescan'));

  scanWorker.on('failed', (job, err) => {
    if (!job) return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1);
    logger.warn({ job: job.id, attempt: job.attemptsMade, final, err: err.message }, 'scan job failed');
    const scanId = 'scanId' in job.data ? job.data.scanId : undefined;
    if (final && scanId !== undefined) void failScan(db, scanId, `${job.name} job failed: ${err.message}`).catch(() => undefined);
  });
  rescanWorker.on('failed', (job, err) => logger.warn({ job: job?.id, err: err.message }, 'rescan failed'));
  for (const w of [scanWorker, rescanWorker]) w.on('error', (err) => logger.warn({ err: err.message }, 'worker error'));

  // Declared at every start (and every reconnect): upserting the same id changes nothing, a
  // changed pattern replaces it.
  const declareSchedule = () =>
    queues.scan
      .upsertJobScheduler(SCHEDULER_ID, { pattern: config.SCAN_SCHEDULE, tz: config.SCAN_TIMEZONE }, { name: 'start', data: { trigger: 'schedule' }, opts: JOB_OPTIONS })
      .catch((err: Error) => logger.warn({ err: err.message }, 'could not declare the nightly scan yet; will on reconnect'));
  producer.on('ready', () => void declareSchedule());
  if (producer.status === 'ready') await declareSchedule();

  const relay = new OutboxRelay(db, queues, logger, config.RESCAN_DEBOUNCE_MS);
  relay.start();

  return {
    close: async () => {
      // Lets running jobs finish; a job cut off by a harder stop is taken over as stalled.
      await Promise.all([scanWorker.close(), rescanWorker.close()]);
      await relay.stop();
      await queues.close();
      producer.disconnect();
    },
  };
}
