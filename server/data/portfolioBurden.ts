// The reporting burden of a portfolio (design/reporting.md, "Figures"): per funder type, the
// obligations due in a year (waived ones left out), the distinct funders asking them, the
// initiatives asked, and how many of them are overdue today. Read from what the scans kept
// (kept_obligations, rows of domain/burden.ts `keptBurden`) when those are current, else counted
// over the obligations themselves with SQL that mirrors `keptBurden`; a test proves the two equal.
import type { Knex } from 'knex';
import type { BurdenObligation, KeptBurden } from '../domain/burden.js';
import type { FunderType, ObligationStatus } from '../domain/enums.js';
import type { Computed } from '../contract/figures.js';
import type { IsoDate } from '../domain/types.js';

/** An initiative's obligations as the burden counts them. */
export type InitiativeObligations = Map<number, BurdenObligation[]>;

/** The obligations of the initiatives, each with the funder asking it. */
export async function loadBurdenObligations(trx: Knex.Transaction, ids: readonly number[]): Promise<InitiativeObligations> {
  const out: InitiativeObligations = new Map(ids.map((id) => [id, []]));
  if (!ids.length) return out;
  const rows = await trx('obligations as o')
    .join('commitments as c', 'c.id', 'o.commitment_id')
    .whereIn('c.initiative_id', [...ids])
    .whereBetween('c.initiative_id', [Math.min(...ids), Math.max(...ids)])
    .select<{ initiative_id: number; funder_id: number; due_on: IsoDate; status: ObligationStatus }[]>('c.initiative_id', 'c.funder_id', 'o.due_on', 'o.status');
  for (const r of rows) out.get(r.initiative_id)?.push({ funderId: r.funder_id, dueOn: r.due_on, status: r.status });
  return out;
}

/** Replaces the kept burden of the initiatives `ids` with `rows`; keepFigures calls it for the initiatives whose kept figures changed. */
export async function keepBurden(trx: Knex.Transaction, ids: readonly number[], rows: readonly (KeptBurden & { initiativeId: number })[]): Promise<void> {
  if (!ids.length) return;
  await trx('kept_obligations').whereIn('initiative_id', [...ids]).whereBetween('initiative_id', [Math.min(...ids), Math.max(...ids)]).delete();
  if (!rows.length) return;
  const fresh = rows.map((r) => ({ initiative_id: r.initiativeId, year: r.year, funder_id: r.funderId, obligation_count: r.obligationCount, overdue_count: r.overdueCount }));
  await trx.raw(
    `INSERT INTO kept_obligations (initiative_id, year, funder_id, obligation_count, overdue_count)
     SELECT initiative_id, year, funder_id, obligation_count, overdue_count
     FROM json_to_recordset(:fresh::json) AS f(initiative_id int, year int, funder_id int, obligation_count int, overdue_count int)`,
    { fresh: JSON.stringify(fresh) },
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
  const base =
    source === 'kept'
      ? () => db('kept_obligations as k').join('funders as f', 'f.id', 'k.funder_id').whereIn('k.initiative_id', initiatives.clone()).where('k.year', year)
      : () =>
          db('obligations as o')
            .join('commitments as c', 'c.id', 'o.commitment_id')
            .join('funders as f', 'f.id', 'c.funder_id')
            .whereIn('c.initiative_id', initiatives.clone())
            .whereNot('o.status', 'waived')
            .whereBetween('o.due_on', [`${year}-01-01`, `${year}-12-31`]);
  // Live, overdue mirrors domain/obligationSchedule.ts `lateness` at asOf; kept rows hold it counted.
  const counts =
    source === 'kept'
      ? 'sum(k.obligation_count)::int AS obligations, sum(k.overdue_count)::int AS overdue, count(DISTINCT k.funder_id)::int AS funders, count(DISTINCT k.initiative_id)::int AS initiatives'
      : "count(*)::int AS obligations, (count(*) FILTER (WHERE o.status IN ('open', 'rejected') AND o.due_on < :asOf::date))::int AS overdue, count(DISTINCT c.funder_id)::int AS funders, count(DISTINCT c.initiative_id)::int AS initiatives";
  const select = db.raw(counts, { asOf });
  const byType = await base()
    .groupBy('f.type')
    .select<(BurdenCounts & { type: FunderType })[]>('f.type', select);
  const total = await base().first<BurdenCounts | undefined>(select);
  // A sum over no rows is null: nothing is due that year.
  return { byType, total: total && total.obligations !== null ? total : undefined };
}
