// DESIGN.md, "Explaining a gap": what a person needs to act on a gap, as codes and numbers (never
// sentences: the console writes the Dutch or English sentence). One shape per gap kind; the
// console, the API and the tests read these types.
import type { RiskReason } from './enums.js';
import type { IsoDate, IsoMonth } from './types.js';

/** A run of months whose committed funding falls short of the need by more than the tolerance. */
export interface ShortfallDetails {
  /** number of months in the run */
  months: number;
  firstMonth: IsoMonth;
  lastMonth: IsoMonth;
  /** Σ (need − funding) over the run, as `shortfallCents` */
  totalCents: number;
  /** the month with the largest shortfall, and that shortfall */
  largestMonth: IsoMonth;
  largestMonthCents: number;
  /** true when any month of the run needs a carried-forward (estimated) budget */
  needEstimated: boolean;
  /** the last year with a budget of its own; null without any budget */
  budgetThrough: number | null;
  /** until when the reserves and committed funding carry the initiative (the committed runway's `fundedThrough`) */
  fundedThrough: IsoDate | null;
  /** the committed runway's `runwayMonths` */
  runwayMonths: number;
  reservesCents: number;
  /** the tolerance a month's shortfall had to exceed */
  toleranceCents: number;
}

/** A month whose funding drops to at most `cliffPercent` of the previous month's. */
export interface CliffDetails {
  month: IsoMonth;
  previousFundingCents: number;
  fundingCents: number;
  /** previousFundingCents − fundingCents */
  dropCents: number;
  /** the drop as a share of the previous month's funding (0.25 = a quarter less) */
  dropShare: number;
  /** the commitments whose period ends in the previous month */
  endingCommitmentIds: number[];
  cliffPercent: number;
}

/** A committed commitment ending within `expiringWithinMonths` without a follow-up from its funder. */
export interface ExpiringDetails {
  commitmentId: number;
  funderId: number;
  startDate: IsoDate;
  endDate: IsoDate;
  amountCents: number;
  /** whole months from `asOf` to the end date's month */
  monthsLeft: number;
  expiringWithinMonths: number;
}

/** A funder that may fund an initiative at most `maxFundingYears` years. */
export interface FunderLimitDetails {
  funderId: number;
  maxFundingYears: number;
  /** the earliest start of its committed or completed commitments to the initiative */
  firstStartDate: IsoDate;
  /** first day the funder may no longer fund: firstStartDate + maxFundingYears */
  limitDate: IsoDate;
}

/** An initiative 4 or 5 years old whose next 12 months are thinly or briefly funded. */
export interface FiveYearRiskDetails {
  reasons: RiskReason[];
  ageYears: number;
  /** the 12-month window measured: its first and last month */
  windowFirstMonth: IsoMonth;
  windowLastMonth: IsoMonth;
  needCents: number;
  committedCents: number;
  shortTermCents: number;
  /** committedCents ÷ needCents, null without need */
  coverage: number | null;
  /** shortTermCents ÷ committedCents, null without funding */
  shortTermShare: number | null;
  /** the thresholds: coverage below this is a reason (0.75) ... */
  coverageThreshold: number;
  /** ... and a short-term share above this (0.5) */
  shortTermThreshold: number;
  /** true when any month of the window needs a carried-forward (estimated) budget */
  needEstimated: boolean;
}

export interface GapDetailsByKind {
  shortfall: ShortfallDetails;
  cliff: CliffDetails;
  expiring: ExpiringDetails;
  funder_limit: FunderLimitDetails;
  five_year_risk: FiveYearRiskDetails;
}

export type GapDetails = GapDetailsByKind[keyof GapDetailsByKind];
