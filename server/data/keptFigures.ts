// Kept figures (README "Kept figures"): what a scan computed per initiative, written in the
// transaction of its gaps, read by the portfolio views when they are current. Current means:
// every initiative asked about was evaluated for the day (the risk list) or the years (the
// portfolio statistics) asked, and has no change waiting for its rescan in rescan_outbox (a write
// adds its row in its own transaction, so a committed change is never hidden behind kept figures
// from before it).
import type { Knex } from 'knex';
import { firstDayOfMonth, monthOf, yearOf } from '../domain/dates.js';
import type { RiskFigures } from '../domain/risk.js';
import type { IsoDate } from '../domain/types.js';
import { keepPortfolioYears, keepWindowFunding } from './portfolioStats.js';

export interface KeptRow {
  initiativeId: number;
  risk: RiskFigures | null;
}

/** The calendar years whose money is kept: the year before the scan's through eight after it. */
function keptYears(asOf: IsoDate): { firstYear: number; lastYear: number } {
  const year = yearOf(asOf);
  return { firstYear: year - 1, lastYear: year + 8 };
}

/** Replaces the kept figures of the initiatives (`rows`, one per initiative), evaluated for `asOf`. */
export async function keepFigures(trx: Knex.Transaction, asOf: IsoDate, rows: readonly KeptRow[], shortTermMonths: number): Promise<void> {
  if (!rows.length) return;
  const ids = rows.map((r) => r.initiativeId);
  const { firstYear, lastYear } = keptYears(asOf);
  await trx.raw(
    `INSERT INTO kept_figures (initiative_id, as_of, risk, first_year, last_year)
     SELECT id, ?::date, nullif(risk, 'null'::jsonb), ?, ? FROM unnest(?::int[], ?::jsonb[]) AS k(id, risk)
     ON CONFLICT (initiative_id) DO UPDATE
     SET as_of = excluded.as_of, risk = excluded.risk, first_year = excluded.first_year, last_year = excluded.last_year, computed_at = now()
     WHERE (kept_figures.as_of, kept_figures.risk, kept_figures.first_year, kept_figures.last_year)
           IS DISTINCT FROM (excluded.as_of, excluded.risk, excluded.first_year, excluded.last_year)`,
    [asOf, firstYear, lastYear, ids, rows.map((r) => JSON.stringify(r.risk))],
  );
  await keepPortfolioYears(trx, ids, firstYear, lastYear, shortTermMonths);
  await keepWindowFunding(trx, ids, firstDayOfMonth(monthOf(asOf)));
}

/** What the kept figures must cover: the day they were evaluated for, a span of years, or the months from a month's first day. */
export type KeptFor = { asOf: IsoDate } | { firstYear: number; lastYear: number } | { windowFrom: IsoDate };

/** Whether the kept figures of every initiative `ids` selects are current for what is asked. */
export async function keptAreCurrent(db: Knex, ids: Knex.QueryBuilder, wanted: KeptFor): Promise<boolean> {
  const covers =
    'asOf' in wanted ? 'k.as_of = :asOf::date' : 'windowFrom' in wanted ? 'k.window_from = :windowFrom::date' : 'k.first_year <= :firstYear::int AND k.last_year >= :lastYear::int';
  const { rows } = await db.raw<{ rows: { stale: boolean }[] }>(
    `SELECT EXISTS (
       SELECT 1 FROM :ids AS s(id)
       WHERE NOT EXISTS (SELECT 1 FROM kept_figures k WHERE k.initiative_id = s.id AND ${covers})
          OR EXISTS (SELECT 1 FROM rescan_outbox o WHERE o.initiative_id = s.id)
     ) AS stale`,
    { ids, ...wanted },
  );
  return !rows[0]!.stale;
}

/** The kept risk figures of the initiatives `ids` selects that are at risk, with what the list shows of each. */
export async function keptRisks(
  db: Knex,
  ids: Knex.QueryBuilder,
): Promise<{ id: number; name: string; municipality: string; founded_on: IsoDate; risk: RiskFigures }[]> {
  return db('kept_figures as k')
    .join('initiatives as i', 'i.id', 'k.initiative_id')
    .whereIn('k.initiative_id', ids)
    .whereNotNull('k.risk')
    .select('i.id', 'i.name', 'i.municipality', 'i.founded_on', 'k.risk');
}
