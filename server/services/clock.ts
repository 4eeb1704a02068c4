import type { IsoDate } from '../domain/types.js';

/** Today's calendar date in the Netherlands, the default `asOf` of every figure. */
export function today(now: Date = new Date()): IsoDate {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
