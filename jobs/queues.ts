// The queues, their names, key prefix and job options, defined once and imported everywhere.
import { Queue, type ConnectionOptions, type JobsOptions } from 'bullmq';
import type { Batch } from '../server/data/scans.js';

export const QUEUE_NAMES = { scan: 'scan', rescan: 'rescan' } as const;

/** `scan` queue: a portfolio scan starts (`start`) and fans out into `batch` jobs. */
export type StartJob = { scanId: number } | { trigger: 'schedule' };
export type BatchJob = Batch;
/** `rescan` queue: one initiative whose funding picture changed. */
export interface RescanJob {
  initiativeId: number;
}

export const SCHEDULER_ID = 'nightly-scan';

export const JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

export interface Queues {
  scan: Queue<StartJob | BatchJob>;
  rescan: Queue<RescanJob>;
  close(): Promise<void>;
}

/** `prefix` is QUEUE_PREFIX: hash-tagged, so every key of a queue lands in one Redis Cluster slot. */
export function createQueues(connection: ConnectionOptions, prefix: string, onError: (err: Error) => void): Queues {
  const scan = new Queue<StartJob | BatchJob>(QUEUE_NAMES.scan, { connection, prefix, defaultJobOptions: JOB_OPTIONS });
  const rescan = new Queue<RescanJob>(QUEUE_NAMES.rescan, { connection, prefix, defaultJobOptions: JOB_OPTIONS });
  // Without a listener BullMQ prints every connection error to stderr.
  scan.on('error', onError);
  rescan.on('error', onError);
  return {
    scan,
    rescan,
    close: async () => {
      await Promise.all([scan.close(), rescan.close()]);
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
