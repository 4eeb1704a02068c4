// The queues, their names, key prefix and job options, defined once and imported everywhere.
import type { JobsOptions } from 'bullmq';
import type { Batch } from '../data/scans.js';
import type { QueueApi, QueueLink, RedisQueue } from './backend.js';

export const QUEUE_NAMES = { scan: 'scan', rescan: 'rescan', import: 'import', webhook: 'webhook', digest: 'digest', simulation: 'simulation' } as const;

/** `scan` queue: a portfolio scan starts (`start`) and fans out into `batch` jobs. */
export type StartJob = { scanId: number } | { trigger: 'schedule' };
export type BatchJob = Batch;
/** `rescan` queue: one initiative whose funding picture changed. */
export interface RescanJob {
  initiativeId: number;
}

/** `import` queue: a large import file previewed or applied (server/services/imports.ts). */
export interface ImportJob {
  importId: number;
  phase: 'preview' | 'apply';
}

/** `webhook` queue: one delivery of a webhook (server/services/webhooks.ts). */
export interface WebhookJob {
  deliveryId: number;
}
/** `digest` queue: a run of the digest schedule builds a period's digests (`build`), then one `send` job per digest. */
export type DigestJob = { runAt?: string } | { digestId: number };
/** `simulation` queue: a policy simulation over the whole portfolio (server/data/simulations.ts). */
export interface SimulationJob {
  simulationId: number;
}

/** One job per simulation: a second enqueue of the same simulation is harmless. */
export function simulationJob(simulationId: number) {
  return { name: 'simulate', data: { simulationId }, opts: { ...JOB_OPTIONS, jobId: `simulation-${simulationId}` } };
}

export const SCHEDULER_ID = 'nightly-scan';
/** The job scheduler of the e-mail digests (DIGEST_SCHEDULE in DIGEST_TIMEZONE). */
export const DIGEST_SCHEDULER_ID = 'digest';

export const JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

export interface Queues {
  scan: QueueApi<StartJob | BatchJob>;
  rescan: QueueApi<RescanJob>;
  import: QueueApi<ImportJob>;
  webhook: QueueApi<WebhookJob>;
  digest: QueueApi<DigestJob>;
  simulation: QueueApi<SimulationJob>;
  /** The same queues as full Redis queues (for bull-board, and Redis's own keys); null on PostgreSQL. */
  redis: [RedisQueue<StartJob | BatchJob>, RedisQueue<RescanJob>, RedisQueue<ImportJob>, RedisQueue<WebhookJob>, RedisQueue<DigestJob>, RedisQueue<SimulationJob>] | null;
  close(): Promise<void>;
}

/**
 * `prefix` is QUEUE_PREFIX: hash-tagged, so every key of a queue lands in one Redis Cluster slot
 * (PostgreSQL ignores it: its queues live in their own schema).
 */
export function createQueues(link: QueueLink, prefix: string, onError: (err: Error) => void): Queues {
  // Without a listener BullMQ prints every connection error to stderr.
  const scanQueue = link.open<StartJob | BatchJob>(QUEUE_NAMES.scan, { prefix, defaultJobOptions: JOB_OPTIONS }, onError);
  const rescanQueue = link.open<RescanJob>(QUEUE_NAMES.rescan, { prefix, defaultJobOptions: JOB_OPTIONS }, onError);
  const importQueue = link.open<ImportJob>(QUEUE_NAMES.import, { prefix, defaultJobOptions: JOB_OPTIONS }, onError);
  const webhookQueue = link.open<WebhookJob>(QUEUE_NAMES.webhook, { prefix, defaultJobOptions: JOB_OPTIONS }, onError);
  const digestQueue = link.open<DigestJob>(QUEUE_NAMES.digest, { prefix, defaultJobOptions: JOB_OPTIONS }, onError);
  const simulationQueue = link.open<SimulationJob>(QUEUE_NAMES.simulation, { prefix, defaultJobOptions: JOB_OPTIONS }, onError);
  const scan = scanQueue.queue;
  const rescan = rescanQueue.queue;
  return {
    scan,
    rescan,
    import: importQueue.queue,
    webhook: webhookQueue.queue,
    digest: digestQueue.queue,
    simulation: simulationQueue.queue,
    redis:
      scanQueue.redisQueue && rescanQueue.redisQueue && importQueue.redisQueue && webhookQueue.redisQueue && digestQueue.redisQueue && simulationQueue.redisQueue
        ? [scanQueue.redisQueue, rescanQueue.redisQueue, importQueue.redisQueue, webhookQueue.redisQueue, digestQueue.redisQueue, simulationQueue.redisQueue]
        : null,
    close: async () => {
      await Promise.all([scan.close(), rescan.close(), importQueue.queue.close(), webhookQueue.queue.close(), digestQueue.queue.close(), simulationQueue.queue.close()]);
    },
  };
}

/**
 * A rescan per initiative, debounced: it waits `debounceMs`, and every further edit within that
 * time replaces it and restarts the wait, so a burst of edits gives one rescan. An edit while a
 * rescan runs queues the next one.
 */
export function rescanJob(initiativeId: number, debounceMs: number) {
  return {
    name: 'rescan',
    data: { initiativeId },
    opts: { delay: debounceMs, deduplication: { id: `rescan-${initiativeId}`, ttl: debounceMs, extend: true, replace: true } },
  };
}

export function batchJobId(batch: Batch): string {
  return `scan-${batch.scanId}-batch-${batch.batchNo}`;
}

export function startJobId(scanId: number): string {
  return `scan-${scanId}-start`;
}

/** A job of the `scan` queue, under the id that makes a second enqueue of it harmless. */
export interface ScanQueueJob {
  name: 'start' | 'batch';
  data: StartJob | BatchJob;
  opts: JobsOptions & { jobId: string };
}

/** The job that plans scan `scanId` and queues its batches. */
export function startJob(scanId: number): ScanQueueJob {
  return { name: 'start', data: { scanId }, opts: { ...JOB_OPTIONS, jobId: startJobId(scanId) } };
}

export function batchJob(batch: Batch): ScanQueueJob {
  return { name: 'batch', data: batch, opts: { ...JOB_OPTIONS, jobId: batchJobId(batch) } };
}

/** The job that previews or applies import `importId`; its id makes a second enqueue harmless. */
export function importJob(importId: number, phase: ImportJob['phase']) {
  // An import is applied once: its attempts stay at one, a failure is on the record.
  return { name: phase, data: { importId, phase }, opts: { ...JOB_OPTIONS, attempts: 1, jobId: `import-${importId}-${phase}` } };
}

/** A delivery is attempted this many times at most; as many failures in a row switch its webhook off. */
export const WEBHOOK_ATTEMPTS = 8;

/**
 * The job that attempts delivery `deliveryId`, retried with exponential backoff from `backoffMs`
 * (attempt n waits backoffMs × 2^(n-2)); its id makes a second enqueue harmless. A test delivery
 * is attempted once.
 */
export function deliveryJob(deliveryId: number, backoffMs: number, test = false) {
  return {
    name: 'deliver',
    data: { deliveryId },
    opts: {
      jobId: `delivery-${deliveryId}`,
      attempts: test ? 1 : WEBHOOK_ATTEMPTS,
      backoff: { type: 'exponential', delay: backoffMs },
      removeOnComplete: { age: 24 * 3600, count: 1000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    } satisfies JobsOptions,
  };
}

/** The job that builds the digests of the period a run at `runAt` falls in (the scheduler's jobs leave it out: their own run time). */
export function digestBuildJob(runAt: Date) {
  return { name: 'build', data: { runAt: runAt.toISOString() }, opts: { ...JOB_OPTIONS, jobId: `digest-build-${runAt.getTime()}` } };
}

/**
 * The job that sends digest `digestId`: its id makes a second enqueue harmless; many attempts with
 * exponential backoff, so an SMTP server away for hours delays the digest and never loses it.
 */
export function digestSendJob(digestId: number, attempts: number, retryMs: number) {
  return {
    name: 'send',
    data: { digestId },
    opts: { ...JOB_OPTIONS, attempts, backoff: { type: 'exponential', delay: retryMs }, jobId: `digest-${digestId}` },
  };
}
