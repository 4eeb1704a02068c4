// DESIGN.md, "Gaps", last bullet: a scan matches each gap it finds to the open gap of the same
// initiative and kind whose period overlaps it (for `expiring`: of the same commitment) and
// updates it; otherwise it opens a new one; open gaps nothing matched are resolved.
//
// Both lists belong to one initiative. Besides kind, gaps must share their subject (the
// `gaps.subject_id` column): an `expiring` gap's commitment, a `funder_limit` gap's funder, 0
// otherwise; two funders' limits both run to the horizon's end, so without the subject they would
// always overlap. An `expiring` gap matches on its commitment whether or not the periods overlap.
import { toEpochDay } from './dates.js';
import type { FoundGap } from './gaps.js';

/** An open gap as stored. */
export interface OpenGap extends Omit<FoundGap, 'commitmentId'> {
  id: number;
}

export interface GapMatch {
  toOpen: FoundGap[];
  /** matched open gaps whose stored fields differ from what the scan found */
  toUpdate: { id: number; gap: FoundGap }[];
  /** matched open gaps that already say what the scan found */
  unchanged: number[];
  toResolve: number[];
}

function overlapDays(a: Pick<FoundGap, 'periodStart' | 'periodEnd'>, b: Pick<FoundGap, 'periodStart' | 'periodEnd'>): number {
  const start = Math.max(toEpochDay(a.periodStart), toEpochDay(b.periodStart));
  const end = Math.min(toEpochDay(a.periodEnd), toEpochDay(b.periodEnd));
  return end - start + 1;
}

/** Equality of JSON values regardless of key order (PostgreSQL's jsonb reorders keys). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => sameJson(v, b[i]));
  }
  const ak = Object.keys(a);
  const bk = Object.keys(b);
  const bo = b as Record<string, unknown>;
  const ao = a as Record<string, unknown>;
  return ak.length === bk.length && ak.every((k) => Object.hasOwn(bo, k) && sameJson(ao[k], bo[k]));
}

function differs(stored: OpenGap, found: FoundGap): boolean {
  return (
    stored.periodStart !== found.periodStart ||
    stored.periodEnd !== found.periodEnd ||
    stored.shortfallCents !== found.shortfallCents ||
    stored.severity !== found.severity ||
    !sameJson(stored.details, found.details)
  );
}

/**
 * Pure matching for one initiative. A found gap takes the unmatched open gap of the same kind and
 * subject that overlaps it most (ties: the lowest id); an open gap matches at most one found gap.
 * Apply `toResolve` before `toUpdate` and `toOpen`: when two old runs merge into one, the merged
 * period overlaps the gap being resolved.
 */
export function matchGaps(found: readonly FoundGap[], open: readonly OpenGap[]): GapMatch {
  const matched = new Set<number>();
  const result: GapMatch = { toOpen: [], toUpdate: [], unchanged: [], toResolve: [] };
  for (const gap of found) {
    let best: OpenGap | undefined;
    let bestOverlap = -Infinity;
    for (const candidate of open) {
      if (matched.has(candidate.id) || candidate.kind !== gap.kind || candidate.subjectId !== gap.subjectId) continue;
      const overlap = overlapDays(candidate, gap);
      if (gap.kind !== 'expiring' && overlap <= 0) continue;
      if (overlap > bestOverlap || (overlap === bestOverlap && best !== undefined && candidate.id < best.id)) {
        best = candidate;
        bestOverlap = overlap;
      }
    }
    if (best === undefined) {
      result.toOpen.push(gap);
      continue;
    }
    matched.add(best.id);
    if (differs(best, gap)) result.toUpdate.push({ id: best.id, gap });
    else result.unchanged.push(best.id);
  }
  result.toResolve = open.filter((g) => !matched.has(g.id)).map((g) => g.id);
  return result;
}
