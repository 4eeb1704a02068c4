// The per-initiative builder: an initiative's budgets, commitments and tranches from a short
// spec. Tranches come from the domain's schedule (server/domain/schedule.ts) and the money an
// initiative has coming in from its allocation (server/domain/allocation.ts), as the API and the
// gap scan see them.
import { commitmentYearCents, countsIn, monthlyFundingCents } from '../../server/domain/allocation.js';
import { addDays, daysInMonth, daysInYear, formatIsoDate, monthOf, parseIsoDate, toEpochDay, yearOf } from '../../server/domain/dates.js';
import type { CommitmentKind, CommitmentStatus, Domain, TrancheSchedule, TrancheStatus } from '../../server/domain/enums.js';
import { generateTranches } from '../../server/domain/schedule.js';
import type { IsoDate, LoadedCommitment } from '../../server/domain/types.js';
import { Calendar, earlierOf, laterOf } from './calendar.js';
import { funderDef, gemeenteKey, PLACES, type Place } from './funders.js';
import type { DemoBudget, DemoCommitment, DemoInitiative, DemoTranche } from './types.js';
import { euros, noise } from './variety.js';

/** A `trancheSchedule` of DESIGN.md, or `none`: no tranches, the money is spread over the period. */
export type Schedule = TrancheSchedule | 'none';

export interface CommitmentPlan {
  funder: string;
  kind: CommitmentKind;
  title: string;
  start: IsoDate;
  end: IsoDate;
  /** The amount as a share of the initiative's budgeted need over [start, end] ... */
  share?: number;
  /** ... or as a fixed number of euros. */
  euros?: number;
  programme?: string;
  /** Default: `completed` when the period has ended before today, else `committed`. */
  status?: CommitmentStatus;
  /** Default `none`: no tranches, the money is spread over the period. */
  schedule?: Schedule;
  renewable?: boolean;
  note?: string;
  /** Default: a file number from the funder's prefix; `false` for none. */
  reference?: string | false;
  decisionDate?: IsoDate;
  /** Cancel one tranche: `reissue` pays it again later over the same period; `reduce` drops it
   * and lowers the commitment's amount accordingly; `note` says why. */
  cancelTranche?: { index: number; mode: 'reissue' | 'reduce'; note?: string };
}

export type MunicipalFollowUp = 'committed' | 'requested' | 'conditional' | 'declined' | 'none';

export interface MunicipalPlan {
  /** First and last year offset of the one-year subsidies (clamped to the founding year). */
  from?: number;
  to?: number;
  /** What happens with the application for the year after `to`. */
  followUp?: MunicipalFollowUp;
  followUpShare?: number;
  schedule?: Schedule;
  /** Short description after the title, e.g. 'samen eten'. */
  what?: string;
}

/** The programme's part of a gemeente's file number (kenmerk). */
const PROGRAMME_CODES: Record<string, string> = {
  Wmo: 'WMO',
  Jeugd: 'JGD',
  Armoede: 'ARM',
  Participatie: 'PAR',
  Groen: 'GRN',
  Duurzaamheid: 'DRZ',
  Wonen: 'WON',
};

export interface BudgetPlan {
  /** Budgeted need in euros in the current year; other years follow `growth`. */
  base: number;
  /** Yearly growth, e.g. 0.03. */
  growth: number;
  /** First and last year offset (default -2 and +2; never before the founding year). */
  from?: number;
  to?: number;
  /** Note on the last budget year (e.g. for a stopped initiative). */
  lastNote?: string;
  /** Factor on the last budget year (e.g. 0.5 when it stopped halfway). */
  lastFactor?: number;
}

export interface InitiativeSpec {
  key: string;
  name: string;
  place: Place;
  /** [year offset from today's year, month, day] */
  founded: [number, number, number];
  domains: Domain[];
  /** Reserves in euros. */
  reserves: number;
  budget: BudgetPlan;
  description: string | ((year: number) => string);
  shared?: boolean;
  stopped?: boolean;
  /** Initiatives without their own legal entity have no KvK number. */
  noKvk?: boolean;
  /** Keep the planned budget of the current year even when the committed funding falls short.
   * Otherwise the current year's budget is balanced against the funding, as most are. */
  deficit?: boolean;
  funding: (b: InitiativeBuilder) => void;
}

/** Collects one initiative's budgets and commitments; the helpers size amounts as a share of
 * the budgeted need, so the story (well covered, a cliff, ...) survives any `today`. */
export class InitiativeBuilder {
  readonly cal: Calendar;
  readonly spec: InitiativeSpec;
  readonly foundedOn: IsoDate;
  readonly foundedOffset: number;
  readonly gemeente: string;
  readonly budgets: DemoBudget[];
  readonly commitments: DemoCommitment[] = [];
  private readonly needByYear: Map<number, number>;

  constructor(cal: Calendar, spec: InitiativeSpec) {
    this.cal = cal;
    this.spec = spec;
    const [yearOffset, month, day] = spec.founded;
    this.foundedOn = cal.on(yearOffset, month, day);
    this.foundedOffset = yearOffset;
    this.gemeente = gemeenteKey(spec.place);
    this.budgets = this.planBudgets();
    this.needByYear = new Map(this.budgets.map((b) => [b.year, b.amountCents / 100]));
  }

  private planBudgets(): DemoBudget[] {
    const { base, growth, from = -2, to = 2, lastNote, lastFactor = 1 } = this.spec.budget;
    const [, foundedMonth] = this.spec.founded;
    const budgets: DemoBudget[] = [];
    for (let offset = Math.max(from, this.foundedOffset); offset <= to; offset++) {
      let amount = base * (1 + growth) ** offset;
      let note: string | undefined;
      if (offset === this.foundedOffset) {
        amount *= Math.max(0.25, (13 - foundedMonth) / 12);
        note = 'Opstartjaar';
      }
      if (offset === to && (lastNote !== undefined || lastFactor !== 1)) {
        amount *= lastFactor;
        note = lastNote;
      }
      note ??= offset < 0 ? 'Jaarrekening' : offset === 0 ? 'Vastgestelde begroting' : 'Meerjarenraming';
      budgets.push({ year: this.cal.year + offset, amountCents: euros(Math.round(amount / 500) * 500), note });
    }
    return budgets;
  }

  /** The yearly need used for sizing; years outside the budget take the nearest budget year. */
  private needIn(year: number): number {
    const exact = this.needByYear.get(year);
    if (exact !== undefined) return exact;
    const years = [...this.needByYear.keys()];
    if (years.length === 0) return this.spec.budget.base;
    const nearest = year < Math.min(...years) ? Math.min(...years) : Math.max(...years);
    return this.needByYear.get(nearest) ?? this.spec.budget.base;
  }

  /** Euros equal to `share` of the need over [start, end], rounded to 50. */
  private sizeEuros(start: IsoDate, end: IsoDate, share: number): number {
    let total = 0;
    for (let y = yearOf(start); y <= yearOf(end); y++) {
      const from = laterOf(start, formatIsoDate(y, 1, 1));
      const to = earlierOf(end, formatIsoDate(y, 12, 31));
      const days = toEpochDay(to) - toEpochDay(from) + 1;
      total += (this.needIn(y) * days) / daysInYear(y);
    }
    return Math.max(50, Math.round((total * share) / 50) * 50);
  }

  add(plan: CommitmentPlan): this {
    const { cal } = this;
    if (plan.end < plan.start) throw new Error(`${this.spec.key}: ${plan.title} ends before it starts`);
    const status: CommitmentStatus = plan.status ?? (plan.end < cal.today ? 'completed' : 'committed');
    const salt = `${this.spec.key}|${plan.funder}|${plan.title}|${plan.start}`;
    const funder = funderDef(plan.funder);
    let amountCents = euros(plan.euros ?? this.sizeEuros(plan.start, plan.end, plan.share ?? 0));

    // Declined, withdrawn and merely requested money has no payment schedule.
    const schedule: Schedule = status === 'declined' || status === 'withdrawn' || status === 'requested' ? 'none' : (plan.schedule ?? 'none');
    const generated = schedule === 'none' ? [] : generateTranches(plan.start, plan.end, amountCents, schedule);
    const tranches: DemoTranche[] = generated.map((tranche, i) => ({
      ...tranche,
      dueOn: tranche.periodStart,
      ...this.trancheState(status, tranche.periodStart, `${salt}|${i}`),
    }));

    let conditionNote = plan.note;
    const cancel = plan.cancelTranche;
    const cancelled = cancel ? tranches[cancel.index] : undefined;
    if (cancel && cancelled) {
      const replacement: DemoTranche | undefined =
        cancel.mode === 'reissue'
          ? {
              periodStart: cancelled.periodStart,
              periodEnd: cancelled.periodEnd,
              amountCents: cancelled.amountCents,
              dueOn: addDays(cancelled.dueOn ?? cancelled.periodStart, 42),
              ...this.trancheState(status, addDays(cancelled.dueOn ?? cancelled.periodStart, 42), `${salt}|reissue`),
            }
          : undefined;
      tranches[cancel.index] = { periodStart: cancelled.periodStart, periodEnd: cancelled.periodEnd, amountCents: cancelled.amountCents, dueOn: cancelled.dueOn ?? cancelled.periodStart, status: 'cancelled' };
      if (replacement) {
        tranches.splice(cancel.index + 1, 0, replacement);
        conditionNote = [conditionNote, cancel.note ?? 'Tranche opnieuw betaalbaar gesteld na verlate tussentijdse rapportage.'].filter(Boolean).join(' ');
      } else {
        amountCents -= cancelled.amountCents;
        conditionNote = [conditionNote, cancel.note ?? 'Toekenning bijgesteld: laatste tranche vervallen wegens onderbesteding.'].filter(Boolean).join(' ');
      }
    }

    const decided = status !== 'requested' && status !== 'withdrawn';
    const decisionDate = plan.decisionDate ?? (decided ? cal.past(addDays(plan.start, -(28 + (noise(salt, 'decision') % 45))), salt) : undefined);
    const reference =
      plan.reference === false
        ? undefined
        : (plan.reference ??
          (plan.kind === 'donation' || plan.kind === 'in_kind'
            ? undefined
            : [funder.refPrefix, plan.programme ? PROGRAMME_CODES[plan.programme] : undefined, yearOf(plan.start), String(10000 + (noise(salt, 'ref') % 90000))]
                .filter((part) => part !== undefined)
                .join('-')));

    this.commitments.push({
      funderKey: plan.funder,
      title: plan.title,
      ...(reference !== undefined ? { reference } : {}),
      ...(plan.programme !== undefined ? { programme: plan.programme } : {}),
      kind: plan.kind,
      status,
      startDate: plan.start,
      endDate: plan.end,
      amountCents,
      ...(decisionDate !== undefined ? { decisionDate } : {}),
      renewable: plan.renewable ?? false,
      ...(conditionNote ? { conditionNote } : {}),
      tranches,
    });
    return this;
  }

  /** A tranche due on `dueOn`: paid a few days after it is due once that has passed, asked for
   * when due within a month, planned otherwise. Everything of a completed commitment is paid. */
  private trancheState(status: CommitmentStatus, dueOn: IsoDate, salt: string): { status: TrancheStatus; receivedOn?: IsoDate } {
    const paidOn = addDays(dueOn, 2 + (noise(salt, 'lag') % 20));
    if (status === 'completed') return { status: 'received', receivedOn: earlierOf(paidOn, this.cal.today) };
    if (status !== 'committed') return { status: 'planned' };
    if (paidOn <= this.cal.today) return { status: 'received', receivedOn: paidOn };
    if (dueOn <= addDays(this.cal.today, 30)) return { status: 'requested' };
    return { status: 'planned' };
  }

  /** One-year subsidies of the initiative's own gemeente for the calendar years `from`..`to`,
   * plus the application for the year after — the way most gemeenten fund initiatives. */
  municipal(programme: string, share: number, plan: MunicipalPlan = {}): this {
    const { cal } = this;
    const { from = -2, to = 0, followUp = 'requested', followUpShare = share, schedule = 'quarterly', what } = plan;
    const title = (offset: number): string => `Subsidie ${programme} ${cal.year + offset}${what ? ` – ${what}` : ''}`;
    for (let offset = Math.max(from, this.foundedOffset); offset <= to; offset++) {
      this.add({
        funder: this.gemeente,
        kind: 'subsidy',
        programme,
        title: title(offset),
        start: laterOf(cal.jan1(offset), this.foundedOn),
        end: cal.dec31(offset),
        share,
        schedule,
        renewable: true,
        note: offset === to && followUp !== 'none' ? 'Inhoudelijk en financieel verslag vóór 1 april van het volgende jaar.' : undefined,
      });
    }
    if (followUp !== 'none') {
      const offset = to + 1;
      this.add({
        funder: this.gemeente,
        kind: 'subsidy',
        programme,
        title: title(offset),
        start: cal.jan1(offset),
        end: cal.dec31(offset),
        share: followUpShare,
        status: followUp,
        schedule,
        renewable: true,
        note:
          followUp === 'conditional'
            ? `Onder voorbehoud van vaststelling van de gemeentebegroting ${cal.year + offset}.`
            : followUp === 'declined'
              ? 'Afgewezen: het budget van de regeling is uitgeput.'
              : undefined,
      });
    }
    return this;
  }

  /** A foundation grant (fondsbijdrage), paid in yearly tranches unless said otherwise. */
  grant(funder: string, title: string, start: string, end: string, share: number, extra: Partial<CommitmentPlan> = {}): this {
    return this.add({ funder, kind: 'grant', title, start, end, share, schedule: 'yearly', ...extra });
  }

  /** A gift for one calendar year, without tranches. */
  donation(funder: string, yearOffset: number, amountEuros: number, title: string, extra: Partial<CommitmentPlan> = {}): this {
    return this.add({ funder, kind: 'donation', title, start: this.cal.jan1(yearOffset), end: this.cal.dec31(yearOffset), euros: amountEuros, ...extra });
  }

  /** The commitments as allocation.ts takes them; ids and the funder's type play no part in
   * how much money falls in a period. */
  private loadedCommitments(): LoadedCommitment[] {
    return this.commitments.map((c, i) => ({
      id: i + 1,
      funderId: i + 1,
      funderType: funderDef(c.funderKey).type,
      kind: c.kind,
      status: c.status,
      startDate: c.startDate,
      endDate: c.endDate,
      amountCents: c.amountCents,
      tranches: c.tranches.map((t, j) => ({ id: j + 1, periodStart: t.periodStart, periodEnd: t.periodEnd, amountCents: t.amountCents, status: t.status })),
    }));
  }

  /** Committed euros falling in calendar `year`. */
  private fundedInYear(year: number): number {
    let cents = 0;
    for (const c of this.loadedCommitments()) {
      if (countsIn(c.status, 'committed')) cents += commitmentYearCents(c, year);
    }
    return cents / 100;
  }

  /** Committed euros falling in the month of today. */
  private fundedThisMonth(): number {
    const [cents = 0] = monthlyFundingCents(this.loadedCommitments(), [monthOf(this.cal.today)], 'committed');
    return cents / 100;
  }

  /** Past years show what was actually spent (the annual accounts), which is about what came in.
   * The current year's budget is trimmed to fit the money coming in this month, as most
   * initiatives do, unless the spec runs a deficit. */
  private settleBudgets(): void {
    const { cal } = this;
    for (const budget of this.budgets) {
      if (budget.year < cal.year) {
        const funded = this.fundedInYear(budget.year);
        if (funded <= 0) continue;
        const factor = 0.97 + (noise(this.spec.key, budget.year, 'realised') % 6) / 100;
        budget.amountCents = euros(Math.round((funded * factor) / 500) * 500);
      } else if (budget.year === cal.year && !this.spec.deficit && !this.spec.stopped) {
        const { month } = parseIsoDate(cal.today);
        const yearly = (this.fundedThisMonth() * daysInYear(cal.year)) / daysInMonth(cal.year, month);
        const factor = 0.94 + (noise(this.spec.key, 'balanced') % 4) / 100;
        if (yearly > 0) budget.amountCents = Math.min(budget.amountCents, euros(Math.floor((yearly * factor) / 500) * 500));
      }
    }
  }

  build(): DemoInitiative {
    const { spec, cal } = this;
    spec.funding(this);
    this.settleBudgets();
    const place = PLACES[spec.place];
    return {
      key: spec.key,
      name: spec.name,
      foundedOn: this.foundedOn,
      municipality: place.name,
      municipalityCode: place.code,
      domains: [...spec.domains],
      ...(spec.noKvk ? {} : { kvkNumber: String(10_000_000 + (noise(spec.key, 'kvk') % 90_000_000)) }),
      reservesCents: euros(spec.reserves),
      sharedWithFunders: spec.shared ?? false,
      status: spec.stopped ? 'stopped' : 'active',
      description: typeof spec.description === 'function' ? spec.description(cal.year) : spec.description,
      budgets: this.budgets,
      commitments: this.commitments,
    };
  }
}
