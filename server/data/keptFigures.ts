// Kept figures (README "Kept figures"): what a scan computed per initiative, written in the
// transaction of its gaps, read by the portfolio views when they are current. Current for a day
// means: every initiative asked about was evaluated for that day and has no change waiting for
// its rescan in rescan_outbox (a write adds its row in its own transaction, so a committed change
// is never hidden behind kept figures from before it).
import type { Knex } from 'knex';
import type { RiskFigures } from '../domain/risk.js';
import type { IsoDate } from '../domain/types.js';

export interface KeptRow {
  initiativeId: number;
  risk: RiskFigures | null;
}

/** Replaces the kept figures of the initiatives, evaluated for `asOf`. */
export async function keepFigures(trx: Knex.Transaction, asOf: IsoDate, rows: readonly KeptRow[]): Promise<void> {
  if (!rows.length) return;
  await trx.raw(
    `INSERT INTO kept_figures (initiative_id, as_of, risk)
     SELECT id, ?::date, nullif(risk, 'null'::jsonb) FROM unnest(?::int[], ?::jsonb[]) AS k(id, risk)
     ON CONFLICT (initiative_id) DO UPDATE SET as_of = excluded.as_of, risk = excluded.risk, computed_at = now()`,
    [asOf, rows.map((r) => r.initiativeId), rows.map((r) => JSON.stringify(r.risk))],
  );
}

/** Whether the kept figures of every initiative `ids` selects are current for `asOf`. */
export async function keptAreCurrent(db: Knex, ids: Knex.QueryBuilder, asOf: IsoDate): Promise<boolean> {
  const { rows } = await db.raw<{ rows: { stale: boolean }[] }>(
    `SELECT EXISTS (
       SELECT 1 FROM :ids AS s(id)
       WHERE NOT EXISTS (SELECT 1 FROM kept_figures k WHERE k.initiative_id = s.id AND k.as_of = :asOf::date)
          OR EXISTS (SELECT 1 FROM rescan_outbox o WHERE o.initiative_id = s.id)
     ) AS stale`,
    { ids, asOf },
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
