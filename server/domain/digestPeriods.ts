// The periods of the e-mail digest (design/notifications.md, "E-mail digest"): a run of the digest
// schedule at `runAt` gives daily users the period of its local date in the digest's time zone,
// and weekly users — only when that date is a Monday — the period of its ISO week.
import { fromEpochDay, toEpochDay } from './dates.js';
import type { IsoDate } from './types.js';

export interface DigestPeriods {
  /** The run's calendar date in the time zone. */
  localDate: IsoDate;
  /** `daily:2026-12-01`. */
  daily: string;
  /** `weekly:2026-W49` on a Monday, else null. */
  weekly: string | null;
}

/** The calendar date of an instant in a time zone (`Europe/Amsterdam`). */
const formats = new Map<string, Intl.DateTimeFormat>();

export function localDateIn(instant: Date, timeZone: string): IsoDate {
  let format = formats.get(timeZone);
  if (!format) {
    // en-CA writes dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(timeZone, format);
  }
  return format.format(instant) as IsoDate;
}

/** 1 for Monday through 7 for Sunday (ISO 8601). */
export function isoWeekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return ((((toEpochDay(date) + 3) % 7) + 7) % 7) + 1;
}

/** The ISO 8601 week of a date, `2026-W49`: weeks start on Monday, week 1 holds the year's first Thursday. */
export function isoWeek(date: IsoDate): string {
  const thursday = fromEpochDay(toEpochDay(date) + 4 - isoWeekday(date));
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((toEpochDay(thursday) - toEpochDay(`${year}-01-01` as IsoDate)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function digestPeriods(runAt: Date, timeZone: string): DigestPeriods {
  const localDate = localDateIn(runAt, timeZone);
  return { localDate, daily: `daily:${localDate}`, weekly: isoWeekday(localDate) === 1 ? `weekly:${isoWeek(localDate)}` : null };
}
