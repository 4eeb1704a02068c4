// DESIGN.md, "Funding timing", "Need" and "Monthly figures": money is spread evenly over the days
// of a period, and a month (or year) receives the sum over its days. Rather than walking day by
// day, each period gives amount × (days it shares with the month) ÷ (days in the period): the
// same sum, in one step per month. Figures stay unrounded floats here; `roundCents` is applied
// only where a figure is shown.
import { COMMITTED_STATUSES, PIPELINE_STATUSES, type CommitmentStatus } from './enums.js';
import { daysInMonth, daysInYear, epochDayOf, monthIndex, parseIsoDate, toEpochDay } from './dates.js';
import type { LoadedBudget, LoadedCommitment, IsoDate, IsoMonth } from './types.js';

/** Which commitments count: `committed` (committed, completed) or `pipeline` (also requested, conditional). */
export type Scenario = 'committed' | 'pipeline';

export function countsIn(status: CommitmentStatus, scenario: Scenario): boolean {
  return (scenario === 'committed' ? COMMITTED_STATUSES : PIPELINE_STATUSES).includes(status);
}

/** An amount spread evenly over the days of a period. */
export interface FundingSlice {
  periodStart: IsoDate;
  periodEnd: IsoDate;
  amountCents: number;
}

/**
 * The periods that carry a commitment's money: its non-cancelled tranches, or, when it has no
 * tranches at all, its own period with its whole amount. A commitment whose tranches are all
 * cancelled still has tranches, so it carries nothing; likewise the unscheduled part of a
 * commitment with tranches (amount − non-cancelled tranches) is not placed in time.
 */
export function fundingSlices(commitment: LoadedCommitment): FundingSlice[] {
  if (commitment.tranches.length === 0) {
    return [{ periodStart: commitment.startDate, periodEnd: commitment.endDate, amountCents: commitment.amountCents }];
  }
  return commitment.tranches.filter((t) => t.status !== 'cancelled');
}

/** The months of a series, with their first and last epoch day and a lookup by month index. */
interface MonthAxis {
  length: number;
  firstIndex: number;
  lastIndex: number;
  /** position in the series of month index `firstIndex + i`, or −1 when the series skips it */
  positions: Int32Array;
  years: Int32Array;
  startDays: Float64Array;
  endDays: Float64Array;
}

// Parsing month keys is the expensive part when a scan runs this for each of 100,000 initiatives,
// so an axis is built once per call, and kept for a frozen list (as `monthsStarting` gives), which
// cannot change under it.
const frozenAxes = new WeakMap<readonly IsoMonth[], MonthAxis>();

function monthAxis(months: readonly IsoMonth[]): MonthAxis {
  const known = frozenAxes.get(months);
  if (known !== undefined) return known;
  const axis = buildAxis(months);
  if (Object.isFrozen(months)) frozenAxes.set(months, axis);
  return axis;
}

function buildAxis(months: readonly IsoMonth[]): MonthAxis {
  const indexes = months.map(monthIndex);
  let firstIndex = indexes[0] ?? 0;
  let lastIndex = firstIndex;
  for (const index of indexes) {
    if (index < firstIndex) firstIndex = index;
    if (index > lastIndex) lastIndex = index;
  }
  const positions = new Int32Array(months.length === 0 ? 0 : lastIndex - firstIndex + 1).fill(-1);
  const years = new Int32Array(months.length);
  const startDays = new Float64Array(months.length);
  const endDays = new Float64Array(months.length);
  indexes.forEach((index, position) => {
    positions[index - firstIndex] = position;
    const year = Math.floor(index / 12);
    const month = index - year * 12 + 1;
    years[position] = year;
    startDays[position] = epochDayOf(year, month, 1);
    endDays[position] = epochDayOf(year, month, daysInMonth(year, month));
  });
  return { length: months.length, firstIndex, lastIndex, positions, years, startDays, endDays };
}

/**
 * Adds the slice's share of each month of the axis into `into`; answers `into`, made (all zeros)
 * when it is null and the slice touches a month of the axis, so a commitment that falls wholly
 * outside the months costs no array.
 */
function addSlice(into: number[] | null, slice: FundingSlice, axis: MonthAxis): number[] | null {
  // parsed once: the parts give both the epoch days and the months the slice touches
  const first = parseIsoDate(slice.periodStart);
  const last = parseIsoDate(slice.periodEnd);
  const from = Math.max(first.year * 12 + first.month - 1, axis.firstIndex);
  const to = Math.min(last.year * 12 + last.month - 1, axis.lastIndex);
  if (from > to) return into;
  const start = epochDayOf(first.year, first.month, first.day);
  const end = epochDayOf(last.year, last.month, last.day);
  const days = end - start + 1;
  const result = into ?? new Array<number>(axis.length).fill(0);
  for (let index = from; index <= to; index++) {
    const position = axis.positions[index - axis.firstIndex] ?? -1;
    if (position < 0) continue;
    const overlap = Math.min(end, axis.endDays[position] ?? end) - Math.max(start, axis.startDays[position] ?? start) + 1;
    result[position] = (result[position] ?? 0) + (slice.amountCents * overlap) / days;
  }
  return result;
}

/** The slices spread over the months of the axis; null when none touches them. */
function spreadOrNull(slices: readonly FundingSlice[], axis: MonthAxis): number[] | null {
  let result: number[] | null = null;
  for (const slice of slices) result = addSlice(result, slice, axis);
  return result;
}

function spreadOnAxis(slices: readonly FundingSlice[], axis: MonthAxis): number[] {
  return spreadOrNull(slices, axis) ?? new Array<number>(axis.length).fill(0);
}

/** The same, or one shared frozen array of zeros when no slice touches the months: read it, never write it. */
function sharedSpreadOnAxis(slices: readonly FundingSlice[], axis: MonthAxis): readonly number[] {
  return spreadOrNull(slices, axis) ?? zerosOf(axis);
}

const zeros = new Map<number, readonly number[]>();

function zerosOf(axis: MonthAxis): readonly number[] {
  let known = zeros.get(axis.length);
  if (known === undefined) zeros.set(axis.length, (known = Object.freeze(new Array<number>(axis.length).fill(0))));
  return known;
}

/** Each month's share of the slices (unrounded cents), position for position with `months`. */
export function spreadOverMonths(slices: readonly FundingSlice[], months: readonly IsoMonth[]): number[] {
  return spreadOnAxis(slices, monthAxis(months));
}

/** A commitment's funding in each of `months` (unrounded cents), whatever its status. */
export function commitmentMonthlyCents(commitment: LoadedCommitment, months: readonly IsoMonth[]): number[] {
  return spreadOverMonths(fundingSlices(commitment), months);
}

export interface CommitmentSeries {
  commitment: LoadedCommitment;
  /** unrounded cents per month, position for position with the months asked for (shared zeros when it has none: read only) */
  cents: readonly number[];
}

/** Monthly funding of each commitment that counts in `scenario`, so callers can group as they like. */
export function monthlyFundingByCommitment(
  commitments: readonly LoadedCommitment[],
  months: readonly IsoMonth[],
  scenario: Scenario,
): CommitmentSeries[] {
  const axis = monthAxis(months);
  return commitments
    .filter((c) => countsIn(c.status, scenario))
    .map((commitment) => ({ commitment, cents: sharedSpreadOnAxis(fundingSlices(commitment), axis) }));
}

/** Adds series position by position into one of `length` months. */
export function sumSeries(series: readonly (readonly number[])[], length: number): number[] {
  const total = new Array<number>(length).fill(0);
  for (const s of series) {
    for (let i = 0; i < length; i++) total[i] = (total[i] ?? 0) + (s[i] ?? 0);
  }
  return total;
}

/** Total monthly funding of the commitments that count in `scenario` (unrounded cents). */
export function monthlyFundingCents(
  commitments: readonly LoadedCommitment[],
  months: readonly IsoMonth[],
  scenario: Scenario,
): number[] {
  const slices = commitments.filter((c) => countsIn(c.status, scenario)).flatMap(fundingSlices);
  return spreadOverMonths(slices, months);
}

/**
 * DESIGN.md, "Need": each year's own budget, and for a year without one after the first budget
 * year, the latest earlier budget carried forward (estimated). Years before the first budget year
 * need nothing; an explicit budget of 0 is real and carried forward as 0.
 */
export class NeedPlan {
  private readonly byYear = new Map<number, number>();
  /** budget years, ascending */
  private readonly years: number[];

  constructor(budgets: readonly LoadedBudget[]) {
    for (const b of budgets) this.byYear.set(b.year, (this.byYear.get(b.year) ?? 0) + b.amountCents);
    this.years = [...this.byYear.keys()].sort((a, b) => a - b);
  }

  /** The last year with a budget of its own; null without any budget. */
  get budgetThrough(): number | null {
    return this.years[this.years.length - 1] ?? null;
  }

  /** The budget year whose amount `year` needs: its own, else the latest earlier one; null before the first. */
  private sourceYear(year: number): number | null {
    if (this.byYear.has(year)) return year;
    let source: number | null = null;
    for (const y of this.years) {
      if (y > year) break;
      source = y;
    }
    return source;
  }

  /** The year's need in cents (its own budget or the carried-forward one). */
  yearCents(year: number): number {
    const source = this.sourceYear(year);
    return source === null ? 0 : (this.byYear.get(source) ?? 0);
  }

  /** True when the year's need is carried forward from an earlier budget year. */
  estimated(year: number): boolean {
    const source = this.sourceYear(year);
    return source !== null && source !== year;
  }
}

/** Need per month (unrounded cents): the year's need × days in the month ÷ days in the year. */
export function monthlyNeedCents(budgets: readonly LoadedBudget[], months: readonly IsoMonth[]): number[] {
  const plan = new NeedPlan(budgets);
  const axis = monthAxis(months);
  const need = new Array<number>(axis.length).fill(0);
  let year = Number.NaN;
  let amount = 0;
  for (let i = 0; i < axis.length; i++) {
    if (axis.years[i] !== year) {
      year = axis.years[i] ?? 0;
      amount = plan.yearCents(year);
    }
    if (amount !== 0) need[i] = (amount * ((axis.endDays[i] ?? 0) - (axis.startDays[i] ?? 0) + 1)) / daysInYear(year);
  }
  return need;
}

/** Whether each of `months` needs a carried-forward (estimated) budget. */
export function monthlyNeedEstimated(budgets: readonly LoadedBudget[], months: readonly IsoMonth[]): boolean[] {
  const plan = new NeedPlan(budgets);
  const axis = monthAxis(months);
  return Array.from({ length: axis.length }, (_, i) => plan.estimated(axis.years[i] ?? 0));
}

/** Need of a calendar year: its budget (or the carried-forward one), spread over exactly that year's days. */
export function yearNeedCents(budgets: readonly LoadedBudget[], year: number): number {
  return new NeedPlan(budgets).yearCents(year);
}

/** The part of a commitment's funding that falls on the days of calendar `year` (unrounded cents). */
export function commitmentYearCents(commitment: LoadedCommitment, year: number): number {
  const yearStart = epochDayOf(year, 1, 1);
  const yearEnd = epochDayOf(year, 12, 31);
  let cents = 0;
  for (const slice of fundingSlices(commitment)) {
    const start = toEpochDay(slice.periodStart);
    const end = toEpochDay(slice.periodEnd);
    const overlap = Math.min(end, yearEnd) - Math.max(start, yearStart) + 1;
    if (overlap > 0) cents += (slice.amountCents * overlap) / (end - start + 1);
  }
  return cents;
}

/** Whole cents for output: half a cent rounds away from zero, and −0 becomes 0. */
export function roundCents(cents: number): number {
  const rounded = Math.sign(cents) * Math.round(Math.abs(cents));
  return rounded === 0 ? 0 : rounded;
}
