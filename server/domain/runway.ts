// DESIGN.md, "Runway": the balance starts at the initiative's reserves and, month by month from
// the whole month that contains `asOf`, grows by funding and shrinks by need. The runway is the
// number of months before the first month that ends with a negative balance.
import { monthlyFundingCents, monthlyNeedCents, NeedPlan, roundCents, type Scenario } from './allocation.js';
import { lastDayOfMonth, monthOf, monthsStarting } from './dates.js';
import { DEFAULT_SETTINGS, type DomainSettings } from './settings.js';
import type { InitiativeFunding, IsoDate, IsoMonth } from './types.js';

export interface RunwayMonth {
  month: IsoMonth;
  needCents: number;
  fundingCents: number;
  /** balance at the end of the month */
  balanceCents: number;
  /** the month's need is (partly) carried forward from an earlier budget year */
  needEstimated: boolean;
}

export interface Runway {
  asOf: IsoDate;
  scenario: Scenario;
  runwayMonths: number;
  /** last day of the last month before the balance turns negative; null when the first month does */
  fundedThrough: IsoDate | null;
  /** true when the balance stays non-negative for the whole horizon */
  horizonReached: boolean;
  /** the last year with a budget of its own (later need is estimated); null without any budget */
  budgetThrough: number | null;
  /** every month of the horizon, also those after the balance turned negative */
  months: RunwayMonth[];
}

/** How far reserves plus funding carry the need, month by month (the runway's walk). */
export interface BalanceWalk {
  /** rounded balance at the end of each month */
  balances: number[];
  /** months before the first month that ends negative; all of them when none does */
  runwayMonths: number;
  horizonReached: boolean;
}

/**
 * The balance is carried unrounded and rounded per month for output; a month "ends negative" when
 * its balance rounded to whole cents is below zero, so the verdict agrees with the figure shown
 * (a float residue of −0.000001 cents is not a shortfall). The gap scan walks the same way to say
 * until when reserves carry a shortfall.
 */
export function walkBalance(reservesCents: number, need: readonly number[], funding: readonly number[]): BalanceWalk {
  let balance = reservesCents;
  let firstNegative = -1;
  const balances = need.map((monthNeed, i) => {
    balance += (funding[i] ?? 0) - monthNeed;
    const rounded = roundCents(balance);
    if (rounded < 0 && firstNegative < 0) firstNegative = i;
    return rounded;
  });
  const horizonReached = firstNegative < 0;
  return { balances, runwayMonths: horizonReached ? need.length : firstNegative, horizonReached };
}

/** The last day of the last month before the balance turns negative; null when the first month does. */
export function fundedThroughOf(months: readonly IsoMonth[], runwayMonths: number): IsoDate | null {
  const lastFunded = months[runwayMonths - 1];
  return lastFunded === undefined ? null : lastDayOfMonth(lastFunded);
}

/**
 * Need and funding are rounded per month independently, so a shown balance may differ by a cent
 * from adding up the shown figures.
 */
export function computeRunway(
  initiative: Pick<InitiativeFunding, 'reservesCents' | 'budgets' | 'commitments'>,
  asOf: IsoDate,
  scenario: Scenario = 'committed',
  settings: Pick<DomainSettings, 'horizonMonths'> = DEFAULT_SETTINGS,
): Runway {
  const months = monthsStarting(monthOf(asOf), settings.horizonMonths);
  const need = monthlyNeedCents(initiative.budgets, months);
  const funding = monthlyFundingCents(initiative.commitments, months, scenario);
  const plan = new NeedPlan(initiative.budgets);
  const walk = walkBalance(initiative.reservesCents, need, funding);
  return {
    asOf,
    scenario,
    runwayMonths: walk.runwayMonths,
    fundedThrough: fundedThroughOf(months, walk.runwayMonths),
    horizonReached: walk.horizonReached,
    budgetThrough: plan.budgetThrough,
    months: months.map((month, i) => ({
      month,
      needCents: roundCents(need[i] ?? 0),
      fundingCents: roundCents(funding[i] ?? 0),
      balanceCents: walk.balances[i] ?? 0,
      needEstimated: plan.estimated(Number(month.slice(0, 4))),
    })),
  };
}
