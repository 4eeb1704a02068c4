// DESIGN.md, "Runway": the balance starts at the initiative's reserves and, month by month from
// the whole month that contains `asOf`, grows by funding and shrinks by need. The runway is the
// number of months before the first month that ends with a negative balance.
import { monthlyFundingCents, monthlyNeedCents, roundCents, type Scenario } from './allocation.js';
import { lastDayOfMonth, monthOf, monthsStarting } from './dates.js';
import { DEFAULT_SETTINGS, type DomainSettings } from './settings.js';
import type { InitiativeFunding, IsoDate, IsoMonth } from './types.js';

export interface RunwayMonth {
  month: IsoMonth;
  needCents: number;
  fundingCents: number;
  /** balance at the end of the month */
  balanceCents: number;
}

export interface Runway {
  asOf: IsoDate;
  scenario: Scenario;
  runwayMonths: number;
  /** last day of the last month before the balance turns negative; null when the first month does */
  fundedThrough: IsoDate | null;
  /** true when the balance stays non-negative for the whole horizon */
  horizonReached: boolean;
  /** every month of the horizon, also those after the balance turned negative */
  months: RunwayMonth[];
}

/**
 * The balance is carried unrounded and rounded per month for output; a month "ends negative" when
 * its balance rounded to whole cents is below zero, so the verdict agrees with the figure shown
 * (a float residue of −0.000001 cents is not a shortfall). Need and funding are rounded per month
 * independently, so a shown balance may differ by a cent from adding up the shown figures.
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

  let balance = initiative.reservesCents;
  let firstNegative = -1;
  const rows = months.map((month, i) => {
    const monthNeed = need[i] ?? 0;
    const monthFunding = funding[i] ?? 0;
    balance += monthFunding - monthNeed;
    const balanceCents = roundCents(balance);
    if (balanceCents < 0 && firstNegative < 0) firstNegative = i;
    return { month, needCents: roundCents(monthNeed), fundingCents: roundCents(monthFunding), balanceCents };
  });

  const horizonReached = firstNegative < 0;
  const runwayMonths = horizonReached ? months.length : firstNegative;
  const lastFunded = months[runwayMonths - 1];
  return {
    asOf,
    scenario,
    runwayMonths,
    fundedThrough: lastFunded === undefined ? null : lastDayOfMonth(lastFunded),
    horizonReached,
    months: rows,
  };
}
