// Writes what a scan found: for each initiative, its found gaps are matched to its open gaps
// (server/domain/gapMatching.ts) and the differences are applied in a few set-based statements.
import type { Knex } from 'knex';
import type { GapKind, GapSeverity } from '../domain/enums.js';
import { matchGaps, type OpenGap } from '../domain/gapMatching.js';
import type { GapDetails } from '../domain/gapDetails.js';
import type { FoundGap } from '../domain/gaps.js';
import type { IsoDate } from '../domain/types.js';

interface GapRow {
  id: number;
  initiative_id: number;
  kind: GapKind;
  subject_id: number;
  period_start: IsoDate;
  period_end: IsoDate;
  shortfall_cents: number;
  severity: GapSeverity;
  /** jsonb, written from a FoundGap's details */
  details: GapDetails;
}

export interface SyncResult {
  opened: number;
  updated: number;
  resolved: number;
}

/**
 * Makes the open gaps of the initiatives say what was found: `found` maps each initiative id to
 * its gaps; an initiative in `ids` without an entry has none. Call inside the transaction that
 * locked the initiatives.
 */
export async function syncGaps(trx: Knex.Transaction, ids: readonly number[], found: ReadonlyMap<number, readonly FoundGap[]>): Promise<SyncResult> {
  if (!ids.length) return { opened: 0, updated: 0, resolved: 0 };
  // The range as well as the list: an index condition the planner uses whatever its statistics
  // say (with stale ones, right after a first scan filled the table, it would read every open gap
  // of the portfolio for the list alone).
  const rows = await trx('gaps')
    .whereIn('initiative_id', [...ids])
    .whereBetween('initiative_id', [Math.min(...ids), Math.max(...ids)])
    .whereNull('resolved_at')
    .select<GapRow[]>('id', 'initiative_id', 'kind', 'subject_id', 'period_start', 'period_end', 'shortfall_cents', 'severity', 'details');
  const openBy = new Map<number, OpenGap[]>();
  for (const r of rows) {
    const list = openBy.get(r.initiative_id) ?? [];
    list.push({
      id: r.id,
      kind: r.kind,
      subjectId: r.subject_id,
      periodStart: r.period_start,
      periodEnd: r.period_end,
      shortfallCents: r.shortfall_cents,
      severity: r.severity,
      details: r.details,
    });
    openBy.set(r.initiative_id, list);
  }

  const toResolve: number[] = [];
  const toUpdate: { id: number; gap: FoundGap }[] = [];
  const toOpen: { initiativeId: number; gap: FoundGap }[] = [];
  for (const id of ids) {
    const match = matchGaps([...(found.get(id) ?? [])], openBy.get(id) ?? []);
    toResolve.push(...match.toResolve);
    toUpdate.push(...match.toUpdate);
    toOpen.push(...match.toOpen.map((gap) => ({ initiativeId: id, gap })));
  }

  if (toResolve.length) {
    await trx('gaps').whereIn('id', toResolve).update({ resolved_at: trx.fn.now(), updated_at: trx.fn.now() });
  }
  if (toUpdate.length) {
    await trx.raw(
      `UPDATE gaps AS g SET period_start = v.period_start, period_end = v.period_end, shortfall_cents = v.shortfall_cents,
              severity = v.severity, details = v.details, updated_at = now()
       FROM (SELECT unnest(?::bigint[]) AS id, unnest(?::date[]) AS period_start, unnest(?::date[]) AS period_end,
                    unnest(?::bigint[]) AS shortfall_cents, unnest(?::text[]) AS severity, unnest(?::jsonb[]) AS details) AS v
       WHERE g.id = v.id`,
      [
        toUpdate.map((u) => u.id),
        toUpdate.map((u) => u.gap.periodStart),
        toUpdate.map((u) => u.gap.periodEnd),
        toUpdate.map((u) => u.gap.shortfallCents),
        toUpdate.map((u) => u.gap.severity),
        toUpdate.map((u) => JSON.stringify(u.gap.details)),
      ],
    );
  }
  if (toOpen.length) {
    // One statement whatever the count: eight arrays, not eight parameters per gap.
    await trx.raw(
      `INSERT INTO gaps (initiative_id, kind, subject_id, period_start, period_end, shortfall_cents, severity, details)
       SELECT * FROM unnest(?::int[], ?::text[], ?::bigint[], ?::date[], ?::date[], ?::bigint[], ?::text[], ?::jsonb[])`,
      [
        toOpen.map((o) => o.initiativeId),
        toOpen.map((o) => o.gap.kind),
        toOpen.map((o) => o.gap.subjectId),
        toOpen.map((o) => o.gap.periodStart),
        toOpen.map((o) => o.gap.periodEnd),
        toOpen.map((o) => o.gap.shortfallCents),
        toOpen.map((o) => o.gap.severity),
        toOpen.map((o) => JSON.stringify(o.gap.details)),
      ],
    );
  }
  return { opened: toOpen.length, updated: toUpdate.length, resolved: toResolve.length };
}
