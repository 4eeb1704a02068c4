// The demo's reporting (design/reporting.md), placed relative to `today` with the domain's own
// schedule: every committed or completed subsidy reports yearly and every grant once at the end,
// due 3 months after each period. What was due more than six weeks ago was sent and accepted (one
// report per initiative and year answering all its funders at once); what fell due since is
// overdue; the rest is still open. Some initiatives also keep impact indicators.
import { addDays, wholeMonthsBetween, yearOf } from '../../server/domain/dates.js';
import type { CommitmentKind, CommitmentStatus, ObligationStatus } from '../../server/domain/enums.js';
import { generateObligations, type GeneratedObligation } from '../../server/domain/obligationSchedule.js';
import type { IsoDate } from '../../server/domain/types.js';

/** How long after its due date a demo obligation counts as sent and accepted. */
const SETTLED_DAYS = 42;

export interface DemoObligation extends GeneratedObligation {
  status: ObligationStatus;
  submittedOn: IsoDate | null;
  decidedOn: IsoDate | null;
}

/** The obligations of a demo commitment as they stand on `today`. */
export function demoObligations(
  commitment: { kind: CommitmentKind; status: CommitmentStatus; startDate: IsoDate; endDate: IsoDate },
  today: IsoDate,
): DemoObligation[] {
  if (commitment.status !== 'committed' && commitment.status !== 'completed') return [];
  const schedule = commitment.kind === 'subsidy' ? 'yearly' : commitment.kind === 'grant' ? 'final' : 'none';
  const generated = generateObligations({ ...commitment, tranches: [] }, schedule);
  // A grant of three years or more in its last half year asks an interim outcome report (the funder
  // weighs a follow-up on it), which fell due two weeks ago and has not been sent: the overdue
  // obligations the dashboards show.
  const lastHalfYear = commitment.endDate > today && commitment.endDate <= addDays(today, 183);
  if (commitment.kind === 'grant' && wholeMonthsBetween(commitment.startDate, addDays(commitment.endDate, 1)) >= 36 && lastHalfYear) {
    const interim = { kind: 'outcome_report' as const, title: 'Tussentijdse resultatenrapportage', periodStart: commitment.startDate, periodEnd: addDays(today, -60), dueOn: addDays(today, -14) };
    return [...settle(generated, today), { ...interim, status: 'open', submittedOn: null, decidedOn: null }];
  }
  return settle(generated, today);
}

function settle(generated: GeneratedObligation[], today: IsoDate): DemoObligation[] {
  return generated.map((o) =>
    o.dueOn < addDays(today, -SETTLED_DAYS)
      ? { ...o, status: 'accepted', submittedOn: addDays(o.dueOn, -7), decidedOn: addDays(o.dueOn, 14) }
      : { ...o, status: 'open', submittedOn: null, decidedOn: null },
  );
}

/** The title of the one report an initiative sent for the obligations due in a year. */
export const demoReportTitle = (dueOn: IsoDate) => `Jaarverslag ${yearOf(dueOn) - 1}`;

export interface DemoIndicator {
  name: string;
  unit: string;
  direction: 'higher_is_better' | 'lower_is_better';
  description: string;
  /** Values of the last years, oldest first, the last one for last year. */
  values: number[];
  /** The target of this year and next. */
  targets: [number, number];
}

/** Impact indicators of some demo initiatives, by initiative key. */
export const DEMO_INDICATORS: Record<string, DemoIndicator[]> = {
  'de-gedeelde-pan': [
    { name: 'Gedeelde maaltijden', unit: 'maaltijden', direction: 'higher_is_better', description: 'Porties die thuiskoks met buurtgenoten deelden.', values: [4_200, 5_650, 6_900], targets: [7_500, 8_000] },
    { name: 'Deelnemers die zich minder eenzaam voelen', unit: '%', direction: 'higher_is_better', description: 'Uit de jaarlijkse vragenlijst.', values: [48, 57, 63], targets: [65, 70] },
  ],
  'taalcafe-kanaleneiland': [{ name: 'Deelnemers taalcafé', unit: 'mensen', direction: 'higher_is_better', description: 'Verschillende deelnemers per jaar.', values: [85, 112, 131], targets: [140, 150] }],
};
