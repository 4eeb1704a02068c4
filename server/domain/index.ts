// The funding calculations of DESIGN.md as pure functions over plain data (no I/O). The data layer
// loads `InitiativeFunding` records; the API and the jobs call these.
export * from './enums.js';
export type * from './types.js';
export { DEFAULT_SETTINGS, withDefaults, type DomainSettings } from './settings.js';
export {
  addDays,
  addMonths,
  addMonthsToMonth,
  addYears,
  daysInMonth,
  daysInYear,
  firstDayOfMonth,
  fromEpochDay,
  isIsoDate,
  isIsoMonth,
  isLeapYear,
  lastDayOfMonth,
  monthOf,
  monthsStarting,
  parseIsoDate,
  parseIsoMonth,
  toEpochDay,
  wholeMonthsBetween,
} from './dates.js';
export { isShortTerm, lengthInMonths } from './length.js';
export { generateTranches, type GeneratedTranche } from './schedule.js';
export {
  commitmentMonthlyCents,
  commitmentYearCents,
  countsIn,
  fundingSlices,
  monthlyFundingByCommitment,
  monthlyFundingCents,
  monthlyNeedCents,
  roundCents,
  spreadOverMonths,
  sumSeries,
  yearNeedCents,
  type CommitmentSeries,
  type FundingSlice,
  type Scenario,
} from './allocation.js';
export { computeRunway, type Runway, type RunwayMonth } from './runway.js';
export { computeCoverage, yearCoverage, type YearCoverage } from './coverage.js';
export { computeFragmentation, mean, median, summarize, type Fragmentation } from './fragmentation.js';
export { findGaps, severityOf, type FoundGap, type GapDetails } from './gaps.js';
export { matchGaps, type GapMatch, type OpenGap } from './gap-matching.js';
