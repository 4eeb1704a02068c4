// DESIGN.md, "Rules": a commitment created with `trancheSchedule` gets consecutive tranches of
// 12/3/1 months counted from `startDate`, the last one cut at `endDate` (`once`: one tranche over
// the whole period), whose amounts are as equal as possible and add up exactly to the amount,
// the earliest tranches taking the leftover cents.
import { addDays, addMonths } from './dates.js';
import type { TrancheSchedule } from './enums.js';
import type { IsoDate } from './types.js';

export interface GeneratedTranche {
  periodStart: IsoDate;
  periodEnd: IsoDate;
  amountCents: number;
}

const SCHEDULE_MONTHS: Record<TrancheSchedule, number | null> = {
  once: null,
  yearly: 12,
  quarterly: 3,
  monthly: 1,
};

/**
 * Each boundary is `startDate` + k × step months, counted from `startDate` itself rather than
 * from the previous boundary, so a short month does not pull every later boundary earlier:
 * monthly from 2026-01-31 the boundaries are 01-31, 02-28, 03-31, 04-30, ..., and the tranches
 * 01-31..02-27, 02-28..03-30, 03-31..04-29. Every tranche but a cut-short last one is then
 * exactly `step` months long by DESIGN.md's definition of length.
 */
export function periods(startDate: IsoDate, endDate: IsoDate, step: number | null): { start: IsoDate; end: IsoDate }[] {
  if (step === null) return [{ start: startDate, end: endDate }];
  const result: { start: IsoDate; end: IsoDate }[] = [];
  let start = startDate;
  for (let k = 1; start <= endDate; k++) {
    const next = addMonths(startDate, k * step);
    const end = addDays(next, -1);
    result.push({ start, end: end < endDate ? end : endDate });
    start = next;
  }
  return result;
}

export function generateTranches(
  startDate: IsoDate,
  endDate: IsoDate,
  amountCents: number,
  schedule: TrancheSchedule,
): GeneratedTranche[] {
  if (endDate < startDate) throw new RangeError(`endDate ${endDate} is before startDate ${startDate}`);
  if (!Number.isSafeInteger(amountCents) || amountCents < 0) {
    throw new RangeError(`amountCents must be a whole number of cents, not negative: ${amountCents}`);
  }
  const parts = periods(startDate, endDate, SCHEDULE_MONTHS[schedule]);
  const base = Math.floor(amountCents / parts.length);
  const leftover = amountCents - base * parts.length;
  return parts.map((p, i) => ({
    periodStart: p.start,
    periodEnd: p.end,
    amountCents: base + (i < leftover ? 1 : 0),
  }));
}
