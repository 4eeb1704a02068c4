// design/reporting.md, "Model": the reporting obligations a new commitment is created with, and
// when an obligation is overdue.
//
// Due dates: an obligation is due `reportDueMonths` after the end of the period it reports on.
// When that period ends on the last day of a month, it is due on the last day of the month that
// many months later (31 December + 3 = 31 March; 30 April + 3 = 31 July; 30 November + 3 =
// 28 or 29 February); otherwise on the same day of that month, or that month's last day when it
// is shorter (14 March + 3 = 14 June; 29 November + 3 = 28 February, or 29 in a leap year).
import { addDays, addMonths, daysInMonth, lastDayOfMonth, monthOf, parseIsoDate, toEpochDay } from './dates.js';
import { OWED_OBLIGATION_STATUSES, type ObligationKind, type ObligationStatus, type ReportingSchedule } from './enums.js';
import { periods } from './schedule.js';
import type { IsoDate } from './types.js';

/** The default of `reportDueMonths`. */
export const DEFAULT_REPORT_DUE_MONTHS = 3;

export interface GeneratedObligation {
  kind: ObligationKind;
  title: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  dueOn: IsoDate;
}

export interface ScheduledCommitment {
  startDate: IsoDate;
  endDate: IsoDate;
  /** The commitment's tranche periods, for `per_tranche`. */
  tranches: readonly { periodStart: IsoDate; periodEnd: IsoDate }[];
}

const isMonthEnd = (date: IsoDate): boolean => {
  const { year, month, day } = parseIsoDate(date);
  return day === daysInMonth(year, month);
};

/** The day an obligation over a period ending on `periodEnd` is due (the rule above). */
export function dueAfter(periodEnd: IsoDate, months: number): IsoDate {
  const shifted = addMonths(periodEnd, months);
  return isMonthEnd(periodEnd) ? lastDayOfMonth(monthOf(shifted)) : shifted;
}

// Generated titles are Dutch, the language of the funders and initiatives that read them.
const TITLES: Record<'activity_report' | 'financial_report', string> = {
  activity_report: 'Inhoudelijk verslag',
  financial_report: 'Financieel verslag',
};

/**
 * The obligations of a commitment on a schedule: `final` an activity and a financial report over
 * the whole period; `yearly` both for each commitment year counted from `startDate` (the last cut
 * at `endDate`); `per_tranche` an activity report per tranche period, in period order; `none` nothing.
 */
export function generateObligations(commitment: ScheduledCommitment, schedule: ReportingSchedule, reportDueMonths = DEFAULT_REPORT_DUE_MONTHS): GeneratedObligation[] {
  if (commitment.endDate < commitment.startDate) throw new RangeError(`endDate ${commitment.endDate} is before startDate ${commitment.startDate}`);
  if (!Number.isInteger(reportDueMonths) || reportDueMonths < 0) throw new RangeError(`reportDueMonths must be a whole number from 0: ${reportDueMonths}`);
  const make = (kind: 'activity_report' | 'financial_report', title: string, periodStart: IsoDate, periodEnd: IsoDate): GeneratedObligation => ({
    kind,
    title,
    periodStart,
    periodEnd,
    dueOn: dueAfter(periodEnd, reportDueMonths),
  });
  switch (schedule) {
    case 'none':
      return [];
    case 'final':
      return (['activity_report', 'financial_report'] as const).map((kind) => make(kind, `${TITLES[kind]} (eind)`, commitment.startDate, commitment.endDate));
    case 'yearly':
      return periods(commitment.startDate, commitment.endDate, 12).flatMap((p, i) =>
        (['activity_report', 'financial_report'] as const).map((kind) => make(kind, `${TITLES[kind]} jaar ${i + 1}`, p.start, p.end)),
      );
    case 'per_tranche':
      return [...commitment.tranches]
        .sort((a, b) => (a.periodStart < b.periodStart ? -1 : a.periodStart > b.periodStart ? 1 : 0))
        .map((t, i) => make('activity_report', `${TITLES.activity_report} tranche ${i + 1}`, t.periodStart, t.periodEnd));
  }
}

export interface Lateness {
  overdue: boolean;
  /** Whole days since the due date while overdue; 0 otherwise. */
  daysOverdue: number;
}

/** Overdue: still owed (open or rejected) and due before `today`. Mirrored in SQL by resources/obligations.ts. */
export function lateness(status: ObligationStatus, dueOn: IsoDate, today: IsoDate): Lateness {
  const overdue = OWED_OBLIGATION_STATUSES.includes(status) && dueOn < today;
  return { overdue, daysOverdue: overdue ? toEpochDay(today) - toEpochDay(dueOn) : 0 };
}

/** How many days ahead an open obligation counts as due soon. */
export const DUE_SOON_DAYS = 14;

export type ObligationAlert = 'due_soon' | 'overdue';

/**
 * What to tell about an obligation at `asOf`: overdue while still owed past its due date; due soon
 * while open and due within DUE_SOON_DAYS (on the due date itself too); otherwise nothing.
 */
export function obligationAlert(status: ObligationStatus, dueOn: IsoDate, asOf: IsoDate, dueSoonDays = DUE_SOON_DAYS): ObligationAlert | null {
  if (lateness(status, dueOn, asOf).overdue) return 'overdue';
  if (status === 'open' && dueOn >= asOf && dueOn <= addDays(asOf, dueSoonDays)) return 'due_soon';
  return null;
}
