// Dates of the demo relative to the day it is loaded, built with the domain's calendar arithmetic
// (server/domain/dates.ts), so the demo tells the same story whenever it is loaded.
import {
  addDays,
  addMonthsToMonth,
  daysInMonth,
  firstDayOfMonth,
  formatIsoDate,
  lastDayOfMonth,
  monthOf,
  yearOf,
} from '../../server/domain/dates.js';
import type { IsoDate, IsoMonth } from '../../server/domain/types.js';
import { noise } from './variety.js';

/** Dates relative to `today`: `on(-1, 3, 1)` is 1 March of last year, `monthEnd(2)` the last
 * day of the month two months after today's. */
export class Calendar {
  readonly today: IsoDate;
  readonly year: number;
  private readonly month: IsoMonth;

  constructor(today: IsoDate) {
    this.today = today;
    this.year = yearOf(today);
    this.month = monthOf(today);
  }

  /** A day that does not exist in the month (29 February) becomes the month's last day. */
  on(yearOffset: number, month: number, day: number): IsoDate {
    const year = this.year + yearOffset;
    return formatIsoDate(year, month, Math.min(day, daysInMonth(year, month)));
  }

  jan1(yearOffset: number): IsoDate {
    return this.on(yearOffset, 1, 1);
  }

  dec31(yearOffset: number): IsoDate {
    return this.on(yearOffset, 12, 31);
  }

  monthStart(offset: number): IsoDate {
    return firstDayOfMonth(addMonthsToMonth(this.month, offset));
  }

  monthEnd(offset: number): IsoDate {
    return lastDayOfMonth(addMonthsToMonth(this.month, offset));
  }

  /** A date that has certainly passed: `date` itself, or a few days before today if it has not. */
  past(date: IsoDate, salt: string): IsoDate {
    return date <= this.today ? date : addDays(this.today, -(3 + (noise(salt, 'past') % 25)));
  }
}

export function laterOf(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

export function earlierOf(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}
