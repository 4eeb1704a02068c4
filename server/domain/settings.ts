// The thresholds of DESIGN.md ("Thresholds ... are settings with these defaults"), in one object
// that every calculation takes, so a coalition can tune them without touching the rules.
// Percentages are whole numbers (70, not 0.7) so that comparisons on cents stay exact integer
// arithmetic: `funding × 100 ≤ 70 × previous` instead of a float product.

export interface DomainSettings {
  /** Months looked ahead by runway and gap scans, starting with the month of `asOf`. */
  horizonMonths: number;
  /** `expiring`: a commitment ending within this many months of `asOf`. */
  expiringWithinMonths: number;
  /** `cliff`: a month's funding at most this percentage of the previous month's. */
  cliffPercent: number;
  /** `five_year_risk`: committed coverage below this percentage. */
  riskCoveragePercent: number;
  /** `five_year_risk`: short-term share of funding above this percentage. */
  riskShortTermPercent: number;
  /** `five_year_risk`: age in whole years from which an initiative is at risk ... */
  riskFromAgeYears: number;
  /** ... up to the day before this birthday. */
  riskUntilAgeYears: number;
  /** `five_year_risk`: months, starting with the month of `asOf`, over which coverage and short-term share are measured. */
  riskWindowMonths: number;
  /** Short-term: a commitment whose period fits within this many months. */
  shortTermMonths: number;
  /** `shortfall`: a month counts only when funding falls short of need by more than this many cents. */
  shortfallToleranceCents: number;
  /** Severity `high` when a gap starts before `asOf` + this many months ... */
  severityHighMonths: number;
  /** ... `medium` before `asOf` + this many months, else `low`. */
  severityMediumMonths: number;
}

export const DEFAULT_SETTINGS: Readonly<DomainSettings> = Object.freeze({
  horizonMonths: 60,
  expiringWithinMonths: 6,
  cliffPercent: 70,
  riskCoveragePercent: 75,
  riskShortTermPercent: 50,
  riskFromAgeYears: 4,
  riskUntilAgeYears: 6,
  riskWindowMonths: 12,
  shortTermMonths: 24,
  shortfallToleranceCents: 1_000,
  severityHighMonths: 6,
  severityMediumMonths: 12,
});

/** The defaults with some thresholds replaced; `undefined` values keep the default. */
export function withDefaults(overrides: Partial<DomainSettings> = {}): DomainSettings {
  const settings: DomainSettings = { ...DEFAULT_SETTINGS };
  for (const [key, value] of Object.entries(overrides) as [keyof DomainSettings, number | undefined][]) {
    if (value !== undefined) settings[key] = value;
  }
  return settings;
}
