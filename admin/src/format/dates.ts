// Dates travel as calendar dates "YYYY-MM-DD" and are shown as "31-12-2027" (date-fns, nl) or
// "31/12/2027" (en-GB). They are parsed as local calendar days, so no time zone ever shifts them.
import { addDays, differenceInYears, format, parseISO, subYears } from 'date-fns';
import { enGB } from 'date-fns/locale/en-GB';
import { nl } from 'date-fns/locale/nl';

export type IsoDate = string;

export function dateLocale(locale: string) {
  return locale === 'en' ? enGB : nl;
}

/** "31-12-2027"; an empty string for a missing or malformed date. */
export function formatDate(value: string | null | undefined, locale: string): string {
  if (!value) return '';
  const date = parseISO(value);
  return Number.isNaN(date.getTime()) ? value : format(date, 'P', { locale: dateLocale(locale) });
}

/** "31-12-2027 14:05" for a timestamp. */
export function formatDateTime(value: string | null | undefined, locale: string): string {
  if (!value) return '';
  const date = parseISO(value);
  return Number.isNaN(date.getTime()) ? value : format(date, 'P HH:mm', { locale: dateLocale(locale) });
}

/** "jan 2027" for a month "2027-01". */
export function formatMonth(month: string, locale: string): string {
  const date = parseISO(`${month}-01`);
  return Number.isNaN(date.getTime()) ? month : format(date, 'MMM yyyy', { locale: dateLocale(locale) });
}

/** Today as "YYYY-MM-DD" in the browser's calendar. */
export function todayIso(): IsoDate {
  return format(new Date(), 'yyyy-MM-dd');
}

export function yearsAgoIso(years: number, from: Date = new Date()): IsoDate {
  return format(subYears(from, years), 'yyyy-MM-dd');
}

/** Whole years from `foundedOn` to today. */
export function ageInYears(foundedOn: IsoDate, today: Date = new Date()): number {
  return differenceInYears(today, parseISO(foundedOn));
}

/** "januari 2027" (nl) or "January 2027" (en) for a month "2027-01"; without the year "januari". */
export function formatMonthLong(month: string, locale: string, withYear = true): string {
  const date = parseISO(`${month}-01`);
  return Number.isNaN(date.getTime()) ? month : format(date, withYear ? 'LLLL yyyy' : 'LLLL', { locale: dateLocale(locale) });
}

/** "januari t/m maart 2027", "december 2026 t/m februari 2027" or just "juli 2027": a run of months. */
export function formatMonthRange(first: string, last: string, locale: string, through: string): string {
  if (first === last) return formatMonthLong(first, locale);
  const sameYear = first.slice(0, 4) === last.slice(0, 4);
  return `${formatMonthLong(first, locale, !sameYear)} ${through} ${formatMonthLong(last, locale)}`;
}

/** The calendar day after `iso` ("2027-03-31" → "2027-04-01"). */
export function dayAfter(iso: IsoDate): IsoDate {
  return format(addDays(parseISO(iso), 1), 'yyyy-MM-dd');
}
