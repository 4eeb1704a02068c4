// DESIGN.md, "Length": a commitment's length in months is the number of whole months from its
// `startDate` to the day after its `endDate`; "Short-term means ≤ 24 months".
import { addDays, wholeMonthsBetween } from './dates.js';
import { DEFAULT_SETTINGS, type DomainSettings } from './settings.js';
import type { IsoDate } from './types.js';

/** 2026-01-01..2027-12-31 is 24; 2026-01-15..2027-01-14 is 12; a part month does not count. */
export function lengthInMonths(startDate: IsoDate, endDate: IsoDate): number {
  return wholeMonthsBetween(startDate, addDays(endDate, 1));
}

/**
 * Short-term when the length just defined is at most 24 months. The length counts whole months,
 * so 2026-01-01..2028-01-01 (24 months and a day) is still short-term; 2026-01-01..2028-01-31
 * (25 whole months) is not.
 */
export function isShortTerm(
  startDate: IsoDate,
  endDate: IsoDate,
  settings: Pick<DomainSettings, 'shortTermMonths'> = DEFAULT_SETTINGS,
): boolean {
  return lengthInMonths(startDate, endDate) <= settings.shortTermMonths;
}
