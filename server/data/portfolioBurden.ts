// The reporting burden of a portfolio (design/reporting.md, "Figures"): per funder type, the
// obligations due in a year (waived ones left out), the distinct funders asking them, the
// initiatives asked, and how many of them are overdue today. Both ways of answering add up the same
// rows, defined once here (`burdenRows`): each initiative's obligations counted per due year and
// funder at a day. The scans keep those rows (kept_obligations, `keepBurden`); a request reads them
// when they are current, else counts them over the obligations for itself. A test proves the two equal.
import type { Knex } from 'knex';
import type { Computed } from '../contract/figures.js';
import { OWED_OBLIGATION_STATUSES, type FunderType } from '../domain/enums.js';
import type { IsoDate } from '../domain/types.js';

/** The obligations (waived ones left out) of the commitments `where` selects, per initiative, due year and funder, with how many are overdue at `asOf` (domain/obligationSchedule.ts `lateness`). */
function burdenRows(db: Knex, asOf: IsoDate, where: (q: Knex.QueryBuilder) => void): Knex.QueryBuilder {
  const year = 'extract(year FROM o.due_on)::int';
  return db('obligations as o')
    .join('commitments as c', 'c.id', 'o.commitment_id')
    .whereNot('o.status', 'waived')
    .modify(where)
    .groupBy('c.initiative_id', db.raw(year), 'c.funder_id')
    .select(
      'c.initiative_id',
      db.raw(`${year} AS year`),
      'c.funder_id',
      db.raw('count(*)::int AS obligation_count'),
      db.raw(`(count(*) FILTER (WHERE o.status = ANY(?::text[]) AND o.due_on < ?::date))::int AS overdue_count`, [[...OWED_OBLIGATION_STATUSES], asOf]),
    );
}

/**
 * Makes the kept burden of the initiatives `ids` what their obligations say at `asOf`, in SQL
 * alone, writing only the rows that differ (a scan that finds what the last one found writes
 * nothing). Call inside the transaction that locked the initiatives.
 */
export async function keepBurden(trx: Knex.Transaction, ids: readonly number[], asOf: IsoDate): Promise<void> {
  if (!ids.length) return;
  // The range as well as the list: an index condition on the commitments whatever the statistics say.
  const [from, to] = [Math.min(...ids), Math.max(...ids)];
  const fresh = burdenRows(trx, asOf, (q) => q.whereIn('c.initiative_id', [...ids]).whereBetween('c.initiative_id', [from, to]));
  // The batch's kept rows are read once, by one range of the primary key, and set against the
  // fresh ones by a hashed full join: rows gone are deleted, rows changed updated, new rows
  // inserted, each write touching only the rows that differ (none at all when nothing did). The
  // batch holds its initiatives locked, so no one else writes their rows meanwhile.
  await trx.raw(
    `WITH fresh AS MATERIALIZED (?),
     kept AS MATERIALIZED (
       SELECT k.initiative_id, k.year, k.funder_id, k.obligation_count, k.overdue_count FROM kept_obligations k
       WHERE k.initiative_id = ANY(?::int[]) AND k.initiative_id BETWEEN ? AND ?
     ),
     diff AS MATERIALIZED (
       SELECT coalesce(f.initiative_id, k.initiative_id) AS initiative_id, coalesce(f.year, k.year) AS year,
              coalesce(f.funder_id, k.funder_id) AS funder_id, f.obligation_count, f.overdue_count,
              CASE WHEN f.initiative_id IS NULL THEN 'gone' WHEN k.initiative_id IS NULL THEN 'new' ELSE 'changed' END AS change
       FROM fresh f FULL JOIN kept k ON k.initiative_id = f.initiative_id AND k.year = f.year AND k.funder_id = f.funder_id
       WHERE (f.obligation_count, f.overdue_count) IS DISTINCT FROM (k.obligation_count, k.overdue_count)
     ),
     gone AS (
       DELETE FROM kept_obligations k USING diff d
       WHERE d.change = 'gone' AND k.initiative_id = d.initiative_id AND k.year = d.year AND k.funder_id = d.funder_id
     ),
     changed AS (
       UPDATE kept_obligations k SET obligation_count = d.obligation_count, overdue_count = d.overdue_count
       FROM diff d
       WHERE d.change = 'changed' AND k.initiative_id = d.initiative_id AND k.year = d.year AND k.funder_id = d.funder_id
     )
     INSERT INTO kept_obligations (initiative_id, year, funder_id, obligation_count, overdue_count)
     SELECT d.initiative_id, d.year, d.funder_id, d.obligation_count, d.overdue_count FROM diff d WHERE d.change = 'new'`,
    [fresh, [...ids], from, to],
  );
}

export interface BurdenCounts {
  obligations: number;
  overdue: number;
  funders: number;
  initiatives: number;
}

/** The counts per funder type and over all, of the initiatives `initiatives` selects, in `year` at `asOf`. */
export async function portfolioBurdenCounts(
  db: Knex,
  initiatives: Knex.QueryBuilder,
  year: number,
  asOf: IsoDate,
  source: Computed,
): Promise<{ byType: (BurdenCounts & { type: FunderType })[]; total: BurdenCounts | undefined }> {
  const rows: Knex.QueryBuilder =
    source === 'kept'
      ? db('kept_obligations as k').whereIn('k.initiative_id', initiatives).where('k.year', year)
      : db.from(burdenRows(db, asOf, (q) => q.whereIn('c.initiative_id', initiatives).whereBetween('o.due_on', [`${year}-01-01`, `${year}-12-31`])).as('k'));
  // One pass for the funder types and the total: the row of the empty grouping set (type null) is the total.
  const counted = await rows
    .join('funders as f', 'f.id', 'k.funder_id')
    .groupByRaw('GROUPING SETS ((f.type), ())')
    .select<(BurdenCounts & { type: FunderType | null })[]>(
      'f.type',
      db.raw('sum(k.obligation_count)::int AS obligations, sum(k.overdue_count)::int AS overdue, count(DISTINCT k.funder_id)::int AS funders, count(DISTINCT k.initiative_id)::int AS initiatives'),
    );
  const byType = counted.flatMap(({ type, ...counts }) => (type === null ? [] : [{ type, ...counts }]));
  const total = counted.find((c) => c.type === null);
  // A sum over no rows is null: nothing is due that year.
  return { byType, total: total && total.obligations !== null ? { obligations: total.obligations, overdue: total.overdue, funders: total.funders, initiatives: total.initiatives } : undefined };
}
