// Writes what a scan found: for each initiative, its found gaps are matched to its open gaps
// (server/domain/gapMatching.ts) and the differences are applied in a few set-based statements.
import type { Knex } from 'knex';
import type { GapKind, GapSeverity } from '../domain/enums.js';
import { matchGaps, type OpenGap } from '../domain/gapMatching.js';
import type { GapDetails } from '../domain/gapDetails.js';
import type { FoundGap } from '../domain/gaps.js';
import type { IsoDate } from '../domain/types.js';
import { dateArray, int4Array, int8Array, jsonbArray, textArray } from './binaryArrays.js';
import { recordGapEvents, tellOpenedGaps, type GapChange } from './events.js';

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
export async function syncGaps(
  trx: Knex.Transaction,
  ids: readonly number[],
  found: ReadonlyMap<number, readonly FoundGap[]>,
  /** The scan that found them: the events of what changed name it (server/data/events.ts). */
  scanId: number,
  /** Each initiative's funders (any commitment not declined or withdrawn), told of its new gaps. */
  fundersOf: ReadonlyMap<number, readonly number[]>,
): Promise<SyncResult> {
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
  const severityOf = new Map<number, GapSeverity>();
  for (const r of rows) {
    severityOf.set(r.id, r.severity);
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
  if (toOpen.length) await openGaps(trx, toOpen, fundersOf);
  const escalated: GapChange[] = toUpdate
    .filter((u) => u.gap.severity === 'high' && severityOf.get(u.id) !== 'high')
    .map((u) => ({ gapId: u.id, previousSeverity: severityOf.get(u.id) ?? null }));
  const resolved: GapChange[] = toResolve.map((id) => ({ gapId: id, previousSeverity: severityOf.get(id) ?? null }));
  await recordGapEvents(trx, { escalated, resolved }, String(scanId));
  return { opened: toOpen.length, updated: toUpdate.length, resolved: toResolve.length };
}

/**
 * Inserts the new gaps and, in the same statement, the events telling of them (events.ts): one
 * array a column whatever the count, in binary form (binaryArrays.ts), and the events built from
 * the inserted rows without looking them up again.
 */
async function openGaps(trx: Knex.Transaction, toOpen: readonly { initiativeId: number; gap: FoundGap }[], fundersOf: ReadonlyMap<number, readonly number[]>): Promise<void> {
  const gaps = toOpen.map((o) => o.gap);
  const initiatives = [...new Set(toOpen.map((o) => o.initiativeId))];
  await tellOpenedGaps(
    trx,
    `INSERT INTO gaps (initiative_id, kind, subject_id, period_start, period_end, shortfall_cents, severity, details)
     SELECT * FROM unnest(?::int[], ?::text[], ?::bigint[], ?::date[], ?::date[], ?::bigint[], ?::text[], ?::jsonb[])
     RETURNING id, initiative_id, kind, subject_id, period_start, period_end, shortfall_cents, severity`,
    [
      int4Array(toOpen.map((o) => o.initiativeId)),
      textArray(gaps.map((g) => g.kind)),
      int8Array(gaps.map((g) => g.subjectId)),
      dateArray(gaps.map((g) => g.periodStart)),
      dateArray(gaps.map((g) => g.periodEnd)),
      int8Array(gaps.map((g) => g.shortfallCents)),
      textArray(gaps.map((g) => g.severity)),
      jsonbArray(gaps.map((g) => g.details)),
    ],
    initiatives.map((id) => ({ initiative_id: id, funder_ids: fundersOf.get(id) ?? [] })),
  );
}
