// DESIGN.md, "Gaps": found over the horizon of 60 months starting with the month of `asOf`, with
// committed funding only (committed and completed commitments). One function per gap kind; each
// follows the bullet of the same name in DESIGN.md.
//
// Monthly need and funding are compared as the whole-cent figures the runway shows, so a month
// that a user sees fully funded is never a shortfall and a cliff is decided by exact integers.
import {
  monthlyFundingByCommitment,
  monthlyNeedCents,
  NeedPlan,
  roundCents,
  sumSeries,
  type CommitmentSeries,
} from './allocation.js';
import {
  addDays,
  addMonths,
  addMonthsToMonth,
  addYears,
  firstDayOfMonth,
  lastDayOfMonth,
  monthOf,
  monthsStarting,
  wholeMonthsBetween,
  yearOf,
} from './dates.js';
import { GAP_KINDS, type CommitmentStatus, type GapKind, type GapSeverity, type RiskReason } from './enums.js';
import type { CliffDetails, ExpiringDetails, FiveYearRiskDetails, FunderLimitDetails, GapDetails, ShortfallDetails } from './gapDetails.js';
import { isShortTerm } from './length.js';
import { fundedThroughOf, walkBalance } from './runway.js';
import { DEFAULT_SETTINGS, type DomainSettings } from './settings.js';
import type { LoadedCommitment, InitiativeFunding, IsoDate, IsoMonth } from './types.js';

export type { GapDetails } from './gapDetails.js';

/** What `findGaps` looks at of an initiative. */
export type GapInput = Pick<InitiativeFunding, 'foundedOn' | 'reservesCents' | 'budgets' | 'commitments' | 'funders'>;

export interface FoundGap {
  kind: GapKind;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  shortfallCents: number;
  severity: GapSeverity;
  details: GapDetails;
  /**
   * What the gap is about besides its initiative (the `gaps.subject_id` column): the commitment of
   * an `expiring` gap, the funder of a `funder_limit` gap, 0 for the other kinds.
   */
  subjectId: number;
  /** The commitment of an `expiring` gap, null for the other kinds. */
  commitmentId: number | null;
}

type SeveritySettings = Pick<DomainSettings, 'severityHighMonths' | 'severityMediumMonths'>;

/** The first days that are no longer `high`, and no longer `medium`. */
function severityLimits(asOf: IsoDate, settings: SeveritySettings): { high: IsoDate; medium: IsoDate } {
  return { high: addMonths(asOf, settings.severityHighMonths), medium: addMonths(asOf, settings.severityMediumMonths) };
}

function severityWithin(periodStart: IsoDate, limits: { high: IsoDate; medium: IsoDate }): GapSeverity {
  if (periodStart < limits.high) return 'high';
  return periodStart < limits.medium ? 'medium' : 'low';
}

/** `high` before `asOf` + 6 months, `medium` before `asOf` + 12 months, else `low`. */
export function severityOf(periodStart: IsoDate, asOf: IsoDate, settings: SeveritySettings = DEFAULT_SETTINGS): GapSeverity {
  return severityWithin(periodStart, severityLimits(asOf, settings));
}

/** Everything the rules look at, computed once per initiative. */
interface RuleInput {
  asOf: IsoDate;
  settings: DomainSettings;
  severityLimits: { high: IsoDate; medium: IsoDate };
  initiative: GapInput;
  plan: NeedPlan;
  committed: LoadedCommitment[];
  /** the horizon's months */
  months: IsoMonth[];
  horizonEnd: IsoDate;
  /** whole cents per month of the horizon */
  need: number[];
  funding: number[];
  /** whole cents of committed funding in the month before the horizon's first */
  fundingBefore: number;
  /**
   * unrounded cents per commitment, for the month before the horizon's first (position 0) and the
   * months of the horizon (and at least the risk window) from position 1 on
   */
  series: CommitmentSeries[];
  needUnrounded: number[];
  /** committed runway over the horizon: months carried by reserves and funding */
  runwayMonths: number;
  fundedThrough: IsoDate | null;
}

function prepare(initiative: RuleInput['initiative'], asOf: IsoDate, settings: DomainSettings): RuleInput {
  const first = monthOf(asOf);
  const count = Math.max(settings.horizonMonths, settings.riskWindowMonths);
  // One extra month in front: the month before the horizon's first, for `cliff`.
  const extended = monthsStarting(addMonthsToMonth(first, -1), count + 1);
  const series = monthlyFundingByCommitment(initiative.commitments, extended, 'committed');
  const totalUnrounded = sumSeries(series.map((s) => s.cents), extended.length);
  const total = totalUnrounded.map(roundCents);
  const needUnrounded = monthlyNeedCents(initiative.budgets, extended).slice(1);
  const months = extended.slice(1, settings.horizonMonths + 1);
  const walk = walkBalance(initiative.reservesCents, needUnrounded.slice(0, months.length), totalUnrounded.slice(1, months.length + 1));
  return {
    asOf,
    settings,
    severityLimits: severityLimits(asOf, settings),
    initiative,
    plan: new NeedPlan(initiative.budgets),
    committed: series.map((s) => s.commitment),
    months,
    horizonEnd: lastDayOfMonth(months[months.length - 1] ?? first),
    need: needUnrounded.slice(0, months.length).map(roundCents),
    funding: total.slice(1, months.length + 1),
    fundingBefore: total[0] ?? 0,
    series,
    needUnrounded,
    runwayMonths: walk.runwayMonths,
    fundedThrough: fundedThroughOf(months, walk.runwayMonths),
  };
}

function gap(scan: RuleInput, kind: GapKind, periodStart: IsoDate, periodEnd: IsoDate, details: GapDetails): FoundGap {
  return {
    kind,
    periodStart,
    periodEnd,
    shortfallCents: 0,
    severity: severityWithin(periodStart, scan.severityLimits),
    details,
    subjectId: 0,
    commitmentId: null,
  };
}

function byPeriod(a: FoundGap, b: FoundGap): number {
  if (a.periodStart !== b.periodStart) return a.periodStart < b.periodStart ? -1 : 1;
  return a.subjectId - b.subjectId;
}

/**
 * Each maximal run of months with need > 0 whose funding falls short of the need by more than the
 * tolerance; shortfallCents = Σ (need − funding) over the run.
 */
function shortfalls(scan: RuleInput): FoundGap[] {
  const found: FoundGap[] = [];
  const { months } = scan;
  let runStart = -1;
  let total = 0;
  let largest = -1;
  const closeRun = (lastIndex: number) => {
    const first = months[runStart];
    const last = months[lastIndex];
    if (first !== undefined && last !== undefined) {
      const details: ShortfallDetails = {
        months: lastIndex - runStart + 1,
        firstMonth: first,
        lastMonth: last,
        totalCents: total,
        largestMonth: months[largest] ?? first,
        largestMonthCents: (scan.need[largest] ?? 0) - (scan.funding[largest] ?? 0),
        needEstimated: months.slice(runStart, lastIndex + 1).some((m) => scan.plan.estimated(yearOfMonth(m))),
        budgetThrough: scan.plan.budgetThrough,
        fundedThrough: scan.fundedThrough,
        runwayMonths: scan.runwayMonths,
        reservesCents: scan.initiative.reservesCents,
        toleranceCents: scan.settings.shortfallToleranceCents,
      };
      found.push({ ...gap(scan, 'shortfall', firstDayOfMonth(first), lastDayOfMonth(last), details), shortfallCents: total });
    }
    runStart = -1;
    total = 0;
    largest = -1;
  };
  for (let i = 0; i < months.length; i++) {
    const need = scan.need[i] ?? 0;
    const missing = need - (scan.funding[i] ?? 0);
    if (need > 0 && missing > scan.settings.shortfallToleranceCents) {
      if (runStart < 0) runStart = i;
      total += missing;
      if (largest < 0 || missing > (scan.need[largest] ?? 0) - (scan.funding[largest] ?? 0)) largest = i;
    } else if (runStart >= 0) {
      closeRun(i - 1);
    }
  }
  if (runStart >= 0) closeRun(months.length - 1);
  return found;
}

function yearOfMonth(month: IsoMonth): number {
  return Number(month.slice(0, 4));
}

/** A month whose funding is at most 70% of the previous month's, while the previous month had funding. */
function cliffs(scan: RuleInput): FoundGap[] {
  const found: FoundGap[] = [];
  scan.months.forEach((month, i) => {
    const previous = i === 0 ? scan.fundingBefore : (scan.funding[i - 1] ?? 0);
    const funding = scan.funding[i] ?? 0;
    if (previous <= 0 || funding * 100 > scan.settings.cliffPercent * previous) return;
    const previousMonth = addMonthsToMonth(month, -1);
    const endingCommitmentIds = scan.committed
      .filter((c) => monthOf(c.endDate) === previousMonth)
      .map((c) => c.id)
      .sort((a, b) => a - b);
    const details: CliffDetails = {
      month,
      previousFundingCents: previous,
      fundingCents: funding,
      dropCents: previous - funding,
      dropShare: (previous - funding) / previous,
      endingCommitmentIds,
      cliffPercent: scan.settings.cliffPercent,
    };
    found.push(gap(scan, 'cliff', firstDayOfMonth(month), lastDayOfMonth(month), details));
  });
  return found;
}

/** Statuses of a commitment that counts as the funder's follow-up to an expiring one. */
const FOLLOW_UP_STATUSES: readonly CommitmentStatus[] = ['requested', 'conditional', 'committed'];

/**
 * A `committed` commitment ending within 6 months of `asOf` (asOf ≤ endDate < asOf + 6 months)
 * with no follow-up from the same funder starting after its end.
 */
function expiring(scan: RuleInput): FoundGap[] {
  const until = addMonths(scan.asOf, scan.settings.expiringWithinMonths);
  const all = scan.initiative.commitments;
  return all
    .filter((c) => c.status === 'committed' && scan.asOf <= c.endDate && c.endDate < until)
    .filter(
      (c) =>
        !all.some((o) => o.funderId === c.funderId && FOLLOW_UP_STATUSES.includes(o.status) && o.startDate > c.endDate),
    )
    .map((c) => {
      const details: ExpiringDetails = {
        commitmentId: c.id,
        funderId: c.funderId,
        startDate: c.startDate,
        endDate: c.endDate,
        amountCents: c.amountCents,
        monthsLeft: monthIndexOf(monthOf(c.endDate)) - monthIndexOf(monthOf(scan.asOf)),
        expiringWithinMonths: scan.settings.expiringWithinMonths,
      };
      return { ...gap(scan, 'expiring', c.startDate, c.endDate, details), subjectId: c.id, commitmentId: c.id };
    })
    .sort(byPeriod);
}

function monthIndexOf(month: IsoMonth): number {
  return yearOfMonth(month) * 12 + Number(month.slice(5, 7)) - 1;
}

/**
 * For a funder with `maxFundingYears`, the limit date is its earliest committed start plus that many
 * years. "Need after it" is read as need on a day from the limit date to the horizon's end (carried
 * forward budgets included): the limit date is the first day the funder may no longer fund.
 */
function funderLimits(scan: RuleInput): FoundGap[] {
  const firstStart = new Map<number, IsoDate>();
  for (const c of scan.committed) {
    const known = firstStart.get(c.funderId);
    if (known === undefined || c.startDate < known) firstStart.set(c.funderId, c.startDate);
  }
  const found: FoundGap[] = [];
  for (const [funderId, startDate] of firstStart) {
    const maxFundingYears = scan.initiative.funders.get(funderId)?.maxFundingYears ?? null;
    if (maxFundingYears === null) continue;
    const limitDate = addYears(startDate, maxFundingYears);
    if (limitDate < scan.asOf || limitDate >= scan.horizonEnd) continue;
    let needAfter = false;
    for (let year = yearOf(limitDate); year <= yearOf(scan.horizonEnd) && !needAfter; year++) needAfter = scan.plan.yearCents(year) > 0;
    if (!needAfter) continue;
    const details: FunderLimitDetails = { funderId, maxFundingYears, firstStartDate: startDate, limitDate };
    found.push({ ...gap(scan, 'funder_limit', limitDate, scan.horizonEnd, details), subjectId: funderId });
  }
  return found.sort(byPeriod);
}

/**
 * From the fourth birthday up to the day before the sixth, at risk when committed coverage of the
 * 12 months starting with the month of `asOf` is below 75% (no need in those months: not this
 * reason) or the short-term share of that funding is above 50% (no funding: not this reason).
 */
function fiveYearRisk(scan: RuleInput): FoundGap[] {
  const { foundedOn } = scan.initiative;
  const { settings } = scan;
  const periodStart = addYears(foundedOn, settings.riskFromAgeYears);
  const periodEnd = addDays(addYears(foundedOn, settings.riskUntilAgeYears), -1);
  if (scan.asOf < periodStart || scan.asOf > periodEnd) return [];

  const window = settings.riskWindowMonths;
  /** Σ of the `window` values from position `from` on, in order. */
  const sum = (values: readonly number[], from: number) => {
    let total = 0;
    for (let i = from; i < from + window && i < values.length; i++) total += values[i]!;
    return total;
  };
  const needCents = roundCents(sum(scan.needUnrounded, 0));
  let committed = 0;
  let shortTerm = 0;
  for (const { commitment, cents } of scan.series) {
    // position 0 is the month before the horizon's first
    const windowCents = sum(cents, 1);
    committed += windowCents;
    if (isShortTerm(commitment.startDate, commitment.endDate, settings)) shortTerm += windowCents;
  }
  const committedCents = roundCents(committed);
  const shortTermCents = roundCents(shortTerm);

  const reasons: RiskReason[] = [];
  if (needCents > 0 && committedCents * 100 < settings.riskCoveragePercent * needCents) reasons.push('low_coverage');
  if (committedCents > 0 && shortTermCents * 100 > settings.riskShortTermPercent * committedCents) {
    reasons.push('short_term_funding');
  }
  if (reasons.length === 0) return [];
  const windowFirstMonth = monthOf(scan.asOf);
  const windowLastMonth = addMonthsToMonth(windowFirstMonth, window - 1);
  const details: FiveYearRiskDetails = {
    reasons,
    ageYears: Math.floor(wholeMonthsBetween(foundedOn, scan.asOf) / 12),
    windowFirstMonth,
    windowLastMonth,
    needCents,
    committedCents,
    shortTermCents,
    coverage: needCents === 0 ? null : committedCents / needCents,
    shortTermShare: committedCents === 0 ? null : shortTermCents / committedCents,
    coverageThreshold: settings.riskCoveragePercent / 100,
    shortTermThreshold: settings.riskShortTermPercent / 100,
    needEstimated: scan.plan.estimated(yearOfMonth(windowFirstMonth)) || scan.plan.estimated(yearOfMonth(windowLastMonth)),
  };
  return [gap(scan, 'five_year_risk', periodStart, periodEnd, details)];
}

const RULES: Record<GapKind, (scan: RuleInput) => FoundGap[]> = {
  shortfall: shortfalls,
  cliff: cliffs,
  expiring,
  funder_limit: funderLimits,
  five_year_risk: fiveYearRisk,
};

/**
 * The first day the rules look at: the first day of the month before the month of `asOf` (a
 * cliff compares the horizon's first month with the one before). Nothing earlier changes a gap.
 */
export function firstDayLookedAt(asOf: IsoDate): IsoDate {
  return firstDayOfMonth(addMonthsToMonth(monthOf(asOf), -1));
}

/** All gaps of one initiative at `asOf`, grouped by kind in the order of GAP_KINDS, each kind by period. */
export function findGaps(
  initiative: GapInput,
  asOf: IsoDate,
  settings: DomainSettings = DEFAULT_SETTINGS,
): FoundGap[] {
  const scan = prepare(initiative, asOf, settings);
  return GAP_KINDS.flatMap((kind) => RULES[kind](scan));
}
