// One synthetic initiative with its budgets, commitments and tranches, drawn from its own random
// stream. The shapes follow the demo portfolio (seeds/demo/portfolio.ts): one- and two-year
// subsidies of the own gemeente, renewed year after year with the next application pending;
// fondsbijdragen of one to five years; small company sponsorships and donations; a few multi-year
// grants from provinces, the state and health insurers; tranches quarterly, yearly, once or none;
// now and then a cancelled tranche. Amounts are a share of the budgeted need, so coverage, gaps
// and runway look like a real portfolio's. Every row satisfies the schema's CHECK rules: periods
// end on or after they start, tranches lie inside their commitment and the non-cancelled ones add
// up to at most its amount. Each commitment then gets its reporting schedule and obligations
// (obligations.ts), from a random stream of their own.
import { addDays, addMonths, daysInYear, formatIsoDate, toEpochDay, yearOf } from '../../server/domain/dates.js';
import type { CommitmentKind, CommitmentStatus, Domain, TrancheSchedule, TrancheStatus } from '../../server/domain/enums.js';
import { generateTranches } from '../../server/domain/schedule.js';
import type { IsoDate } from '../../server/domain/types.js';
import type { budgets, commitments, CreatedOf, Initiative, tranches } from '../../server/contract/index.js';
import type { FunderCatalog, FunderRow } from './funders.js';
import { reportingOf, type Reporting } from './obligations.js';
import { Random } from './random.js';

// The records in the contract's field names; the loader writes them to the columns named after them.
export type InitiativeRow = Omit<Initiative, 'version'>;

export type BudgetRow = Omit<CreatedOf<typeof budgets>, 'initiativeId'>;

/** Every synthetic tranche has a due date. */
export type TrancheRow = Omit<CreatedOf<typeof tranches>, 'commitmentId' | 'dueOn'> & { dueOn: IsoDate };

/** A commitment as the builder plans it, before its reporting obligations. */
type PlannedCommitment = Omit<CreatedOf<typeof commitments>, 'initiativeId' | 'trancheSchedule' | 'reportingSchedule' | 'reportDueMonths'> & { tranches: TrancheRow[] };

/** With the reporting schedule and term it was created with (no columns) and the obligations they made. */
export type CommitmentRow = PlannedCommitment & Reporting;

export interface SyntheticInitiative {
  initiative: InitiativeRow;
  budgets: BudgetRow[];
  commitments: CommitmentRow[];
}

export interface Context {
  seed: string;
  /** The day the portfolio is "now": past money is received, future money planned or applied for. */
  asOf: IsoDate;
  funders: FunderCatalog;
}

const ACTIVITIES = [
  'Buurtkeuken', 'Taalcafé', 'Repair Café', 'Maatjesproject', 'Buurtkamer', 'Stadstuin', 'Dansmiddag', 'Belcirkel', 'Huiswerkklas', 'Fietsschool',
  'Samen Koken', 'Wijkrestaurant', 'Schuldhulpmaatjes', 'Sportmaatjes', 'Taalmaatjes', 'Buurtcoöperatie', 'Moestuin', 'Ontmoetingscentrum', 'Wandelclub', 'Zorgcoöperatie',
];
const FLAVOURS = [
  'De Brug', 'Het Anker', 'De Lepel', 'Samen Sterk', 'De Linde', 'Het Zonnehuis', 'De Gouden Jaren', 'Oost', 'West', 'Noord', 'Zuid', 'De Stek', 'Het Hart', 'De Wortel',
  'Op Stap', 'De Leerboom', 'Het Plein', 'De Kring', 'Aan Tafel', 'Het Nest', 'De Schakel', 'Thuis', 'Het Wiel', 'De Bron',
];
const AUDIENCES = ['ouderen', 'nieuwkomers', 'jongeren', 'gezinnen', 'mantelzorgers', 'buurtbewoners', 'mensen met schulden', 'eenzame ouderen'];
const DOMAIN_WEIGHTS: Record<Domain, number> = { care: 30, welfare: 35, participation: 25, climate: 6, food: 12, housing: 5, education: 10 };
const PROGRAMMES = { Wmo: 50, Participatie: 20, Armoede: 12, Jeugd: 8, Groen: 5, Duurzaamheid: 3, Wonen: 2 };
const PROGRAMME_CODES: Record<string, string> = { Wmo: 'WMO', Participatie: 'PAR', Armoede: 'ARM', Jeugd: 'JGD', Groen: 'GRN', Duurzaamheid: 'DRZ', Wonen: 'WON' };
/** Founding years from 2012: more initiatives started in recent years, as the demo's do. */
const FOUNDED_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 9, 10, 10, 10, 9, 8, 6];

type Schedule = TrancheSchedule | 'none';
type Intent = 'committed' | 'requested' | 'conditional' | 'declined' | 'withdrawn';

const euros = (amount: number) => Math.round(amount) * 100;
const laterOf = (a: IsoDate, b: IsoDate) => (a > b ? a : b);
const earlierOf = (a: IsoDate, b: IsoDate) => (a < b ? a : b);

function randomDayIn(random: Random, year: number): IsoDate {
  return addDays(formatIsoDate(year, 1, 1), random.int(0, daysInYear(year) - 1));
}

class Builder {
  readonly commitments: PlannedCommitment[] = [];
  private readonly needByYear = new Map<number, number>();

  constructor(
    private readonly random: Random,
    private readonly asOf: IsoDate,
    readonly foundedOn: IsoDate,
    budgets: readonly BudgetRow[],
    private readonly baseNeed: number,
  ) {
    for (const b of budgets) this.needByYear.set(b.year, b.amountCents / 100);
  }

  /** Euros equal to `share` of the budgeted need over [start, end], rounded to 50. */
  size(start: IsoDate, end: IsoDate, share: number): number {
    let total = 0;
    for (let y = yearOf(start); y <= yearOf(end); y++) {
      const from = laterOf(start, formatIsoDate(y, 1, 1));
      const to = earlierOf(end, formatIsoDate(y, 12, 31));
      total += ((this.needByYear.get(y) ?? this.baseNeed) * (toEpochDay(to) - toEpochDay(from) + 1)) / daysInYear(y);
    }
    return Math.max(500, Math.round((total * share) / 50) * 50);
  }

  /** The status a commitment has at `asOf`: past money completed, current committed, future as intended. */
  statusOf(start: IsoDate, end: IsoDate, intent: Intent): CommitmentStatus {
    if (intent === 'declined' || intent === 'withdrawn') return intent;
    if (end < this.asOf) return 'completed';
    if (start <= this.asOf) return 'committed';
    return intent;
  }

  add(plan: {
    funder: FunderRow;
    kind: CommitmentKind;
    title: string;
    start: IsoDate;
    end: IsoDate;
    euros: number;
    intent: Intent;
    schedule: Schedule;
    programme?: string;
    renewable?: boolean;
  }): void {
    const { random } = this;
    const status = this.statusOf(plan.start, plan.end, plan.intent);
    let amountCents = euros(plan.euros);
    // Declined, withdrawn and merely requested money has no payment schedule.
    const schedule = status === 'declined' || status === 'withdrawn' || status === 'requested' ? 'none' : plan.schedule;
    const tranches: TrancheRow[] =
      schedule === 'none'
        ? []
        : generateTranches(plan.start, plan.end, amountCents, schedule).map((t) => ({ ...t, dueOn: t.periodStart, ...this.trancheState(status, t.periodStart) }));
    let conditionNote: string | null = random.chance(0.15) ? 'Verantwoording met inhoudelijk en financieel verslag binnen drie maanden na afloop.' : null;

    if (tranches.length >= 2 && random.chance(0.03)) {
      const index = random.int(0, tranches.length - 1);
      const cancelled = tranches[index]!;
      tranches[index] = { ...cancelled, status: 'cancelled', receivedOn: null };
      if (random.chance(0.5)) {
        const dueOn = addDays(cancelled.dueOn, 42);
        tranches.splice(index + 1, 0, { ...cancelled, dueOn, ...this.trancheState(status, dueOn) });
        conditionNote = 'Tranche opnieuw betaalbaar gesteld na verlate tussentijdse rapportage.';
      } else {
        amountCents -= cancelled.amountCents;
        conditionNote = 'Toekenning bijgesteld: tranche vervallen wegens onderbesteding.';
      }
    } else if (status === 'committed' && tranches.length >= 2 && random.chance(0.04)) {
      // The last tranche is not scheduled yet: part of the amount stays unscheduled.
      tranches.pop();
    }

    const decided = status !== 'requested' && status !== 'withdrawn';
    const decisionDate = decided ? earlierOf(addDays(plan.start, -random.int(28, 72)), this.asOf) : null;
    const reference =
      plan.kind === 'donation' || plan.kind === 'in_kind'
        ? null
        : [plan.funder.refPrefix, plan.programme ? PROGRAMME_CODES[plan.programme] : undefined, yearOf(plan.start), String(random.int(10000, 99999))].filter(Boolean).join('-');
    this.commitments.push({
      funderId: plan.funder.id,
      title: plan.title,
      reference,
      programme: plan.programme ?? null,
      kind: plan.kind,
      status,
      startDate: plan.start,
      endDate: plan.end,
      amountCents,
      decisionDate,
      renewable: plan.renewable ?? false,
      conditionNote,
      tranches,
    });
  }

  /** Paid a few days after it is due once that has passed, asked for when due within a month, planned otherwise. */
  private trancheState(status: CommitmentStatus, dueOn: IsoDate): { status: TrancheStatus; receivedOn: IsoDate | null } {
    const paidOn = addDays(dueOn, this.random.int(2, 21));
    if (status === 'completed') return { status: 'received', receivedOn: earlierOf(paidOn, this.asOf) };
    if (status !== 'committed') return { status: 'planned', receivedOn: null };
    if (paidOn <= this.asOf) return { status: 'received', receivedOn: paidOn };
    if (dueOn <= addDays(this.asOf, 30)) return { status: 'requested', receivedOn: null };
    return { status: 'planned', receivedOn: null };
  }
}

function drawSchedule(random: Random, weights: Readonly<Partial<Record<Schedule, number>>>): Schedule {
  return random.weighted(weights as Record<Schedule, number>);
}

function followUpIntent(random: Random): Intent | 'none' {
  return random.weighted({ committed: 30, requested: 30, conditional: 15, declined: 10, none: 15 });
}

function futureIntent(random: Random): Intent {
  return random.weighted({ committed: 35, requested: 40, conditional: 20, withdrawn: 5 });
}

/** The own gemeente's subsidies of one programme, calendar year by calendar year (or two at a time). */
function municipalStream(b: Builder, random: Random, gemeente: FunderRow, programme: string, share: number, from: number, to: number, active: boolean, what: string): void {
  const years = random.chance(0.25) ? 2 : 1;
  const schedule = drawSchedule(random, { quarterly: 60, yearly: 10, once: 8, monthly: 6, none: 16 });
  const cutYear = random.chance(0.06) ? to : null;
  for (let y = from; y <= to; y += years) {
    const start = laterOf(formatIsoDate(y, 1, 1), b.foundedOn);
    const end = formatIsoDate(Math.min(y + years - 1, to + (active ? years - 1 : 0)), 12, 31);
    const period = years === 2 && yearOf(end) > y ? `${y}–${yearOf(end)}` : String(y);
    b.add({
      funder: gemeente,
      kind: 'subsidy',
      title: `Subsidie ${programme} ${period} – ${what}`,
      start,
      end,
      euros: b.size(start, end, y === cutYear ? share / 2 : share),
      intent: 'committed',
      schedule,
      programme,
      renewable: true,
    });
  }
  if (!active) return;
  const next = to + 1 + (years === 2 && (to - from) % 2 === 0 ? 1 : 0);
  const intent = followUpIntent(random);
  if (intent === 'none') return;
  const start = formatIsoDate(next, 1, 1);
  const end = formatIsoDate(next + years - 1, 12, 31);
  b.add({ funder: gemeente, kind: 'subsidy', title: `Subsidie ${programme} ${next} – ${what}`, start, end, euros: b.size(start, end, share), intent, schedule, programme, renewable: true });
}

export function buildInitiative(ctx: Context, index: number): SyntheticInitiative {
  const random = new Random(ctx.seed, 'initiative', index);
  const Y = yearOf(ctx.asOf);
  const gemeente = ctx.funders.drawGemeente(random);
  const place = gemeente.place!;

  const lastFoundingYear = Math.min(2025, Y - 1);
  const yearWeights = Object.fromEntries(FOUNDED_WEIGHTS.map((w, i) => [String(2012 + i), 2012 + i <= lastFoundingYear ? w : 0]));
  const foundedYear = Number(random.weighted(yearWeights));
  const foundedOn = randomDayIn(random, foundedYear);
  const stopped = foundedYear <= Y - 3 && random.chance(0.04);
  const lastYear = stopped ? random.int(Math.max(foundedYear + 1, Y - 3), Y - 1) : Y;
  const activity = random.pick(ACTIVITIES);
  const domainCount = random.weighted({ '1': 10, '2': 60, '3': 30 });
  const domains: Domain[] = [];
  while (domains.length < Number(domainCount)) {
    const d = random.weighted(DOMAIN_WEIGHTS);
    if (!domains.includes(d)) domains.push(d);
  }
  const initiative: InitiativeRow = {
    id: index + 1,
    name: `${activity} ${random.pick(FLAVOURS)} ${place}`,
    foundedOn,
    municipality: place,
    municipalityCode: random.chance(0.95) ? gemeente.municipalityCode : null,
    domains,
    kvkNumber: random.chance(0.92) ? String(random.int(10_000_000, 99_999_999)) : null,
    reservesCents: random.chance(0.1) ? 0 : euros(random.int(2, 60) * 500),
    sharedWithFunders: random.chance(0.2),
    status: stopped ? 'stopped' : 'active',
    description: `${activity} voor ${random.pick(AUDIENCES)} in ${place}, met vrijwilligers uit de buurt.`,
  };

  // Budgets: realised figures for past years, the adopted budget now, a multi-year estimate after.
  const baseNeed = Math.min(250_000, Math.max(6_000, random.logNormal(42_000, 0.55)));
  const growth = random.next() * 0.05;
  const firstBudgetYear = Math.max(foundedYear, Y - 3);
  const lastBudgetYear = stopped ? lastYear : random.chance(0.05) ? Y : Y + 2;
  const budgets: BudgetRow[] = [];
  for (let y = firstBudgetYear; y <= lastBudgetYear; y++) {
    let amount = baseNeed * (1 + growth) ** (y - Y);
    let note = y < Y ? 'Jaarrekening' : y === Y ? 'Vastgestelde begroting' : 'Meerjarenraming';
    if (y === foundedYear) {
      amount *= Math.max(0.25, (toEpochDay(formatIsoDate(y, 12, 31)) - toEpochDay(foundedOn) + 1) / daysInYear(y));
      note = 'Opstartjaar';
    }
    if (stopped && y === lastYear) note = 'Laatste jaar: activiteiten gestopt';
    budgets.push({ year: y, amountCents: euros(Math.round(amount / 500) * 500), note });
  }

  const b = new Builder(random, ctx.asOf, foundedOn, budgets, baseNeed);
  const windowStart = laterOf(formatIsoDate(Y - 3, 1, 1), foundedOn);
  const windowEnd = stopped ? formatIsoDate(lastYear, 12, 31) : formatIsoDate(Y + 1, 6, 30);
  const active = !stopped;
  const what = activity.toLowerCase();

  if (random.chance(0.93)) {
    municipalStream(b, random, gemeente, random.weighted(PROGRAMMES), 0.35 + random.next() * 0.3, yearOf(windowStart), lastYear, active, what);
  }
  if (random.chance(0.2)) {
    const programme = random.weighted(PROGRAMMES);
    municipalStream(b, random, gemeente, programme, 0.08 + random.next() * 0.12, Math.max(yearOf(windowStart), lastYear - 1), lastYear, active && random.chance(0.5), `${what} (${programme})`);
  }

  /** A start date on the first of a month within the portfolio's window. */
  const startWithin = (): IsoDate | null => {
    const from = toEpochDay(windowStart);
    const to = toEpochDay(windowEnd);
    if (to < from) return null;
    const day = addDays(windowStart, random.int(0, to - from));
    return laterOf(`${day.slice(0, 7)}-01`, foundedOn);
  };
  const grant = (funders: readonly FunderRow[], months: number, share: number, kind: CommitmentKind, schedule: Schedule, title: string) => {
    const start = startWithin();
    if (!start) return;
    const end = addDays(addMonths(start.slice(0, 8) + '01', months), -1);
    const past = end < ctx.asOf;
    const intent: Intent = start > ctx.asOf ? futureIntent(random) : past && random.chance(0.1) ? 'declined' : 'committed';
    b.add({ funder: random.pick(funders), kind, title: `${title} ${yearOf(start)}`, start, end, euros: b.size(start, end, share), intent, schedule });
  };

  const foundations = Number(random.weighted({ '0': 6, '1': 17, '2': 28, '3': 25, '4': 14, '5': 10 }));
  for (let i = 0; i < foundations; i++) {
    const months = Number(random.weighted({ '12': 40, '24': 30, '36': 18, '48': 7, '60': 5 }));
    grant(ctx.funders.byType.foundation, months, 0.08 + random.next() * 0.22, random.chance(0.9) ? 'grant' : 'contract', drawSchedule(random, { yearly: 42, once: 20, quarterly: 20, monthly: 3, none: 15 }), 'Fondsbijdrage');
  }
  const sponsors = Number(random.weighted({ '0': 50, '1': 38, '2': 12 }));
  for (let i = 0; i < sponsors; i++) {
    const kind = random.weighted({ sponsorship: 40, donation: 40, in_kind: 20 }) as CommitmentKind;
    const start = startWithin();
    if (!start) continue;
    const end = addDays(addMonths(start, 12), -1);
    const title = kind === 'sponsorship' ? 'Sponsoring' : kind === 'donation' ? 'Donatie' : 'Bijdrage in natura';
    b.add({ funder: random.pick(ctx.funders.byType.company), kind, title: `${title} ${yearOf(start)}`, start, end, euros: random.int(1, 30) * 500, intent: start > ctx.asOf ? futureIntent(random) : 'committed', schedule: kind === 'in_kind' ? 'none' : random.chance(0.5) ? 'once' : 'none' });
  }
  const multiYear = (chance: number, funders: readonly FunderRow[], title: string) => {
    if (!random.chance(chance)) return;
    grant(funders, Number(random.weighted({ '24': 35, '36': 40, '48': 25 })), 0.1 + random.next() * 0.15, random.chance(0.7) ? 'grant' : 'contract', drawSchedule(random, { yearly: 50, quarterly: 35, none: 15 }), title);
  };
  multiYear(0.15, ctx.funders.byType.province, 'Provinciale bijdrage');
  multiYear(0.08, ctx.funders.byType.national, 'Rijksbijdrage');
  multiYear(0.12, ctx.funders.byType.health_insurer, 'Preventieprogramma');
  if (random.chance(0.12)) grant(ctx.funders.byType.other, 12, 0.03 + random.next() * 0.07, random.chance(0.6) ? 'donation' : 'contract', random.chance(0.5) ? 'once' : 'none', 'Bijdrage');
  if (random.chance(0.01)) grant(ctx.funders.byType.other, 36, 0.2, 'loan', 'none', 'Lening');

  const reporting = reportingOf(ctx.seed, index, ctx.asOf, ctx.funders, b.commitments);
  // The planned commitments become rows in place: a copy of each would cost the loader its pace.
  const commitments = b.commitments as (PlannedCommitment & Partial<Reporting>)[];
  commitments.forEach((c, k) => Object.assign(c, reporting[k]));
  return { initiative, budgets, commitments: commitments as CommitmentRow[] };
}
