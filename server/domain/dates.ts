// Calendar arithmetic on `YYYY-MM-DD` strings (DESIGN.md, "Domain model": all dates are calendar
// dates, periods include both ends). Dates become epoch-day numbers (days since 1970-01-01) and
// back with Howard Hinnant's civil-calendar algorithms, so no JS Date and no time zone is involved.
// ISO dates of the same length compare correctly as strings, so `a < b` is a date comparison.
import type { IsoDate, IsoMonth } from './types.js';

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Days in `month` (1–12) of `year`: 29 in February of a leap year. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] ?? Number.NaN);
}

const DIGIT_0 = 48;

function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - DIGIT_0;
    if (d < 0 || d > 9) return Number.NaN;
    value = value * 10 + d;
  }
  return value;
}

// Hand-rolled rather than a regular expression: the portfolio scan parses millions of dates.
function tryParseDate(text: string): CalendarDate | null {
  if (typeof text !== 'string' || text.length !== 10 || text[4] !== '-' || text[7] !== '-') return null;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  if (!(year >= 1) || !(month >= 1 && month <= 12) || !(day >= 1 && day <= daysInMonth(year, month))) return null;
  return { year, month, day };
}

export function isIsoDate(text: string): boolean {
  return tryParseDate(text) !== null;
}

/** Splits a `YYYY-MM-DD` date; throws a RangeError for anything that is not a real date (2027-02-30). */
export function parseIsoDate(text: IsoDate): CalendarDate {
  const parsed = tryParseDate(text);
  if (parsed === null) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${String(text)}`);
  return parsed;
}

function tryParseMonth(text: string): { year: number; month: number } | null {
  if (typeof text !== 'string' || text.length !== 7 || text[4] !== '-') return null;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  if (!(year >= 1) || !(month >= 1 && month <= 12)) return null;
  return { year, month };
}

export function isIsoMonth(text: string): boolean {
  return tryParseMonth(text) !== null;
}

/** Splits a `YYYY-MM` month; throws a RangeError for anything else. */
export function parseIsoMonth(text: IsoMonth): { year: number; month: number } {
  const parsed = tryParseMonth(text);
  if (parsed === null) throw new RangeError(`Not a calendar month (YYYY-MM): ${String(text)}`);
  return parsed;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function formatIsoMonth(year: number, month: number): IsoMonth {
  return `${pad(year, 4)}-${pad(month, 2)}`;
}

/** Days since 1970-01-01 of a date given by its parts (which must form a real date). */
export function epochDayOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const shiftedMonth = (month + 9) % 12; // March = 0, so the leap day ends the shifted year
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

// A scan turns the same few thousand dates into days millions of times: remembered, up to a bound.
const epochDays = new Map<string, number>();
const EPOCH_DAYS_KEPT = 20_000;

/** Days since 1970-01-01 (which is day 0). */
export function toEpochDay(date: IsoDate): number {
  const known = epochDays.get(date);
  if (known !== undefined) return known;
  const { year, month, day } = parseIsoDate(date);
  const epochDay = epochDayOf(year, month, day);
  if (epochDays.size >= EPOCH_DAYS_KEPT) epochDays.clear();
  epochDays.set(date, epochDay);
  return epochDay;
}

export function fromEpochDay(epochDay: number): IsoDate {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return formatIsoDate(year, month, day);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/**
 * Adds calendar months; a day that does not exist in the target month becomes that month's last
 * day (2026-01-31 + 1 month = 2026-02-28), as in date-fns and PostgreSQL's `+ interval`.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parseIsoDate(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return formatIsoDate(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/**
 * Adds calendar years. 29 February becomes 28 February in a year without one, so someone founded
 * on 2020-02-29 turns four on 2024-02-29 and five on 2025-02-28.
 */
export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/**
 * Whole months from `from` to `to` (`to` not before `from`): the largest n with
 * `addMonths(from, n) <= to`. 2026-01-15 to 2027-01-15 is 12; 2026-01-31 to 2026-02-28 is 1.
 */
export function wholeMonthsBetween(from: IsoDate, to: IsoDate): number {
  if (to < from) throw new RangeError(`${to} is before ${from}`);
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  const months = (b.year - a.year) * 12 + (b.month - a.month);
  return addMonths(from, months) <= to ? months : months - 1;
}

/** The month `YYYY-MM` a date falls in. */
export function monthOf(date: IsoDate): IsoMonth {
  parseIsoDate(date);
  return date.slice(0, 7);
}

/** Months as consecutive integers (year × 12 + month − 1), so month arithmetic is addition. */
export function monthIndex(month: IsoMonth): number {
  const { year, month: m } = parseIsoMonth(month);
  return year * 12 + (m - 1);
}

export function monthFromIndex(index: number): IsoMonth {
  const year = Math.floor(index / 12);
  return formatIsoMonth(year, index - year * 12 + 1);
}

export function addMonthsToMonth(month: IsoMonth, months: number): IsoMonth {
  return monthFromIndex(monthIndex(month) + months);
}

// A portfolio scan asks for the same horizon for each of its initiatives, so the lists are made
// once, frozen and shared (which also lets allocation.ts reuse what it derives from them).
const monthLists = new Map<string, readonly IsoMonth[]>();

/** `count` consecutive months, the first being `first`; a frozen list. */
export function monthsStarting(first: IsoMonth, count: number): readonly IsoMonth[] {
  const key = `${first}/${count}`;
  let list = monthLists.get(key);
  if (list === undefined) {
    const start = monthIndex(first);
    list = Object.freeze(Array.from({ length: count }, (_, i) => monthFromIndex(start + i)));
    if (monthLists.size >= 256) monthLists.clear();
    monthLists.set(key, list);
  }
  return list;
}

export function firstDayOfMonth(month: IsoMonth): IsoDate {
  parseIsoMonth(month);
  return `${month}-01`;
}

export function lastDayOfMonth(month: IsoMonth): IsoDate {
  const { year, month: m } = parseIsoMonth(month);
  return formatIsoDate(year, m, daysInMonth(year, m));
}

export function yearOf(date: IsoDate): number {
  return parseIsoDate(date).year;
}
