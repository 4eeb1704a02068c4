// A scan from start to finish, in one place. A portfolio scan is recorded (by an admin, on the
// first start of a never-scanned database, or by the nightly schedule), planned into batches of
// consecutive initiatives, its batches run (the last one completes it), or it fails; a rescan is
// the scan of one initiative after a change, in one transaction. The API and the job processors
// (jobs/processors.ts) call this service; the queue only carries its steps from one to the next.
import type { Knex } from 'knex';
import { changeCommitted } from '../data/figuresVersion.js';
import { markRescanned } from '../data/outbox.js';
import { analyzeScanTables, createRescan, createScan, failScan, planScan, runBatch, type Batch, type BatchResult } from '../data/scans.js';
import type { DomainSettings } from '../domain/settings.js';
import type { IsoDate } from '../domain/types.js';
import { unavailable } from '../errors.js';
import type { StartJob } from '../queues/queues.js';
import { RESOURCES } from '../resources/index.js';
import type { ApiRecord } from '../resources/resource.js';
import { assertRoleMay } from './access.js';
import type { Actor } from './actor.js';
import { recordAudit } from './audit.js';
import { today } from './clock.js';
import type { CrudService } from './crud.js';

export const QUEUE_DOWN = 'The job queue (Redis) cannot be reached, so no scan can start now. Reading and editing keep working; try again in a moment.';

/** What a scan needs of the job queue (server/services/index.ts gives it the real one). */
export interface ScanQueue {
  /** Whether the queue answers now. */
  ready(): Promise<boolean>;
  /** Queues the job that plans the scan (idempotent: its job id is fixed). */
  queueStart(scanId: number): Promise<void>;
  /** Queues the batches (idempotent: a batch's job id is fixed). */
  queueBatches(batches: readonly Batch[]): Promise<void>;
}

export interface ScanOptions {
  settings: DomainSettings;
  /** Initiatives per batch (SCAN_BATCH). */
  batchSize: number;
}

export class ScanService {
  constructor(
    private readonly db: Knex,
    private readonly crud: CrudService,
    private readonly queue: ScanQueue | null,
    private readonly options: ScanOptions,
  ) {}

  /**
   * `POST /api/scans`: records a manual scan and queues its start, or answers 503 and records
   * nothing. A `full` scan evaluates every initiative, also those a scan for the day would leave out.
   */
  async start(actor: Actor, asOf: IsoDate | undefined, full = false): Promise<ApiRecord> {
    assertRoleMay(actor, 'scans', 'create');
    const queue = this.queue;
    if (!queue || !(await queue.ready())) throw unavailable(QUEUE_DOWN, 'unavailable.queue');
    const scanId = await this.db.transaction(async (trx) => {
      const scan = await createScan(trx, 'manual', asOf ?? today(), null, full);
      await recordAudit(trx, actor, 'create', 'scans', scan.id, null, { id: scan.id, trigger: scan.trigger, asOf: scan.as_of, full });
      try {
        await queue.queueStart(scan.id);
      } catch {
        throw unavailable(QUEUE_DOWN, 'unavailable.queue');
      }
      return scan.id;
    });
    return this.crud.get(RESOURCES.scans!, actor, scanId);
  }

  /**
   * DESIGN.md: a portfolio scan runs on the first start of an empty or never-scanned database, so
   * nobody sees "no gaps" merely because no scan has run yet. Never-scanned: no portfolio scan
   * (`schedule` or `manual`) was ever recorded; rescans of single initiatives do not count. The
   * scan is the system's own, recorded as `schedule`. Answers the scan's id, or null when none
   * was needed or the queue cannot take it now (then the next start tries again).
   */
  async scanOnFirstStart(): Promise<number | null> {
    const queue = this.queue;
    if (!queue || !(await queue.ready())) return null;
    return this.db.transaction(async (trx) => {
      // one process at a time decides, so two API processes starting together queue one scan
      await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', ['vangnet:first-start-scan']);
      const scanned = await trx('scans').whereIn('trigger', ['schedule', 'manual']).first('id');
      if (scanned) return null;
      const scan = await createScan(trx, 'schedule', today());
      await queue.queueStart(scan.id);
      return scan.id;
    });
  }

  /**
   * The start job: plans the scan and queues its batches; a scheduled start first records its
   * scan, once per `jobKey`. Run again, it queues the same plan again. Answers the scan's id.
   */
  async plan(job: StartJob, jobKey: string): Promise<number> {
    if (!this.queue) throw new Error('a scan is planned by a worker, which has a queue');
    const scanId = 'scanId' in job ? job.scanId : (await createScan(this.db, 'schedule', today(), `schedule:${jobKey}`)).id;
    await this.queue.queueBatches(await planScan(this.db, scanId, this.options.batchSize));
    return scanId;
  }

  /** One batch, in one transaction; the last batch of a scan completes it. */
  async runBatch(batch: Batch): Promise<BatchResult> {
    const result = await this.db.transaction((trx) => runBatch(trx, batch, this.options.settings));
    await changeCommitted(this.db);
    if (result.portfolioCompleted) await analyzeScanTables(this.db);
    return result;
  }

  /**
   * Rescans one initiative after a change, recorded as a scan of its own (trigger `change`), and
   * settles its outbox rows in the same transaction.
   */
  async rescan(initiativeId: number): Promise<BatchResult> {
    const result = await this.db.transaction(async (trx) => {
      await markRescanned(trx, initiativeId);
      const scanId = await createRescan(trx, today());
      return runBatch(trx, { scanId, batchNo: 0, fromId: initiativeId, toId: initiativeId }, this.options.settings);
    });
    // Its gaps change what gap lists count (a worker in the API process shares the count cache),
    // its kept figures the portfolio answers.
    await changeCommitted(this.db);
    return result;
  }

  /** Fails an unfinished scan with the reason in `error`; a completed one stays completed. */
  fail(scanId: number, reason: string): Promise<void> {
    return failScan(this.db, scanId, reason);
  }
}
