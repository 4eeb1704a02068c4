// rescan_outbox: the initiatives that wait for a rescan, written with each change. A row stays
// until a rescan of its initiative has committed, so neither a lost job nor a crashed worker loses
// it; the relay marks when it last handed a row to the queue and hands it over again when no
// rescan took it away in time.
import type { Knex } from 'knex';

/**
 * Marks up to `limit` rows as handed to the queue now: those never handed over, and those handed
 * over more than `requeueAfterMs` ago whose rescan has not run. Answers their initiatives. Rows
 * another relay holds are skipped; run it in the transaction that also queues the jobs, so a queue
 * that refuses them leaves the rows as they were.
 */
export async function claimDueRescans(trx: Knex.Transaction, requeueAfterMs: number, limit: number): Promise<number[]> {
  const due = trx('rescan_outbox')
    .select('id')
    .whereNull('queued_at')
    .orWhere('queued_at', '<', trx.raw("now() - make_interval(secs => ? / 1000.0)", [requeueAfterMs]))
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked();
  const rows = await trx('rescan_outbox').whereIn('id', due).update({ queued_at: trx.fn.now() }).returning<{ initiative_id: number }[]>('initiative_id');
  return [...new Set(rows.map((r) => r.initiative_id))];
}

/**
 * Removes the rows of an initiative, in the rescan's own transaction and before it reads the
 * funding: every change whose row this removes has committed, so the rescan sees it; a change that
 * commits later keeps its row and gets a rescan of its own.
 */
export async function markRescanned(trx: Knex.Transaction, initiativeId: number): Promise<void> {
  await trx('rescan_outbox').where({ initiative_id: initiativeId }).delete();
}
