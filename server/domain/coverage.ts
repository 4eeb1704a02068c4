// DESIGN.md, "Coverage": funding attributed to a calendar year (the sum over its days) ÷ the need
// of that year, null when there is no need. Committed funding counts committed and completed
// commitments; the pipeline figure is the whole pipeline scenario (committed + completed +
// requested + conditional), not only the part still hoped for.
import { commitmentYearCents, countsIn, NeedPlan, roundCents } from './allocation.js';
import type { FunderType } from './enums.js';
import type { InitiativeFunding } from './types.js';

export interface YearCoverage {
  year: number;
  needCents: number;
  /** the year's need is carried forward from an earlier budget year */
  needEstimated: boolean;
  committedCents: number;
  pipelineCents: number;
  /** committedCents ÷ needCents, null when needCents is 0 */
  coverage: number | null;
  committedByFunderId: Record<number, number>;
  committedByFunderType: Partial<Record<FunderType, number>>;
}

function addTo<K extends PropertyKey>(record: Partial<Record<K, number>>, key: K, cents: number): void {
  record[key] = (record[key] ?? 0) + cents;
}

function rounded<K extends PropertyKey>(record: Partial<Record<K, number>>): Partial<Record<K, number>> {
  const result: Partial<Record<K, number>> = {};
  for (const key of Object.keys(record) as K[]) result[key] = roundCents(record[key] ?? 0);
  return result;
}

/**
 * Amounts are summed unrounded and rounded once each, so the per-funder figures may differ by a
 * cent from the total. The ratio is taken of the rounded figures shown beside it, so a reader can
 * check it.
 */
export function yearCoverage(
  initiative: Pick<InitiativeFunding, 'budgets' | 'commitments'>,
  year: number,
  plan: NeedPlan = new NeedPlan(initiative.budgets),
): YearCoverage {
  let committed = 0;
  let pipeline = 0;
  const byFunderId: Record<number, number> = {};
  const byFunderType: Partial<Record<FunderType, number>> = {};
  for (const commitment of initiative.commitments) {
    if (!countsIn(commitment.status, 'pipeline')) continue;
    const cents = commitmentYearCents(commitment, year);
    pipeline += cents;
    if (!countsIn(commitment.status, 'committed') || cents === 0) continue;
    committed += cents;
    addTo(byFunderId, commitment.funderId, cents);
    addTo(byFunderType, commitment.funderType, cents);
  }
  const needCents = roundCents(plan.yearCents(year));
  const committedCents = roundCents(committed);
  return {
    year,
    needCents,
    needEstimated: plan.estimated(year),
    committedCents,
    pipelineCents: roundCents(pipeline),
    coverage: needCents === 0 ? null : committedCents / needCents,
    committedByFunderId: rounded(byFunderId) as Record<number, number>,
    committedByFunderType: rounded(byFunderType),
  };
}

/** Coverage of `years` consecutive calendar years starting with `fromYear`. */
export function computeCoverage(
  initiative: Pick<InitiativeFunding, 'budgets' | 'commitments'>,
  fromYear: number,
  years: number,
): YearCoverage[] {
  const plan = new NeedPlan(initiative.budgets);
  return Array.from({ length: years }, (_, i) => yearCoverage(initiative, fromYear + i, plan));
}
