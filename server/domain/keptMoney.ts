// The money the scans keep per initiative (README "Kept figures"), computed from the funding a
// batch has loaded already: its committed money per calendar year, as the portfolio statistics
// aggregate it (server/data/portfolioStats.ts computes the same rows in SQL for a live answer),
// and its need, committed and pipeline funding month by month over the coming months, as
// `windowFunding` sums it. Each year's money follows commitmentYearCents (allocation.ts) and its concentration
// computeFragmentation (fragmentation.ts), held the way the SQL holds them so that kept and live
// rows aggregate alike: a slice's money in a year, amount × (its days in the year) ÷ (its days),
// is split into whole cents (exact integer division) and the rest, a fraction of a cent; sums
// are float8 (integers below 2^53 add up exactly, the fractions with an error far below a cent).
import { countsIn, fundingSlices, NeedPlan } from './allocation.js';
import { daysInMonth, daysInYear, epochDayOf, parseIsoDate, toEpochDay } from './dates.js';
import type { FunderType } from './enums.js';
import { isShortTerm } from './length.js';
import type { DomainSettings } from './settings.js';
import type { InitiativeFunding, IsoDate } from './types.js';

/** The funder types a coalition tells apart; every other type is "other". */
export const FUNDER_TYPE_GROUPS = ['municipality', 'foundation', 'company', 'other'] as const;
export type FunderTypeGroup = (typeof FUNDER_TYPE_GROUPS)[number];

export function typeGroupOf(type: FunderType): FunderTypeGroup {
  return (FUNDER_TYPE_GROUPS as readonly string[]).includes(type) ? (type as FunderTypeGroup) : 'other';
}

export interface Money {
  /** Σ whole cents of the slices' parts */
  wholeCents: number;
  /** Σ the fractions of a cent left over */
  partCents: number;
  /** Σ (whole + part) per funder */
  cents: number;
  /** the money of short-term commitments (length ≤ shortTermMonths) */
  shortCents: number;
}

export interface YearMoney extends Money {
  year: number;
  /** Σ (each funder's money)² ÷ (the year's money)²; null when the year has no money */
  hhi: number | null;
  /** the same per funder type group, in the order of FUNDER_TYPE_GROUPS (zeros where a group brings nothing) */
  byType: Money[];
}

const zero = (): Money => ({ wholeCents: 0, partCents: 0, cents: 0, shortCents: 0 });

/**
 * The years from `firstYear` through `lastYear` in which a slice of a committed or completed
 * commitment of the initiative falls (also when its amount is 0), each with its money.
 */
export function yearMoney(
  initiative: Pick<InitiativeFunding, 'commitments'>,
  firstYear: number,
  lastYear: number,
  settings: Pick<DomainSettings, 'shortTermMonths'>,
): YearMoney[] {
  const windowStart = epochDayOf(firstYear, 1, 1);
  const windowEnd = epochDayOf(lastYear, 12, 31);
  // per year: per funder its money, and the funder's type group
  const years = new Map<number, Map<number, { money: Money; group: number }>>();
  for (const c of initiative.commitments) {
    if (!countsIn(c.status, 'committed')) continue;
    if (toEpochDay(c.endDate) < windowStart || toEpochDay(c.startDate) > windowEnd) continue;
    const short = isShortTerm(c.startDate, c.endDate, settings);
    const group = FUNDER_TYPE_GROUPS.indexOf(typeGroupOf(c.funderType));
    for (const slice of fundingSlices(c)) {
      const start = toEpochDay(slice.periodStart);
      const end = toEpochDay(slice.periodEnd);
      const days = end - start + 1;
      const from = Math.max(firstYear, yearOfEpochDay(start));
      const to = Math.min(lastYear, yearOfEpochDay(end));
      for (let year = from; year <= to; year++) {
        const overlap = Math.min(end, epochDayOf(year, 12, 31)) - Math.max(start, epochDayOf(year, 1, 1)) + 1;
        const numerator = slice.amountCents * overlap;
        const rest = numerator % days;
        let funders = years.get(year);
        if (!funders) years.set(year, (funders = new Map()));
        let funder = funders.get(c.funderId);
        if (!funder) funders.set(c.funderId, (funder = { money: zero(), group }));
        funder.money.wholeCents += (numerator - rest) / days;
        funder.money.partCents += rest / days;
        if (short) funder.money.shortCents += numerator / days;
      }
    }
  }
  const rows: YearMoney[] = [];
  for (const year of [...years.keys()].sort((a, b) => a - b)) {
    const row: YearMoney = { year, ...zero(), hhi: null, byType: FUNDER_TYPE_GROUPS.map(zero) };
    let squares = 0;
    for (const { money, group } of years.get(year)!.values()) {
      const cents = money.wholeCents + money.partCents;
      addMoney(row, money, cents);
      addMoney(row.byType[group]!, money, cents);
      squares += cents ** 2;
    }
    row.hhi = row.cents > 0 ? squares / row.cents ** 2 : null;
    rows.push(row);
  }
  return rows;
}

/** Adds a funder's money (`cents` being its whole + part) into `into`. */
function addMoney(into: Money, money: Money, cents: number): void {
  into.wholeCents += money.wholeCents;
  into.partCents += money.partCents;
  into.cents += cents;
  into.shortCents += money.shortCents;
}

/** Money over the first 1, 2, ..., n months of a window: element n − 1 holds the sum over n months. */
export interface RunningMoney {
  /** Σ whole cents */
  whole: number[];
  /** Σ the fractions of a cent left over */
  part: number[];
}

export interface WindowMoney {
  need: RunningMoney;
  committed: RunningMoney;
  pipeline: RunningMoney;
}

/**
 * Need (NeedPlan: a year's budget or the latest earlier one carried forward, spread over the days
 * of its year), committed and pipeline funding (each slice spread over the days of its period,
 * monthlyFundingCents) in each of `months` months from `firstDay` (the first day of a month), as
 * running totals. Each term, amount × (days in the month) ÷ (days of its period), is split into
 * whole cents and the rest as in yearMoney; summed over initiatives and rounded once, the n-th
 * element is `windowFunding` of an n-month window.
 */
export function windowMoney(initiative: Pick<InitiativeFunding, 'budgets' | 'commitments'>, firstDay: IsoDate, months: number): WindowMoney {
  const { year: firstYear, month: firstMonth } = parseIsoDate(firstDay);
  // each month's year, first and last epoch day (indexed loops: a scan runs this for every initiative)
  const years = new Int32Array(months);
  const firsts = new Float64Array(months);
  const lasts = new Float64Array(months);
  for (let n = 0; n < months; n++) {
    const year = firstYear + Math.floor((firstMonth - 1 + n) / 12);
    const month = ((firstMonth - 1 + n) % 12) + 1;
    years[n] = year;
    firsts[n] = epochDayOf(year, month, 1);
    lasts[n] = epochDayOf(year, month, daysInMonth(year, month));
  }
  const windowStart = months ? firsts[0]! : 0;
  const windowEnd = months ? lasts[months - 1]! : -1;
  const zeros = () => ({ whole: new Array<number>(months).fill(0), part: new Array<number>(months).fill(0) });
  const money: WindowMoney = { need: zeros(), committed: zeros(), pipeline: zeros() };
  const add = (into: RunningMoney, n: number, amountCents: number, days: number, periodDays: number) => {
    const numerator = amountCents * days;
    const rest = numerator % periodDays;
    into.whole[n]! += (numerator - rest) / periodDays;
    into.part[n]! += rest / periodDays;
  };
  const plan = new NeedPlan(initiative.budgets);
  for (let n = 0; n < months; n++) add(money.need, n, plan.yearCents(years[n]!), lasts[n]! - firsts[n]! + 1, daysInYear(years[n]!));
  for (const c of initiative.commitments) {
    if (!countsIn(c.status, 'pipeline')) continue;
    if (toEpochDay(c.endDate) < windowStart || toEpochDay(c.startDate) > windowEnd) continue;
    const committed = countsIn(c.status, 'committed');
    for (const slice of fundingSlices(c)) {
      const start = toEpochDay(slice.periodStart);
      const end = toEpochDay(slice.periodEnd);
      if (end < windowStart || start > windowEnd) continue;
      for (let n = 0; n < months; n++) {
        const overlap = Math.min(end, lasts[n]!) - Math.max(start, firsts[n]!) + 1;
        if (overlap <= 0) continue;
        add(money.pipeline, n, slice.amountCents, overlap, end - start + 1);
        if (committed) add(money.committed, n, slice.amountCents, overlap, end - start + 1);
      }
    }
  }
  for (const running of [money.need, money.committed, money.pipeline]) {
    for (let n = 1; n < months; n++) {
      running.whole[n]! += running.whole[n - 1]!;
      running.part[n]! += running.part[n - 1]!;
    }
  }
  return money;
}

/** The calendar year of a day since 1970-01-01. */
function yearOfEpochDay(epochDay: number): number {
  // 365.2425 days a year on average: the estimate is off by at most one, which the check mends.
  const estimate = 1970 + Math.floor(epochDay / 365.2425);
  if (epochDayOf(estimate, 1, 1) > epochDay) return estimate - 1;
  if (epochDayOf(estimate + 1, 1, 1) <= epochDay) return estimate + 1;
  return estimate;
}
