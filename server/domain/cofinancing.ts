// Co-financing rounds (design/cofinancing.md): what a round aims for, and the rules of a match.
import { monthlyFundingCents, monthlyNeedCents, roundCents } from './allocation.js';
import { monthIndex, monthOf, monthsStarting } from './dates.js';
import type { InitiativeFunding, IsoDate } from './types.js';

/**
 * The default target of a round over a period: what committed funding leaves short of the need
 * in the whole months the period touches, month by month in whole cents as the runway shows them
 * (a month funded beyond its need does not make up for another).
 */
export function periodShortfallCents(funding: Pick<InitiativeFunding, 'budgets' | 'commitments'>, periodStart: IsoDate, periodEnd: IsoDate): number {
  const first = monthOf(periodStart);
  const months = monthsStarting(first, monthIndex(monthOf(periodEnd)) - monthIndex(first) + 1);
  const need = monthlyNeedCents(funding.budgets, months);
  const funded = monthlyFundingCents(funding.commitments, months, 'committed');
  return months.reduce((sum, _m, i) => sum + Math.max(0, roundCents(need[i] ?? 0) - roundCents(funded[i] ?? 0)), 0);
}

/** The most a pledge that matches another may be: `ratioPercent` % of it, in whole cents (rounded down). */
export function matchCapCents(matchedCents: number, ratioPercent: number): number {
  return Math.floor((matchedCents * ratioPercent) / 100);
}
