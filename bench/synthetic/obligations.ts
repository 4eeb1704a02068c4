// The reporting obligations of a synthetic initiative's commitments, as the product makes them:
// each commitment gets a reporting schedule and a report term (`reportingSchedule`,
// `reportDueMonths`, as `POST /api/commitments` takes them) and its obligations come from the
// product's own `generateObligations` (server/domain/obligationSchedule.ts). Each funder has its
// own habit, drawn from a stream keyed on the seed and the funder: most gemeenten want a yearly
// activity and financial report, fondsen a final one (some yearly), companies mostly nothing.
// What became of an obligation by the as-of day follows its due date: most past ones submitted
// and accepted, a few rejected, waived or still open (overdue; more of the recent ones), future
// ones open. The draws come from a stream of their own (seed, 'obligations', index), so the rest
// of the portfolio is the same row for row as before obligations were generated.
import { addDays, toEpochDay } from '../../server/domain/dates.js';
import type { CommitmentKind, CommitmentStatus, FunderType, ObligationStatus, ReportingSchedule } from '../../server/domain/enums.js';
import { generateObligations, type GeneratedObligation } from '../../server/domain/obligationSchedule.js';
import type { IsoDate } from '../../server/domain/types.js';
import type { CreatedOf, obligations } from '../../server/contract/index.js';
import type { FunderCatalog, FunderRow } from './funders.js';
import { Random } from './random.js';

/**
 * An obligation in the contract's field names, with the fields the product sets by its actions
 * (a submitted report, the funder's accept, reject or waive) rather than by a write.
 */
export type ObligationRow = Omit<CreatedOf<typeof obligations>, 'commitmentId'> & {
  status: ObligationStatus;
  submittedOn: IsoDate | null;
  decidedOn: IsoDate | null;
};

/** The obligation fields the loader writes besides the writable ones (server/resources/ has no column for them). */
export const OBLIGATION_ACTION_FIELDS = ['status', 'submittedOn', 'decidedOn'] as const;

/** What the obligations are generated from: a commitment as the builder made it. */
export interface ReportedCommitment {
  funderId: number;
  kind: CommitmentKind;
  status: CommitmentStatus;
  startDate: IsoDate;
  endDate: IsoDate;
  tranches: readonly { periodStart: IsoDate; periodEnd: IsoDate; status: string }[];
}

export interface Reporting {
  reportingSchedule: ReportingSchedule;
  reportDueMonths: number;
  obligations: ObligationRow[];
}

type Weights<K extends string> = Readonly<Partial<Record<K, number>>>;

/** A funder type's reporting habits: the schedule and the report term in months. */
const HABITS: Record<FunderType, { schedule: Weights<ReportingSchedule>; dueMonths: Weights<string> }> = {
  municipality: { schedule: { yearly: 55, final: 30, per_tranche: 5, none: 10 }, dueMonths: { '3': 55, '6': 30, '2': 15 } },
  province: { schedule: { yearly: 50, final: 40, per_tranche: 10 }, dueMonths: { '3': 40, '6': 60 } },
  national: { schedule: { yearly: 50, final: 40, per_tranche: 10 }, dueMonths: { '3': 40, '6': 60 } },
  health_insurer: { schedule: { yearly: 40, final: 50, per_tranche: 10 }, dueMonths: { '3': 60, '6': 40 } },
  foundation: { schedule: { final: 60, yearly: 30, per_tranche: 5, none: 5 }, dueMonths: { '2': 25, '3': 50, '6': 25 } },
  company: { schedule: { none: 75, final: 25 }, dueMonths: { '1': 30, '3': 70 } },
  other: { schedule: { none: 50, final: 50 }, dueMonths: { '3': 100 } },
};

const weighted = <K extends string>(random: Random, weights: Weights<K>): K => random.weighted(weights as Record<K, number>);

interface Habit {
  type: FunderType;
  schedule: ReportingSchedule;
  dueMonths: number;
}

/** Each funder's usual schedule and term, the same for every initiative it funds. */
export class FunderHabits {
  private readonly habits = new Map<number, Habit>();
  private readonly funders: Map<number, FunderRow>;

  constructor(
    private readonly seed: string,
    catalog: FunderCatalog,
  ) {
    this.funders = new Map(catalog.all.map((f) => [f.id, f]));
  }

  of(funderId: number): Habit {
    let habit = this.habits.get(funderId);
    if (!habit) {
      const funder = this.funders.get(funderId);
      if (!funder) throw new RangeError(`no synthetic funder ${funderId}`);
      const random = new Random(this.seed, 'reporting', funderId);
      const h = HABITS[funder.type];
      habit = { type: funder.type, schedule: weighted(random, h.schedule), dueMonths: Number(weighted(random, h.dueMonths)) };
      this.habits.set(funderId, habit);
    }
    return habit;
  }
}

const cached = new WeakMap<FunderCatalog, FunderHabits>();

/** The habits of a catalog's funders (a catalog is the function of one seed). */
export function habitsOf(seed: string, catalog: FunderCatalog): FunderHabits {
  let habits = cached.get(catalog);
  if (!habits) cached.set(catalog, (habits = new FunderHabits(seed, catalog)));
  return habits;
}

const earlierOf = (a: IsoDate, b: IsoDate) => (a < b ? a : b);
const laterOf = (a: IsoDate, b: IsoDate) => (a > b ? a : b);

const row = (o: GeneratedObligation, status: ObligationStatus, submittedOn: IsoDate | null, decidedOn: IsoDate | null, note: string | null): ObligationRow => ({
  kind: o.kind,
  title: o.title,
  periodStart: o.periodStart,
  periodEnd: o.periodEnd,
  dueOn: o.dueOn,
  note,
  status,
  submittedOn,
  decidedOn,
});

/** The obligation as it stands at `asOf` (day number `asOfDay`): what became of it by then. */
function obligationAt(random: Random, o: GeneratedObligation, asOf: IsoDate, asOfDay: number): ObligationRow {
  if (o.periodEnd >= asOf) return row(o, 'open', null, null, null);
  if (o.dueOn > asOf) {
    // Not due yet: a few are in already.
    if (!random.chance(0.2)) return row(o, 'open', null, null, null);
    return row(o, 'submitted', addDays(o.periodEnd, random.int(1, asOfDay - toEpochDay(o.periodEnd))), null, null);
  }
  const daysPast = asOfDay - toEpochDay(o.dueOn);
  if (random.chance(0.03)) return row(o, 'waived', null, laterOf(addDays(o.dueOn, -random.int(0, 30)), addDays(o.periodEnd, 1)), WAIVED);
  // Still owed: many of the recently due, few of the old ones.
  if (random.chance(daysPast <= 90 ? 0.15 : daysPast <= 365 ? 0.04 : 0.01)) return row(o, 'open', null, null, null);
  const submittedOn = earlierOf(laterOf(addDays(o.dueOn, random.int(-45, 20)), addDays(o.periodEnd, 1)), asOf);
  const decidedOn = addDays(submittedOn, random.int(7, 60));
  if (decidedOn > asOf) return row(o, 'submitted', submittedOn, null, null);
  if (random.chance(0.03)) return row(o, 'rejected', submittedOn, decidedOn, REJECTED);
  return row(o, 'accepted', submittedOn, decidedOn, null);
}

const WAIVED = 'Vrijgesteld: de bijdrage is te klein voor een apart verslag.';
const REJECTED = 'Het financieel overzicht sluit niet aan op de begroting; graag aangevuld opnieuw indienen.';

/**
 * The schedule, term and obligations of each commitment of initiative `index`, in order. Money not
 * granted (declined, withdrawn, merely requested) asks for no reports; donations and support in
 * kind seldom do.
 */
export function reportingOf(seed: string, index: number, asOf: IsoDate, catalog: FunderCatalog, commitments: readonly ReportedCommitment[]): Reporting[] {
  const random = new Random(seed, 'obligations', index);
  const habits = habitsOf(seed, catalog);
  const asOfDay = toEpochDay(asOf);
  return commitments.map((c) => {
    const habit = habits.of(c.funderId);
    // One in ten commitments departs from the funder's habit (a special programme, a pilot).
    let schedule = random.chance(0.1) ? weighted(random, HABITS[habit.type].schedule) : habit.schedule;
    const dueMonths = habit.dueMonths;
    const tranches = c.tranches.filter((t) => t.status !== 'cancelled');
    if (c.status === 'declined' || c.status === 'withdrawn' || c.status === 'requested') schedule = 'none';
    else if ((c.kind === 'donation' || c.kind === 'in_kind') && random.chance(0.8)) schedule = 'none';
    // As `POST /api/commitments` refuses `per_tranche` without tranches, the funder asks a final report.
    else if (schedule === 'per_tranche' && !tranches.length) schedule = 'final';
    const generated = generateObligations({ startDate: c.startDate, endDate: c.endDate, tranches }, schedule, dueMonths);
    return {
      reportingSchedule: schedule,
      reportDueMonths: dueMonths,
      obligations: generated.map((o) => obligationAt(random, o, asOf, asOfDay)),
    };
  });
}
