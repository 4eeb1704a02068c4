// The job processors: plain async functions over the domain and data layers, callable without a
// queue in a test. Each is safe to run more than once for the same job.
import type { Knex } from 'knex';
import { markRescanned } from '../server/data/outbox.js';
import { createScan, failScan, planScan, runBatch, type Batch, type BatchResult } from '../server/data/scans.js';
import type { DomainSettings } from '../server/domain/settings.js';
import { today } from '../server/services/clock.js';
import type { StartJob } from '../server/queues/queues.js';

export interface ProcessorDeps {
  db: Knex;
  settings: DomainSettings;
  batchSize: number;
  /** Hands the batches to the queue (idempotent: a batch's job id is fixed). */
  enqueueBatches(batches: Batch[]): Promise<void>;
}

/** Starts a portfolio scan: creates the scan record for a scheduled run, plans and enqueues its batches. */
export async function startScan(deps: ProcessorDeps, data: StartJob, jobKey: string): Promise<number> {
  const scanId = 'scanId' in data ? data.scanId : (await createScan(deps.db, 'schedule', today(), `schedule:${jobKey}`)).id;
  const batches = await planScan(deps.db, scanId, deps.batchSize);
  await deps.enqueueBatches(batches);
  return scanId;
}

export function scanBatch(deps: Pick<ProcessorDeps, 'db' | 'settings'>, batch: Batch): Promise<BatchResult> {
  return deps.db.transaction((trx) => runBatch(trx, batch, deps.settings));
}

/**
 * Rescans one initiative after a change, recorded as a scan of its own (trigger `change`), and
 * settles its outbox rows in the same transaction.
 */
export function rescan(deps: Pick<ProcessorDeps, 'db' | 'settings'>, initiativeId: number): Promise<BatchResult> {
  return deps.db.transaction(async (trx) => {
    await markRescanned(trx, initiativeId);
    const scan = await createScan(trx, 'change', today());
    await trx('scans').where({ id: scan.id }).update({ status: 'running', batches_total: 1, initiatives_total: 1 });
    return runBatch(trx, { scanId: scan.id, batchNo: 0, fromId: initiativeId, toId: initiativeId }, deps.settings);
  });
}

export { failScan };
