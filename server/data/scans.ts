// Scan records and the work of one batch: evaluate a range of initiatives with the gap rules and
// write the result, counted exactly once however often the batch runs.
import type { Knex } from 'knex';
import type { ScanTrigger } from '../domain/enums.js';
import { findGaps, firstDayLookedAt, type FoundGap } from '../domain/gaps.js';
import type { DomainSettings } from '../domain/settings.js';
import type { IsoDate } from '../domain/types.js';
import { loadFunding } from './funding.js';
import { recordEvents } from './events.js';
import { recordObligationEvents } from './obligationEvents.js';
import { syncGaps } from './gaps.js';
import { currentFor, keepFigures, keptFrom, keptRow, type KeptRow } from './keptFigures.js';
import { keepBurden } from './portfolioBurden.js';

const minDate = (a: IsoDate, b: IsoDate): IsoDate => (a < b ? a : b);

/** How many initiatives' funding a batch loads at a time. */
const LOAD_PART = 250;

export interface ScanRow {
  id: number;
  trigger: ScanTrigger;
  status: string;
  as_of: IsoDate;
  batches_total: number;
  batches_done: number;
  initiatives_total: number;
  /** evaluate every initiative, also those nothing changed for since they were evaluated for the day */
  full: boolean;
}

export interface Batch {
  scanId: number;
  batchNo: number;
  /** first and last initiative id of the batch, inclusive */
  fromId: number;
  toId: number;
}

export async function createScan(knex: Knex, trigger: ScanTrigger, asOf: IsoDate, jobKey: string | null = null, full = false): Promise<ScanRow> {
  const [inserted] = await knex('scans')
    .insert({ trigger, as_of: asOf, job_key: jobKey, full })
    .onConflict('job_key')
    .ignore()
    .returning<ScanRow[]>('*');
  return inserted ?? (await knex('scans').where({ job_key: jobKey }).first<ScanRow>());
}

/** A rescan of one initiative after a change: a scan of trigger `change` whose single batch runs now. */
export async function createRescan(knex: Knex, asOf: IsoDate): Promise<number> {
  const [row] = await knex('scans').insert({ trigger: 'change', as_of: asOf, status: 'running', batches_total: 1, initiatives_total: 1 }).returning<{ id: number }[]>('id');
  return row!.id;
}

/**
 * Splits the portfolio into batches of consecutive initiative ids and records them on the scan.
 * A scan planned before (its start job ran again) keeps its plan and its progress.
 */
export async function planScan(db: Knex, scanId: number, batchSize: number): Promise<Batch[]> {
  return db.transaction(async (trx) => {
    const scan = await trx('scans').where({ id: scanId }).forUpdate().first<{ plan: [number, number][] | null } | undefined>('plan');
    // The API queues the start job just before its transaction commits the scan: try again later.
    if (!scan) throw new Error(`scan ${scanId} is not recorded (yet)`);
    let plan = scan.plan;
    if (!plan) {
      const ranges = await trx
        .select<{ from_id: number; to_id: number; n: number }[]>(trx.raw('min(id) AS from_id, max(id) AS to_id, count(*)::int AS n'))
        .from(trx('initiatives').select('id', trx.raw('((row_number() OVER (ORDER BY id)) - 1) / ? AS b', [batchSize])).as('numbered'))
        .groupBy('b')
        .orderBy('b');
      plan = ranges.map((r) => [r.from_id, r.to_id]);
      await trx('scans')
        .where({ id: scanId })
        .update({
          plan: JSON.stringify(plan),
          batches_total: plan.length,
          initiatives_total: ranges.reduce((sum, r) => sum + r.n, 0),
          status: plan.length ? 'running' : 'completed',
          finished_at: plan.length ? null : trx.fn.now(),
          progressed_at: trx.fn.now(),
        });
    }
    return plan.map(([fromId, toId], batchNo) => ({ scanId, batchNo, fromId, toId }));
  });
}

export interface BatchResult {
  /** false when the batch had already been done */
  ran: boolean;
  initiatives: number;
  /** of those, the ones left out because nothing changed for them since they were evaluated for the day */
  unchanged: number;
  opened: number;
  resolved: number;
  /** true when this batch completed a portfolio scan */
  portfolioCompleted: boolean;
}

/**
 * Renews the planner's statistics of the tables a portfolio scan rewrites, once it completes:
 * a first scan fills them from nothing, and until autovacuum (if it runs at all) catches up the
 * planner would take them for as small as before, for the next scan and the API's gap lists alike.
 */
export async function analyzeScanTables(db: Knex): Promise<void> {
  await db.raw('ANALYZE gaps, kept_figures, kept_years, kept_windows, kept_obligations');
}

/**
 * Evaluates the initiatives with ids in [fromId, toId] at the scan's `asOf` and writes their gaps,
 * all in the caller's transaction. Active initiatives get the gap rules; stopped ones have no gaps,
 * so theirs are resolved. The batch's row makes a second run a no-op.
 */
export async function runBatch(trx: Knex.Transaction, batch: Batch, settings: DomainSettings): Promise<BatchResult> {
  const claimed = await trx('scan_batches')
    .insert({ scan_id: batch.scanId, batch_no: batch.batchNo, initiatives: 0, gaps_opened: 0, gaps_resolved: 0 })
    .onConflict(['scan_id', 'batch_no'])
    .ignore()
    .returning('batch_no');
  if (!claimed.length) return { ran: false, initiatives: 0, unchanged: 0, opened: 0, resolved: 0, portfolioCompleted: false };
  const scan = await trx('scans').where({ id: batch.scanId }).first<ScanRow>('as_of', 'trigger', 'full');

  // Lock the initiatives first and read their funding after: a write that commits meanwhile
  // queues its own rescan, which waits for this lock and then sees it.
  const ids = (
    await trx('initiatives')
      .whereBetween('id', [batch.fromId, batch.toId])
      .orderBy('id')
      .forNoKeyUpdate()
      .select<{ id: number }[]>('id')
  ).map((r) => r.id);
  // A portfolio scan for the day the figures were kept for leaves out the initiatives nothing
  // changed for since (README "Kept figures"): it would find what is kept and write nothing. A
  // rescan after a change, and a full scan, evaluate every initiative.
  const unchanged = scan.trigger === 'change' || scan.full ? new Set<number>() : await currentFor(trx, batch.fromId, batch.toId, scan.as_of, settings);
  const evaluated = unchanged.size ? ids.filter((id) => !unchanged.has(id)) : ids;
  // What the gap rules look at, and what the kept figures hold (from the first kept year on),
  // loaded a part of the batch at a time: only the results are kept for the whole batch, so a
  // worker holds one part's funding at once, whatever SCAN_BATCH is.
  const from = minDate(firstDayLookedAt(scan.as_of), keptFrom(scan.as_of));
  const found = new Map<number, FoundGap[]>();
  const kept: KeptRow[] = [];
  const fundersOf = new Map<number, number[]>();
  for (let start = 0; start < evaluated.length; start += LOAD_PART) {
    for (const funding of await loadFunding(trx, evaluated.slice(start, start + LOAD_PART), { from })) {
      const gaps = funding.status === 'active' ? findGaps(funding, scan.as_of, settings) : [];
      if (funding.status === 'active') found.set(funding.id, gaps);
      kept.push(keptRow(funding, gaps, scan.as_of, settings));
      fundersOf.set(funding.id, [...new Set(funding.commitments.map((c) => c.funderId))].sort((a, b) => a - b));
    }
  }
  const result = await syncGaps(trx, evaluated, found, batch.scanId, fundersOf);
  await keepFigures(trx, scan.as_of, settings, kept);
  await keepBurden(trx, evaluated, scan.as_of);
  await recordObligationEvents(trx, evaluated, scan.as_of);

  await trx('scan_batches')
    .where({ scan_id: batch.scanId, batch_no: batch.batchNo })
    .update({ initiatives: ids.length, gaps_opened: result.opened, gaps_resolved: result.resolved });
  const [progress] = await trx('scans')
    .where({ id: batch.scanId })
    .update({
      batches_done: trx.raw('batches_done + 1'),
      initiatives_scanned: trx.raw('initiatives_scanned + ?', [ids.length]),
      initiatives_unchanged: trx.raw('initiatives_unchanged + ?', [unchanged.size]),
      gaps_opened: trx.raw('gaps_opened + ?', [result.opened]),
      gaps_resolved: trx.raw('gaps_resolved + ?', [result.resolved]),
      progressed_at: trx.raw('clock_timestamp()'),
      status: trx.raw("CASE WHEN batches_done + 1 >= batches_total THEN 'completed' ELSE 'running' END"),
      // clock_timestamp(): now() would be when this (last) batch's transaction began.
      finished_at: trx.raw('CASE WHEN batches_done + 1 >= batches_total THEN clock_timestamp() ELSE finished_at END'),
    })
    .returning<{ status: string; trigger: ScanTrigger }[]>(['status', 'trigger']);
  const portfolioCompleted = progress?.status === 'completed' && progress.trigger !== 'change';
  return { ran: true, initiatives: ids.length, unchanged: unchanged.size, opened: result.opened, resolved: result.resolved, portfolioCompleted };
}

/** A portfolio scan that has not finished and made no progress for a while. */
export interface StalledScan {
  id: number;
  requeues: number;
  /** its batches that have no `scan_batches` row yet; null when the scan is not planned yet */
  pendingBatches: Batch[] | null;
  /** a later portfolio scan that completed meanwhile, if any: resuming this one would undo its work */
  supersededBy: number | null;
}

const UNFINISHED = ['queued', 'running'];
const stalledSince = (knex: Knex, stallMs: number) => knex.raw('now() - make_interval(secs => ? / 1000.0)', [stallMs]);

/** The portfolio scans, queued or running, without progress for `stallMs`, with what is left of them. */
export async function stalledScans(knex: Knex, stallMs: number): Promise<StalledScan[]> {
  const scans = await knex('scans')
    .whereIn('status', UNFINISHED)
    .whereNot('trigger', 'change')
    .where('progressed_at', '<', stalledSince(knex, stallMs))
    .orderBy('id')
    .select<{ id: number; requeues: number; plan: [number, number][] | null; superseded_by: number | null }[]>(
      'id',
      'requeues',
      'plan',
      knex('scans as later').min('later.id').whereRaw('later.id > scans.id').whereNot('later.trigger', 'change').where('later.status', 'completed').as('superseded_by'),
    );
  if (!scans.length) return [];
  const done = await knex('scan_batches')
    .whereIn('scan_id', scans.map((s) => s.id))
    .select<{ scan_id: number; batch_no: number }[]>('scan_id', 'batch_no');
  return scans.map(({ id, requeues, plan, superseded_by }) => {
    const finished = new Set(done.filter((d) => d.scan_id === id).map((d) => d.batch_no));
    const pendingBatches = plan ? plan.map(([fromId, toId], batchNo) => ({ scanId: id, batchNo, fromId, toId })).filter((b) => !finished.has(b.batchNo)) : null;
    return { id, requeues, pendingBatches, supersededBy: superseded_by };
  });
}

/**
 * Claims a stalled scan for looking after it: marks it as progressed now (counting a re-queue when
 * `requeued`). Answers false when it finished, moved on, or another worker claimed it first.
 */
export async function claimStalledScan(knex: Knex, scanId: number, stallMs: number, requeued: boolean): Promise<boolean> {
  const claimed = await knex('scans')
    .where({ id: scanId })
    .whereIn('status', UNFINISHED)
    .where('progressed_at', '<', stalledSince(knex, stallMs))
    .update({ progressed_at: knex.raw('clock_timestamp()'), requeues: knex.raw('requeues + ?', [requeued ? 1 : 0]) })
    .returning('id');
  return claimed.length > 0;
}

/** Fails an unfinished scan; a portfolio scan failing tells the admins (a `scan.failed` event, once). */
export async function failScan(knex: Knex, scanId: number, error: string): Promise<void> {
  await knex.transaction(async (trx) => {
    const failed = await trx('scans')
      .where({ id: scanId })
      .whereNot({ status: 'completed' })
      .update({ status: 'failed', error: error.slice(0, 2000), finished_at: trx.fn.now() })
      .returning<{ trigger: ScanTrigger }[]>('trigger');
    if (failed[0] && failed[0].trigger !== 'change') {
      await recordEvents(trx, [
        { type: 'scan.failed', subjectType: 'scan', subjectId: scanId, initiativeId: null, funderIds: [], admins: true, data: { scanId, error: error.slice(0, 300) } },
      ]);
    }
  });
}
