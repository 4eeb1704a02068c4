// The demo portfolio: a fictional but realistic set of Dutch social initiatives (sociale
// initiatieven) in care and welfare, their funders and their multi-year funding.
//
// Everything is placed relative to `today` (its year, and for a few showcase commitments its
// month), so the demo tells the same story whenever it is loaded: some initiatives are healthy,
// others run into the gaps of DESIGN.md. The output depends on `today` only — there is no
// randomness and no clock; the variety (KvK numbers, references, payment lags) comes from a
// tiny hash-seeded generator keyed on names.
//
// Showcase (what a gap scan at `today` finds; Y = year of `today`, M = month of `today`):
// - healthy (no expiring, funder_limit or five-year risk; at most a low-severity cliff and
//   shortfall years ahead when the multi-year agreements end and the last budget is carried
//   forward): Dansavond De Gouden Jaren
//   (Rotterdam), Buurtkamer De Stek (Utrecht), Stadstuin De Wortel (Groningen, 4–5 years old
//   but anchored with long-term funding), Maaltijdmaatjes Zwolle.
// - cliff: Buurtcoöperatie Het Zuiderhart (two-year Wmo subsidy ends in month M+2, follow-up
//   only requested), Samen Koken Hatert (calendar-year subsidies end 31-12-Y, follow-up only
//   conditional).
// - expiring: De Gedeelde Pan (Fonds Samen Sterk ends M+5), Belcirkel Scheveningen (gemeente
//   subsidy ends M+3, follow-up declined), Maatjesproject Samen Op Stap (Stichting De Lantaarn
//   ends M+1).
// - funder_limit: De Gedeelde Pan (Fonds Samen Sterk, at most 3 years), Wooncoöperatie Samen Oud
//   Lindenholt (Provincie Gelderland, at most 4 years).
// - five_year_risk (founded in Y-5, so 4 or 5 years old all through Y, living on one-year money):
//   Taalmaatjes Amsterdam-Oost, Schuldhulpmaatjes Feijenoord, Tuinmaatjes Utrecht, Huiswerkklas
//   De Leerboom, Sportmaatjes Holtenbroek.
// - shortfall in the current month: Fietsschool Vrouwen op de Fiets (gemeente cut its subsidy),
//   the five-year-risk initiatives, Taalcafé Kanaleneiland and Stadstuin De Groene Hoek (their
//   specs run a `deficit`); the others balance this year's budget against the money coming in
//   and show shortfalls from where a subsidy ends or only applications are pending (mostly Y+1).
// - stopped: Wijkrestaurant De Ketel (Den Haag), Dansmiddag Martini (Groningen).
// Budgets of past years are the realised figures (about what came in), the current year's is
// the adopted budget, later years a multi-year estimate (Meerjarenraming).
import type { CommitmentKind, CommitmentStatus, Domain, TrancheStatus } from '../../server/domain/enums.js';
import type {
  DemoBudget,
  DemoCommitment,
  DemoFunder,
  DemoInitiative,
  DemoPortfolio,
  DemoTranche,
  DemoUser,
} from './types.js';

// ---------------------------------------------------------------------------------------------
// Calendar dates (strings 'YYYY-MM-DD'; Date is used only as a UTC day counter)

const DAY_MS = 86_400_000;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

function isoDate(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

function parseIso(iso: string): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`not a date YYYY-MM-DD: ${iso}`);
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) throw new Error(`not a calendar date: ${iso}`);
  return [y, m, d];
}

function dayNumber(iso: string): number {
  const [y, m, d] = parseIso(iso);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

function addDays(iso: string, days: number): string {
  return fromDayNumber(dayNumber(iso) + days);
}

/** Adds calendar months, clamping the day to the end of a shorter month. */
function addMonths(iso: string, months: number): string {
  const [y, m, d] = parseIso(iso);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = index - ny * 12 + 1;
  return isoDate(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

function laterOf(a: string, b: string): string {
  return a > b ? a : b;
}

function earlierOf(a: string, b: string): string {
  return a < b ? a : b;
}

function yearOf(iso: string): number {
  return parseIso(iso)[0];
}

/** Dates relative to `today`: `on(-1, 3, 1)` is 1 March of last year, `monthEnd(2)` the last
 * day of the month two months after today's. */
class Calendar {
  readonly today: string;
  readonly year: number;
  private readonly monthIndex: number;

  constructor(today: string) {
    const [y, m] = parseIso(today);
    this.today = today;
    this.year = y;
    this.monthIndex = y * 12 + (m - 1);
  }

  on(yearOffset: number, month: number, day: number): string {
    const y = this.year + yearOffset;
    return isoDate(y, month, Math.min(day, daysInMonth(y, month)));
  }

  jan1(yearOffset: number): string {
    return this.on(yearOffset, 1, 1);
  }

  dec31(yearOffset: number): string {
    return this.on(yearOffset, 12, 31);
  }

  monthStart(offset: number): string {
    const index = this.monthIndex + offset;
    const y = Math.floor(index / 12);
    return isoDate(y, index - y * 12 + 1, 1);
  }

  monthEnd(offset: number): string {
    const index = this.monthIndex + offset;
    const y = Math.floor(index / 12);
    const m = index - y * 12 + 1;
    return isoDate(y, m, daysInMonth(y, m));
  }

  /** A date that has certainly passed: `iso` itself, or a few days before today if it has not. */
  past(iso: string, salt: string): string {
    return iso <= this.today ? iso : addDays(this.today, -(3 + (noise(salt, 'past') % 25)));
  }
}

// ---------------------------------------------------------------------------------------------
// Deterministic variety: FNV-1a hash of the parts, stirred by one mulberry32 step.

function noise(...parts: Array<string | number>): number {
  let h = 0x811c9dc5;
  for (const ch of parts.join('|')) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  let t = (h + 0x6d2b79f5) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}

const euros = (amount: number): number => Math.round(amount * 100);

// ---------------------------------------------------------------------------------------------
// Funders

const PLACES = {
  amsterdam: { name: 'Amsterdam', code: 'GM0363', prefix: 'AMS', website: 'https://www.amsterdam.nl' },
  rotterdam: { name: 'Rotterdam', code: 'GM0599', prefix: 'ROT', website: 'https://www.rotterdam.nl' },
  utrecht: { name: 'Utrecht', code: 'GM0344', prefix: 'UTR', website: 'https://www.utrecht.nl' },
  denhaag: { name: 'Den Haag', code: 'GM0518', prefix: 'DH', website: 'https://www.denhaag.nl' },
  eindhoven: { name: 'Eindhoven', code: 'GM0772', prefix: 'EHV', website: 'https://www.eindhoven.nl' },
  groningen: { name: 'Groningen', code: 'GM0014', prefix: 'GRO', website: 'https://gemeente.groningen.nl' },
  nijmegen: { name: 'Nijmegen', code: 'GM0268', prefix: 'NIJ', website: 'https://www.nijmegen.nl' },
  zwolle: { name: 'Zwolle', code: 'GM0193', prefix: 'ZWL', website: 'https://www.zwolle.nl' },
} as const;
type Place = keyof typeof PLACES;

const gemeenteKey = (place: Place): string => `gemeente-${place}`;

/** The non-municipal funders, by the short names the initiatives below use. */
const F = {
  provincie: 'provincie-gelderland',
  rijksfonds: 'rijksfonds-sociale-basis',
  gezondVerbond: 'zorgverzekeraar-gezond-verbond',
  samenSterk: 'fonds-samen-sterk',
  buurtkracht: 'stichting-buurtkracht',
  zilverenJaren: 'fonds-zilveren-jaren',
  groenVerbindt: 'fonds-groen-verbindt',
  gedeeldeBord: 'stichting-gedeelde-bord',
  lantaarn: 'stichting-de-lantaarn',
  bouwbedrijf: 'bouwbedrijf-van-der-heijden',
  buurtbank: 'cooperatieve-buurtbank',
  versmarkt: 'versmarkt-zuid',
  woonstichting: 'woonstichting-thuis-in-de-wijk',
  diaconie: 'diaconale-stichting-de-schakel',
} as const;

interface FunderDef extends DemoFunder {
  /** Prefix of the funder's file numbers (kenmerk). */
  refPrefix: string;
}

const FUNDERS: FunderDef[] = [
  ...(Object.keys(PLACES) as Place[]).map(
    (place): FunderDef => ({
      key: gemeenteKey(place),
      name: `Gemeente ${PLACES[place].name}`,
      type: 'municipality',
      municipalityCode: PLACES[place].code,
      website: PLACES[place].website,
      refPrefix: PLACES[place].prefix,
    }),
  ),
  { key: F.provincie, name: 'Provincie Gelderland', type: 'province', maxFundingYears: 4, website: 'https://www.gelderland.nl', refPrefix: 'PGLD' },
  { key: F.rijksfonds, name: 'Rijksfonds Sociale Basis', type: 'national', website: 'https://rijksfondssocialebasis.example', refPrefix: 'RSB' },
  { key: F.gezondVerbond, name: 'Zorgverzekeraar Gezond Verbond', type: 'health_insurer', website: 'https://gezondverbond.example', refPrefix: 'GV' },
  { key: F.samenSterk, name: 'Fonds Samen Sterk', type: 'foundation', maxFundingYears: 3, website: 'https://fondssamensterk.example', refPrefix: 'FSS' },
  { key: F.buurtkracht, name: 'Stichting Buurtkracht', type: 'foundation', maxFundingYears: 5, website: 'https://buurtkracht.example', refPrefix: 'SBK' },
  { key: F.zilverenJaren, name: 'Fonds Zilveren Jaren', type: 'foundation', website: 'https://zilverenjaren.example', refPrefix: 'FZJ' },
  { key: F.groenVerbindt, name: 'Fonds Groen Verbindt', type: 'foundation', website: 'https://groenverbindt.example', refPrefix: 'FGV' },
  { key: F.gedeeldeBord, name: 'Stichting Het Gedeelde Bord', type: 'foundation', website: 'https://hetgedeeldebord.example', refPrefix: 'SGB' },
  { key: F.lantaarn, name: 'Stichting De Lantaarn', type: 'foundation', website: 'https://delantaarn.example', refPrefix: 'SDL' },
  { key: F.bouwbedrijf, name: 'Bouwbedrijf Van der Heijden B.V.', type: 'company', website: 'https://vanderheijdenbouw.example', refPrefix: 'VDH' },
  { key: F.buurtbank, name: 'Coöperatieve Buurtbank U.A.', type: 'company', website: 'https://buurtbank.example', refPrefix: 'CBB' },
  { key: F.versmarkt, name: 'Versmarkt Zuid B.V.', type: 'company', website: 'https://versmarktzuid.example', refPrefix: 'VMZ' },
  { key: F.woonstichting, name: 'Woonstichting Thuis in de Wijk', type: 'other', website: 'https://thuisindewijk.example', refPrefix: 'WTW' },
  { key: F.diaconie, name: 'Diaconale Stichting De Schakel', type: 'other', refPrefix: 'DSS' },
];

const FUNDERS_BY_KEY = new Map(FUNDERS.map((f) => [f.key, f]));

function funderDef(key: string): FunderDef {
  const funder = FUNDERS_BY_KEY.get(key);
  if (!funder) throw new Error(`unknown demo funder ${key}`);
  return funder;
}

// ---------------------------------------------------------------------------------------------
// Commitments and their tranches

type Schedule = 'once' | 'yearly' | 'quarterly' | 'monthly' | 'none';

const SCHEDULE_MONTHS: Record<Exclude<Schedule, 'once' | 'none'>, number> = { yearly: 12, quarterly: 3, monthly: 1 };

/** The tranche periods DESIGN.md's `trancheSchedule` generates: consecutive periods of 12/3/1
 * months counted from the start, the last one cut at the end; `once` is the whole period. */
function schedulePeriods(start: string, end: string, schedule: Schedule): Array<[string, string]> {
  if (schedule === 'none') return [];
  if (schedule === 'once') return [[start, end]];
  const step = SCHEDULE_MONTHS[schedule];
  const periods: Array<[string, string]> = [];
  for (let k = 0; ; k++) {
    const periodStart = addMonths(start, k * step);
    if (periodStart > end) break;
    periods.push([periodStart, earlierOf(addDays(addMonths(start, (k + 1) * step), -1), end)]);
  }
  return periods;
}

/** Splits `total` into `n` amounts as equal as possible, the earliest taking the leftover cents. */
function splitEvenly(total: number, n: number): number[] {
  const base = Math.floor(total / n);
  const rest = total - base * n;
  return Array.from({ length: n }, (_, i) => base + (i < rest ? 1 : 0));
}

interface CommitmentPlan {
  funder: string;
  kind: CommitmentKind;
  title: string;
  start: string;
  end: string;
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
  decisionDate?: string;
  /** Cancel one tranche: `reissue` pays it again later over the same period; `reduce` drops it
   * and lowers the commitment's amount accordingly; `note` says why. */
  cancelTranche?: { index: number; mode: 'reissue' | 'reduce'; note?: string };
}

type MunicipalFollowUp = 'committed' | 'requested' | 'conditional' | 'declined' | 'none';

interface MunicipalPlan {
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

const PROGRAMME_CODES: Record<string, string> = {
  Wmo: 'WMO',
  Jeugd: 'JGD',
  Armoede: 'ARM',
  Participatie: 'PAR',
  Groen: 'GRN',
  Duurzaamheid: 'DRZ',
  Wonen: 'WON',
};

interface BudgetPlan {
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

interface InitiativeSpec {
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
class InitiativeBuilder {
  readonly cal: Calendar;
  readonly spec: InitiativeSpec;
  readonly foundedOn: string;
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
  private sizeEuros(start: string, end: string, share: number): number {
    let total = 0;
    for (let y = yearOf(start); y <= yearOf(end); y++) {
      const from = laterOf(start, isoDate(y, 1, 1));
      const to = earlierOf(end, isoDate(y, 12, 31));
      const days = dayNumber(to) - dayNumber(from) + 1;
      total += (this.needIn(y) * days) / (isLeapYear(y) ? 366 : 365);
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
    const periods = schedulePeriods(plan.start, plan.end, schedule);
    const amounts = splitEvenly(amountCents, Math.max(1, periods.length));
    const tranches: DemoTranche[] = periods.map(([periodStart, periodEnd], i) => ({
      periodStart,
      periodEnd,
      amountCents: amounts[i] ?? 0,
      dueOn: periodStart,
      ...this.trancheState(status, periodStart, `${salt}|${i}`),
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
  private trancheState(status: CommitmentStatus, dueOn: string, salt: string): { status: TrancheStatus; receivedOn?: string } {
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

  /** Committed euros attributed to [from, to]: tranches (or the whole period) spread over their days. */
  private fundedBetween(from: string, to: string): number {
    const first = dayNumber(from);
    const last = dayNumber(to);
    let cents = 0;
    for (const c of this.commitments) {
      if (c.status !== 'committed' && c.status !== 'completed') continue;
      const pieces = c.tranches.length === 0 ? [{ periodStart: c.startDate, periodEnd: c.endDate, amountCents: c.amountCents }] : c.tranches.filter((t) => t.status !== 'cancelled');
      for (const t of pieces) {
        const start = dayNumber(t.periodStart);
        const end = dayNumber(t.periodEnd);
        const days = Math.max(0, Math.min(end, last) - Math.max(start, first) + 1);
        cents += (t.amountCents * days) / (end - start + 1);
      }
    }
    return cents / 100;
  }

  /** Past years show what was actually spent (the annual accounts), which is about what came in.
   * The current year's budget is trimmed to fit the money coming in this month, as most
   * initiatives do, unless the spec runs a deficit. */
  private settleBudgets(): void {
    const { cal } = this;
    for (const budget of this.budgets) {
      if (budget.year < cal.year) {
        const funded = this.fundedBetween(isoDate(budget.year, 1, 1), isoDate(budget.year, 12, 31));
        if (funded <= 0) continue;
        const factor = 0.97 + (noise(this.spec.key, budget.year, 'realised') % 6) / 100;
        budget.amountCents = euros(Math.round((funded * factor) / 500) * 500);
      } else if (budget.year === cal.year && !this.spec.deficit && !this.spec.stopped) {
        const monthDays = dayNumber(cal.monthEnd(0)) - dayNumber(cal.monthStart(0)) + 1;
        const yearly = (this.fundedBetween(cal.monthStart(0), cal.monthEnd(0)) * (isLeapYear(cal.year) ? 366 : 365)) / monthDays;
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

// ---------------------------------------------------------------------------------------------
// The initiatives, five per gemeente

const INITIATIVES: InitiativeSpec[] = [
  // ----- Amsterdam
  {
    key: 'buurtkeuken-de-lepel',
    name: 'Buurtkeuken De Lepel',
    place: 'amsterdam',
    founded: [-7, 9, 12],
    domains: ['food', 'welfare', 'participation'],
    reserves: 14_000,
    shared: true,
    budget: { base: 86_000, growth: 0.04, from: -1 },
    description:
      'Buurtbewoners in Nieuw-West koken drie avonden per week samen en eten met buren die anders alleen aan tafel zitten. ' +
      'Vrijwilligers met een afstand tot de arbeidsmarkt draaien mee in de keuken en halen er hun hygiënecertificaat.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Wmo', 0.45, { from: -1, followUp: 'committed', what: 'buurtmaaltijden' });
      b.municipal('Armoede', 0.17, { from: 0, followUp: 'conditional', what: 'maaltijden voor minima' });
      b.grant(F.gedeeldeBord, `Bijdrage keukenploeg ${cal.year + 1}–${cal.year + 2}`, cal.jan1(1), cal.dec31(2), 0.25, { status: 'requested' });
      b.grant(F.gedeeldeBord, `Bijdrage keukenploeg ${cal.year - 1}–${cal.year}`, cal.jan1(-1), cal.dec31(0), 0.28, {
        schedule: 'quarterly',
        cancelTranche: { index: 2, mode: 'reissue' },
      });
      b.add({ funder: F.versmarkt, kind: 'in_kind', title: 'Dagverse producten (in natura)', start: cal.jan1(-1), end: cal.dec31(1), share: 0.08 });
      b.grant(F.zilverenJaren, 'Ouderentafel op zondag', cal.jan1(1), cal.dec31(1), 0.15, { status: 'declined', note: 'Afgewezen: valt buiten de doelgroep van het fonds (65+).' });
    },
  },
  {
    key: 'taalmaatjes-amsterdam-oost',
    deficit: true,
    name: 'Taalmaatjes Amsterdam-Oost',
    place: 'amsterdam',
    founded: [-5, 3, 2],
    domains: ['education', 'participation'],
    reserves: 3_000,
    budget: { base: 42_000, growth: 0.05 },
    description:
      'Vrijwillige taalcoaches oefenen één op één Nederlands met nieuwkomers en anderstalige ouders, thuis of in de bibliotheek. ' +
      'Begonnen als buurtproject, inmiddels ruim zestig koppels per jaar.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Participatie', 0.45, { what: 'taalcoaching' });
      b.grant(F.buurtkracht, `Bijdrage koppelingen ${cal.year - 1}–${cal.year}`, cal.on(-1, 9, 1), cal.on(0, 8, 31), 0.2, { schedule: 'once' });
      b.grant(F.buurtkracht, `Bijdrage koppelingen ${cal.year}–${cal.year + 1}`, cal.on(0, 9, 1), cal.on(1, 8, 31), 0.2, { status: 'requested' });
      b.donation(F.diaconie, -1, 1_500, 'Gift voor lesmateriaal');
    },
  },
  {
    key: 'repair-cafe-de-schroevendraaier',
    name: 'Repair Café De Schroevendraaier',
    place: 'amsterdam',
    founded: [-10, 4, 20],
    domains: ['climate', 'participation'],
    reserves: 6_000,
    budget: { base: 14_000, growth: 0.02 },
    description:
      'Elke eerste zaterdag van de maand repareren vrijwilligers in Amsterdam-Noord kapotte lampen, fietsen, kleding en koffiezetapparaten, samen met de eigenaar. ' +
      'Ontmoeting en hergebruik in één.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Duurzaamheid', 0.65, { schedule: 'once', followUp: 'committed', what: 'repaircafé' });
      b.donation(F.woonstichting, -1, 2_500, 'Bijdrage leefbaarheid');
      b.donation(F.woonstichting, 0, 2_800, 'Bijdrage leefbaarheid');
      b.add({ funder: F.bouwbedrijf, kind: 'in_kind', title: 'Gereedschap en materialen (in natura)', start: cal.jan1(-1), end: cal.dec31(1), share: 0.1 });
    },
  },
  {
    key: 'stadstuin-de-groene-hoek',
    deficit: true,
    name: 'Stadstuin De Groene Hoek',
    place: 'amsterdam',
    founded: [-6, 5, 15],
    domains: ['climate', 'food', 'participation'],
    reserves: 9_000,
    budget: { base: 58_000, growth: 0.03 },
    description:
      'Een braakliggend terrein in Zuidoost werd een moestuin waar buurtbewoners, statushouders en deelnemers van de dagbesteding samen groenten telen. ' +
      'De oogst gaat naar de buurtmaaltijd en de voedselbank.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Groen', 0.4, { what: 'stadstuin' });
      b.municipal('Participatie', 0.22, { from: -1, followUp: 'none', schedule: 'yearly', what: 'werkervaringsplekken' });
      b.grant(F.groenVerbindt, `Tuinbegeleiding ${cal.year - 1}–${cal.year + 1}`, cal.on(-1, 3, 1), cal.on(1, 2, 28), 0.3);
      b.donation(F.diaconie, -1, 2_000, 'Gift zaaigoed en gereedschap');
    },
  },
  {
    key: 'maatjes-op-de-fiets',
    name: 'Maatjes op de Fiets',
    place: 'amsterdam',
    founded: [-3, 6, 1],
    domains: ['care', 'welfare'],
    reserves: 2_000,
    budget: { base: 31_000, growth: 0.08 },
    description:
      'Vrijwilligers maken met bewoners van verpleeghuizen en aanleunwoningen in Amsterdam-West tochtjes op de duofiets. ' +
      'Even buiten, even bijpraten, samen de stad zien.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Wmo', 0.65, { followUp: 'conditional', what: 'duofietsen' });
      b.grant(F.gezondVerbond, 'Preventie eenzaamheid ouderen', cal.jan1(0), cal.dec31(1), 0.33);
      b.grant(F.zilverenJaren, `Tweede duofiets ${cal.year - 1}`, cal.jan1(-1), cal.dec31(-1), 0.2, { schedule: 'once' });
      b.grant(F.samenSterk, 'Uitbreiding naar Nieuw-West', cal.jan1(1), cal.dec31(2), 0.2, { status: 'declined', note: 'Afgewezen: te veel aanvragen in deze ronde.' });
    },
  },

  // ----- Rotterdam
  {
    key: 'dansavond-de-gouden-jaren',
    name: 'Dansavond De Gouden Jaren',
    place: 'rotterdam',
    founded: [-9, 10, 1],
    domains: ['care', 'welfare'],
    reserves: 30_000,
    shared: true,
    budget: { base: 92_000, growth: 0.01, to: 4 },
    description:
      'Maandelijkse dansavonden voor ouderen, met livemuziek, een sfeervol aangeklede zaal en vervoer voor wie slecht ter been is. ' +
      'Aantoonbaar effect op eenzaamheid en valrisico; inmiddels op zes locaties in Rotterdam, met een meerjarige afspraak met gemeente en zorgverzekeraar.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Wmo', 0.62, { to: -1, followUp: 'none', what: 'dansavonden voor ouderen' });
      b.add({
        funder: b.gemeente,
        kind: 'subsidy',
        programme: 'Wmo',
        title: `Meerjarige subsidie sociale basis ${cal.year}–${cal.year + 4}`,
        start: cal.jan1(0),
        end: cal.dec31(4),
        share: 0.68,
        schedule: 'yearly',
        renewable: true,
        note: 'Jaarlijks verslag met bezoekersaantallen vóór 1 mei.',
      });
      b.add({ funder: F.gezondVerbond, kind: 'contract', title: 'Preventiecontract valpreventie door dans', start: cal.jan1(-1), end: cal.dec31(4), share: 0.4, schedule: 'yearly' });
      b.grant(F.zilverenJaren, 'Vervoer naar de dansavond', cal.on(-1, 4, 1), cal.on(1, 3, 31), 0.1, { schedule: 'quarterly' });
      b.grant(F.zilverenJaren, 'Vervoer naar de dansavond (vervolg)', cal.on(1, 4, 1), cal.on(3, 3, 31), 0.08, { status: 'requested' });
      b.add({ funder: F.bouwbedrijf, kind: 'sponsorship', title: 'Sponsoring dansavonden (driejarig)', start: cal.jan1(-1), end: cal.dec31(1), euros: 7_500, schedule: 'yearly' });
    },
  },
  {
    key: 'buurtcooperatie-het-zuiderhart',
    name: 'Buurtcoöperatie Het Zuiderhart',
    place: 'rotterdam',
    founded: [-8, 1, 20],
    domains: ['welfare', 'participation', 'care'],
    reserves: 18_000,
    shared: true,
    budget: { base: 180_000, growth: 0.03 },
    description:
      'Bewoners van Charlois organiseren samen zorg en ondersteuning in de wijk: boodschappenhulp, een klussendienst, een buurtkamer en een wijkbus. ' +
      'Leden betalen een kleine contributie; vrijwilligers krijgen een vrijwilligersvergoeding.',
    funding: (b) => {
      const { cal } = b;
      // A two-year Wmo subsidy that ends two months from now; the new application is pending.
      b.add({ funder: b.gemeente, kind: 'subsidy', programme: 'Wmo', title: 'Tweejarige subsidie buurtcoöperatie (eerste periode)', start: cal.monthStart(-45), end: cal.monthEnd(-22), share: 0.7, schedule: 'quarterly', renewable: true });
      b.add({ funder: b.gemeente, kind: 'subsidy', programme: 'Wmo', title: 'Tweejarige subsidie buurtcoöperatie', start: cal.monthStart(-21), end: cal.monthEnd(2), share: 0.72, schedule: 'quarterly', renewable: true });
      b.add({ funder: b.gemeente, kind: 'subsidy', programme: 'Wmo', title: 'Tweejarige subsidie buurtcoöperatie (vervolg)', start: cal.monthStart(3), end: cal.monthEnd(26), share: 0.72, status: 'requested', renewable: true });
      b.add({ funder: F.woonstichting, kind: 'contract', title: 'Opdracht buurtbeheer en leefbaarheid', start: cal.jan1(-2), end: cal.dec31(1), share: 0.25, schedule: 'yearly' });
      b.donation(F.diaconie, -1, 4_000, 'Gift buurtkamer');
    },
  },
  {
    key: 'schuldhulpmaatjes-feijenoord',
    deficit: true,
    name: 'Schuldhulpmaatjes Feijenoord',
    place: 'rotterdam',
    founded: [-5, 8, 26],
    domains: ['welfare', 'participation'],
    reserves: 4_000,
    budget: { base: 54_000, growth: 0.04 },
    description:
      'Getrainde vrijwilligers helpen gezinnen met geldzorgen hun administratie op orde te krijgen en begeleiden hen naar de schuldhulpverlening. ' +
      'Vroeg erbij, zodat schulden niet verder oplopen.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Armoede', 0.42, { what: 'schuldhulpmaatjes' });
      b.grant(F.buurtkracht, 'Training nieuwe maatjes', cal.on(-1, 4, 1), cal.on(0, 3, 31), 0.2, { schedule: 'once' });
      b.add({ funder: F.buurtbank, kind: 'sponsorship', title: 'Sponsoring geldcafé', start: cal.jan1(0), end: cal.dec31(0), euros: 3_000 });
      b.donation(F.diaconie, -1, 2_500, 'Noodfonds voor gezinnen');
    },
  },
  {
    key: 'jongerenmoestuin-op-zuid',
    name: 'Jongerenmoestuin Op Zuid',
    place: 'rotterdam',
    founded: [-3, 4, 9],
    domains: ['food', 'climate', 'education'],
    reserves: 5_000,
    budget: { base: 36_000, growth: 0.1 },
    description:
      'Jongeren uit de wijk beheren samen met een tuinder een moestuin bij de brede school, leren over gezond eten en verkopen de oogst op de wijkmarkt.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Jeugd', 0.55, { what: 'jongerenmoestuin' });
      b.grant(F.groenVerbindt, `Groene leerplek ${cal.year - 1}–${cal.year + 1}`, cal.jan1(-1), cal.dec31(1), 0.35);
      b.add({ funder: F.versmarkt, kind: 'sponsorship', title: 'Afname oogst en sponsoring (tweejarig)', start: cal.jan1(0), end: cal.dec31(1), share: 0.07, schedule: 'yearly' });
      b.grant(F.rijksfonds, 'Opschaling naar drie scholen', cal.jan1(1), cal.dec31(2), 0.3, { status: 'declined', note: 'Afgewezen: geen landelijke spreiding.' });
    },
  },
  {
    key: 'kledingbank-de-jas',
    name: 'Kledingbank De Jas',
    place: 'rotterdam',
    founded: [-11, 2, 1],
    domains: ['welfare'],
    reserves: 11_000,
    budget: { base: 22_000, growth: 0.02 },
    description:
      'Gezinnen met een kleine beurs halen op verwijzing van het wijkteam gratis goede kleding; vrijwilligers sorteren, wassen en geven advies. ' +
      'Wat niet past gaat naar textielrecycling.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Armoede', 0.62, { schedule: 'yearly', what: 'kledingbank' });
      b.donation(F.diaconie, -1, 5_000, 'Jaarlijkse gift');
      b.donation(F.diaconie, 0, 5_500, 'Jaarlijkse gift');
      b.donation(F.diaconie, 1, 5_500, 'Jaarlijkse gift', { status: 'requested' });
      b.add({ funder: F.woonstichting, kind: 'in_kind', title: 'Opslagruimte om niet', start: cal.jan1(-2), end: cal.dec31(2), share: 0.1, reference: false });
    },
  },

  // ----- Utrecht
  {
    key: 'de-gedeelde-pan',
    name: 'De Gedeelde Pan',
    place: 'utrecht',
    founded: [-6, 2, 14],
    domains: ['food', 'welfare', 'participation'],
    reserves: 12_000,
    shared: true,
    budget: { base: 98_000, growth: 0.04 },
    description:
      'Thuiskoks in Overvecht koken een extra portie voor buurtgenoten, en twee keer per week is er een gezamenlijke maaltijd in de buurtkamer. ' +
      'Voor wie alleen is, weinig te besteden heeft of gewoon gezelschap zoekt. De gemeente financiert via drie programma’s: Wmo, Armoede en Participatie.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Wmo', 0.36, { followUp: 'committed', what: 'samen eten tegen eenzaamheid' });
      b.municipal('Armoede', 0.15, { from: 0, followUp: 'conditional', what: 'maaltijden voor minima' });
      b.add({ funder: b.gemeente, kind: 'subsidy', programme: 'Participatie', title: `Subsidie Participatie ${cal.year - 1}–${cal.year} – leerplekken keuken`, start: cal.jan1(-1), end: cal.dec31(0), share: 0.12, schedule: 'yearly' });
      // Fonds Samen Sterk funds at most three years: this grant ends within six months and
      // cannot be renewed (expiring + funder_limit).
      b.grant(F.samenSterk, 'Driejarige bijdrage thuiskoks', cal.monthStart(-30), cal.monthEnd(5), 0.3, { note: 'Maximale looptijd van drie jaar; geen verlenging mogelijk.' });
      b.add({ funder: F.versmarkt, kind: 'in_kind', title: 'Boodschappenpakketten (in natura)', start: cal.jan1(0), end: cal.dec31(1), share: 0.05 });
    },
  },
  {
    key: 'taalcafe-kanaleneiland',
    deficit: true,
    name: 'Taalcafé Kanaleneiland',
    place: 'utrecht',
    founded: [-4, 1, 10],
    domains: ['education', 'participation'],
    reserves: 3_500,
    budget: { base: 28_000, growth: 0.05 },
    description:
      'Wekelijks taalcafé waar nieuwkomers in kleine groepjes Nederlands oefenen met vrijwilligers, met aandacht voor formulieren, de school van de kinderen en werk zoeken.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Participatie', 0.55, { what: 'taalcafé' });
      b.grant(F.buurtkracht, 'Taalcafé in de wijk', cal.on(-1, 7, 1), cal.on(1, 6, 30), 0.3, { schedule: 'quarterly' });
      b.donation(F.diaconie, -1, 1_200, 'Gift koffie en thee');
      b.grant(F.samenSterk, 'Taalcafé voor ouders', cal.jan1(0), cal.dec31(1), 0.2, { status: 'withdrawn', note: 'Ingetrokken door het initiatief: overlapt met de bijdrage van Stichting Buurtkracht.' });
    },
  },
  {
    key: 'tuinmaatjes-utrecht',
    deficit: true,
    name: 'Tuinmaatjes Utrecht',
    place: 'utrecht',
    founded: [-5, 5, 4],
    domains: ['welfare', 'climate', 'care'],
    reserves: 2_500,
    budget: { base: 46_000, growth: 0.05 },
    description:
      'Teams van vrijwilligers knappen verwaarloosde tuinen van geïsoleerde ouderen op en blijven ze onderhouden. ' +
      'Tussen het snoeien door ontstaan contacten en vriendschappen; de wijkverpleging en het buurtteam verwijzen door.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Wmo', 0.35, { what: 'sociaal tuinieren' });
      b.grant(F.groenVerbindt, 'Tuinploegen in vier wijken', cal.on(-1, 5, 1), cal.on(0, 4, 30), 0.25, { schedule: 'once' });
      b.grant(F.gezondVerbond, 'Preventie: bewegen in de tuin', cal.jan1(1), cal.dec31(1), 0.2, { status: 'conditional', note: 'Voorwaardelijk: bij een positieve tussenevaluatie.' });
      b.add({ funder: F.buurtbank, kind: 'sponsorship', title: 'Sponsoring aanhangwagen', start: cal.jan1(-1), end: cal.dec31(-1), euros: 2_000 });
    },
  },
  {
    key: 'klussendienst-handig-in-de-wijk',
    name: 'Klussendienst Handig in de Wijk',
    place: 'utrecht',
    founded: [-7, 10, 3],
    domains: ['welfare', 'housing', 'participation'],
    reserves: 8_000,
    budget: { base: 64_000, growth: 0.03 },
    description:
      'Vrijwilligers en werkzoekenden doen kleine klussen bij ouderen en mensen met een beperking in Utrecht-Zuidwest: een lamp ophangen, een drempel weghalen, de tuin winterklaar maken. ' +
      'Zo kunnen mensen langer veilig thuis wonen.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Wmo', 0.5, { followUp: 'committed', what: 'klussendienst' });
      b.add({ funder: b.gemeente, kind: 'subsidy', programme: 'Participatie', title: `Subsidie Participatie ${cal.year}–${cal.year + 1} – leerwerkplekken`, start: cal.jan1(0), end: cal.dec31(1), share: 0.2, schedule: 'yearly' });
      b.add({ funder: F.woonstichting, kind: 'contract', title: 'Opdracht kleine reparaties huurwoningen', start: cal.jan1(-1), end: cal.dec31(1), share: 0.28, schedule: 'quarterly' });
      b.grant(F.rijksfonds, 'Landelijke uitrol klussendienst', cal.jan1(1), cal.dec31(2), 0.2, { status: 'declined', note: 'Afgewezen: regeling overtekend.' });
    },
  },
  {
    key: 'buurtkamer-de-stek',
    name: 'Buurtkamer De Stek',
    place: 'utrecht',
    founded: [-11, 3, 1],
    domains: ['welfare', 'care'],
    reserves: 22_000,
    shared: true,
    budget: { base: 64_000, growth: 0.01, to: 4 },
    description:
      'Open huiskamer in Lunetten, vijf dagen per week, gerund door bewoners met ondersteuning van één coördinator. ' +
      'Koffie, een warme lunch, het spreekuur van de ouderenadviseur en een plek waar iedereen welkom is. Sinds kort een vaste basisvoorziening van de gemeente.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Wmo', 0.78, { from: -2, to: -2, followUp: 'none', what: 'buurtkamer' });
      b.add({
        funder: b.gemeente,
        kind: 'subsidy',
        programme: 'Wmo',
        title: `Meerjarige subsidie basisvoorziening buurtkamers ${cal.year - 1}–${cal.year + 4}`,
        start: cal.jan1(-1),
        end: cal.dec31(4),
        share: 0.82,
        schedule: 'yearly',
        renewable: true,
      });
      b.add({ funder: F.woonstichting, kind: 'in_kind', title: 'Huurvrije buurtruimte', start: cal.jan1(-2), end: cal.dec31(5), share: 0.25 });
      b.add({ funder: F.diaconie, kind: 'donation', title: 'Meerjarige gift warme lunch', start: cal.jan1(-1), end: cal.dec31(2), share: 0.08, schedule: 'yearly', reference: false });
      b.donation(F.versmarkt, -2, 1_500, 'Kerstpakketten voor bezoekers');
    },
  },

  // ----- Den Haag
  {
    key: 'samen-aan-tafel-transvaal',
    name: 'Samen aan Tafel Transvaal',
    place: 'denhaag',
    founded: [-8, 6, 6],
    domains: ['food', 'welfare'],
    reserves: 10_000,
    budget: { base: 72_000, growth: 0.03 },
    description:
      'Iedere dinsdag en donderdag een driegangenmaaltijd voor vijf euro in het buurthuis, gekookt door een vaste ploeg vrijwilligers uit de wijk. ' +
      'Wie het niet kan betalen eet mee op een gespaarde maaltijdbon.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Wmo', 0.45, { what: 'buurtmaaltijden' });
      b.municipal('Armoede', 0.18, { from: -1, what: 'maaltijdbonnen' });
      b.grant(F.gedeeldeBord, `Keuken en vrijwilligers ${cal.year}–${cal.year + 1}`, cal.jan1(0), cal.dec31(1), 0.3);
      b.add({ funder: F.versmarkt, kind: 'in_kind', title: 'Levensmiddelen (in natura)', start: cal.jan1(-1), end: cal.dec31(1), share: 0.06 });
    },
  },
  {
    key: 'belcirkel-scheveningen',
    name: 'Belcirkel Scheveningen',
    place: 'denhaag',
    founded: [-6, 4, 1],
    domains: ['welfare', 'care'],
    reserves: 2_000,
    budget: { base: 26_000, growth: 0.03, from: -1 },
    description:
      'Vrijwilligers bellen dagelijks of wekelijks met alleenwonende ouderen: een vast belmoment, een vertrouwde stem en een seintje naar de mantelzorger als er iets niet in orde lijkt. ' +
      'Ontstaan in de eerste lockdown.',
    funding: (b) => {
      const { cal } = b;
      // The gemeente funds project years, not calendar years; the next year was declined.
      b.add({ funder: b.gemeente, kind: 'subsidy', programme: 'Wmo', title: 'Projectsubsidie eenzaamheid – belcirkel (startjaar)', start: cal.monthStart(-32), end: cal.monthEnd(-21), share: 0.7, schedule: 'once' });
      b.add({ funder: b.gemeente, kind: 'subsidy', programme: 'Wmo', title: 'Projectsubsidie eenzaamheid – belcirkel (jaar 1)', start: cal.monthStart(-20), end: cal.monthEnd(-9), share: 0.7, schedule: 'quarterly' });
      b.add({ funder: b.gemeente, kind: 'subsidy', programme: 'Wmo', title: 'Projectsubsidie eenzaamheid – belcirkel (jaar 2)', start: cal.monthStart(-8), end: cal.monthEnd(3), share: 0.72, schedule: 'quarterly' });
      b.add({
        funder: b.gemeente,
        kind: 'subsidy',
        programme: 'Wmo',
        title: 'Projectsubsidie eenzaamheid – belcirkel (jaar 3)',
        start: cal.monthStart(4),
        end: cal.monthEnd(15),
        share: 0.72,
        status: 'declined',
        note: 'Afgewezen: past niet binnen het nieuwe beleidskader eenzaamheid.',
      });
      b.grant(F.zilverenJaren, 'Werving en training belvrijwilligers', cal.jan1(0), cal.dec31(1), 0.2);
      b.grant(F.samenSterk, 'Belcirkel: doorstart', cal.monthStart(4), cal.monthEnd(27), 0.4, { status: 'requested' });
    },
  },
  {
    key: 'huiswerkklas-de-leerboom',
    deficit: true,
    name: 'Huiswerkklas De Leerboom',
    place: 'denhaag',
    founded: [-5, 9, 15],
    domains: ['education'],
    reserves: 1_500,
    budget: { base: 39_000, growth: 0.06 },
    description:
      'Studenten en gepensioneerde docenten begeleiden kinderen uit groep 7 en 8 en de brugklas in de Schilderswijk bij huiswerk en plannen, vier middagen per week in het wijkcentrum. ' +
      'Ouders worden betrokken via koffieochtenden.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Jeugd', 0.38, { what: 'huiswerkbegeleiding' });
      b.grant(F.buurtkracht, `Schooljaar ${cal.year - 1}–${cal.year}`, cal.on(-1, 9, 1), cal.on(0, 8, 31), 0.22, { schedule: 'once' });
      b.grant(F.buurtkracht, `Schooljaar ${cal.year}–${cal.year + 1}`, cal.on(0, 9, 1), cal.on(1, 8, 31), 0.22, { status: 'conditional', note: 'Voorwaardelijk: alleen bij cofinanciering door de gemeente.' });
      b.add({ funder: F.buurtbank, kind: 'sponsorship', title: 'Sponsoring laptops', start: cal.jan1(0), end: cal.dec31(0), euros: 1_500 });
    },
  },
  {
    key: 'wijkrestaurant-de-ketel',
    name: 'Wijkrestaurant De Ketel',
    place: 'denhaag',
    founded: [-9, 3, 1],
    domains: ['food', 'participation'],
    reserves: 0,
    stopped: true,
    budget: { base: 80_000, growth: 0.03, from: -4, to: -1, lastFactor: 0.5, lastNote: 'Afbouw; activiteiten gestopt per 1 juli' },
    description: (year) =>
      'Wijkrestaurant in Moerwijk waar mensen met een afstand tot de arbeidsmarkt leerden koken en bedienen. ' +
      `Gestopt in ${year - 1}, nadat de subsidie Participatie niet werd verlengd en de vaste kern van vrijwilligers uit elkaar viel.`,
    funding: (b) => {
      const { cal } = b;
      b.add({ funder: b.gemeente, kind: 'subsidy', programme: 'Participatie', title: `Subsidie Participatie ${cal.year - 4}–${cal.year - 3}`, start: cal.jan1(-4), end: cal.dec31(-3), share: 0.5, schedule: 'yearly' });
      b.add({ funder: b.gemeente, kind: 'subsidy', programme: 'Participatie', title: `Subsidie Participatie ${cal.year - 2}–${cal.year - 1} (afbouw)`, start: cal.jan1(-2), end: cal.on(-1, 6, 30), share: 0.45, schedule: 'yearly' });
      b.grant(F.samenSterk, 'Leerwerktraject keuken', cal.on(-3, 7, 1), cal.on(-2, 6, 30), 0.25, { schedule: 'quarterly', cancelTranche: { index: 3, mode: 'reduce' } });
      b.add({ funder: b.gemeente, kind: 'subsidy', programme: 'Participatie', title: `Subsidie Participatie ${cal.year - 1}–${cal.year}`, start: cal.on(-1, 7, 1), end: cal.on(0, 6, 30), share: 0.45, status: 'declined', note: 'Afgewezen: het initiatief voldoet niet meer aan de voorwaarden.' });
      b.grant(F.gedeeldeBord, 'Doorstart wijkrestaurant', cal.on(-1, 7, 1), cal.on(0, 6, 30), 0.2, { status: 'withdrawn', note: 'Ingetrokken na het besluit om te stoppen.' });
    },
  },
  {
    key: 'fietsschool-vrouwen-op-de-fiets',
    deficit: true,
    name: 'Fietsschool Vrouwen op de Fiets',
    place: 'denhaag',
    founded: [-7, 5, 20],
    domains: ['participation', 'education'],
    reserves: 1_000,
    budget: { base: 38_000, growth: 0.05 },
    description:
      'Vrijwillige fietsdocenten leren vrouwen in Laak die nooit hebben leren fietsen in tien lessen veilig de weg op. ' +
      'Meer zelfstandigheid, toegang tot werk en cursussen, en een groep om op terug te vallen.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Participatie', 0.45, { to: -1, followUp: 'none', what: 'fietslessen' });
      b.add({
        funder: b.gemeente,
        kind: 'subsidy',
        programme: 'Participatie',
        title: `Subsidie Participatie ${cal.year} – fietslessen`,
        start: cal.jan1(0),
        end: cal.dec31(0),
        share: 0.28,
        schedule: 'quarterly',
        renewable: true,
        note: 'Lager vastgesteld dan aangevraagd wegens bezuiniging op de regeling.',
      });
      b.add({ funder: b.gemeente, kind: 'subsidy', programme: 'Participatie', title: `Subsidie Participatie ${cal.year + 1} – fietslessen`, start: cal.jan1(1), end: cal.dec31(1), share: 0.4, status: 'requested', renewable: true });
      b.grant(F.lantaarn, 'Fietslessen voor nieuwkomers', cal.on(0, 7, 1), cal.on(1, 6, 30), 0.3, { status: 'requested' });
      b.grant(F.samenSterk, 'Fietsmaatjes na de cursus', cal.jan1(0), cal.dec31(0), 0.25, { status: 'declined', note: 'Afgewezen: onvoldoende cofinanciering.' });
      b.donation(F.diaconie, -1, 1_800, 'Gift fietsen en helmen');
    },
  },

  // ----- Eindhoven
  {
    key: 'voedselbos-woensel',
    name: 'Voedselbos Woensel',
    place: 'eindhoven',
    founded: [-4, 3, 21],
    domains: ['climate', 'food', 'participation'],
    reserves: 7_000,
    budget: { base: 52_000, growth: 0.06 },
    description:
      'Bewoners planten en beheren samen een voedselbos op een voormalig grasveld: notenbomen, fruitstruiken en kruiden. ' +
      'Scholen krijgen er natuurlessen en deelnemers van de dagbesteding werken er wekelijks mee.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Groen', 0.45, { what: 'voedselbos' });
      b.grant(F.rijksfonds, 'Impulsregeling groen en gezond', cal.jan1(-1), cal.dec31(1), 0.28);
      b.grant(F.groenVerbindt, 'Aanplant tweede fase', cal.on(-1, 10, 1), cal.on(1, 9, 30), 0.22);
      b.add({ funder: F.bouwbedrijf, kind: 'sponsorship', title: 'Sponsoring plantgoed (driejarig)', start: cal.jan1(-1), end: cal.dec31(1), share: 0.05, schedule: 'yearly' });
    },
  },
  {
    key: 'digicafe-55-plus',
    name: 'Digicafé 55+',
    place: 'eindhoven',
    founded: [-10, 9, 9],
    domains: ['education', 'welfare'],
    reserves: 9_000,
    budget: { base: 18_000, growth: 0.02 },
    description:
      'Senioren krijgen op dinsdagochtend in de bibliotheek hulp van vrijwilligers bij hun telefoon, tablet, DigiD en online bankieren. ' +
      'Minder afhankelijk, minder kans op oplichting.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Wmo', 0.65, { schedule: 'once', followUp: 'committed', what: 'digitale vaardigheden senioren' });
      b.add({
        funder: F.buurtbank,
        kind: 'sponsorship',
        title: 'Driejarige sponsorovereenkomst veilig bankieren',
        start: cal.jan1(-1),
        end: cal.dec31(1),
        euros: 15_000,
        schedule: 'yearly',
        cancelTranche: { index: 2, mode: 'reduce', note: `De sponsor heeft de bijdrage voor ${cal.year + 1} geschrapt na een reorganisatie.` },
      });
      b.donation(F.diaconie, 0, 1_000, 'Gift leenlaptops');
    },
  },
  {
    key: 'maatjesproject-samen-op-stap',
    name: 'Maatjesproject Samen Op Stap',
    place: 'eindhoven',
    founded: [-7, 11, 1],
    domains: ['care', 'welfare'],
    reserves: 6_000,
    budget: { base: 68_000, growth: 0.03 },
    description:
      'Vrijwillige maatjes trekken een jaar lang op met mensen met een psychische kwetsbaarheid die weer willen meedoen: samen sporten, naar de markt of een museum. ' +
      'De ggz en het wijkteam verwijzen door.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Wmo', 0.45, { what: 'maatjesproject' });
      // Two-year grant that ends next month; the fund does not renew, a new fund is asked.
      b.grant(F.lantaarn, 'Maatjes voor mensen met een psychische kwetsbaarheid', cal.monthStart(-22), cal.monthEnd(1), 0.3, { schedule: 'quarterly' });
      b.grant(F.gezondVerbond, 'Herstel en meedoen', cal.jan1(-1), cal.dec31(1), 0.22);
      b.grant(F.samenSterk, 'Samen Op Stap: tweede fase', cal.monthStart(2), cal.monthEnd(25), 0.3, { status: 'requested' });
    },
  },
  {
    key: 'kledingruil-de-kast',
    name: 'Kledingruil De Kast',
    place: 'eindhoven',
    founded: [-6, 8, 30],
    domains: ['climate', 'welfare'],
    reserves: 4_000,
    noKvk: true,
    budget: { base: 10_000, growth: 0.02, from: -1 },
    description:
      'Ruilwinkel voor kinder- en volwassenenkleding in het buurthuis, gerund door vrijwilligers onder de vlag van de wijkvereniging. ' +
      'Gezinnen met een kleine beurs ruilen gratis; overschotten gaan naar textielrecycling.',
    funding: (b) => {
      b.donation(F.diaconie, -1, 2_700, 'Gift kledingruil');
      b.donation(F.diaconie, 0, 2_800, 'Gift kledingruil');
      b.municipal('Armoede', 0.55, { schedule: 'once', what: 'kledingruil' });
      b.add({ funder: F.versmarkt, kind: 'sponsorship', title: 'Sponsoring kledingrekken en tassen', start: b.cal.jan1(-1), end: b.cal.dec31(1), share: 0.1, schedule: 'yearly' });
    },
  },
  {
    key: 'jongerenpunt-lichtpunt',
    name: 'Jongerenpunt Lichtpunt',
    place: 'eindhoven',
    founded: [-2, 2, 1],
    domains: ['care', 'education'],
    reserves: 3_000,
    budget: { base: 44_000, growth: 0.12 },
    description:
      'Inloop en lotgenotengroepen voor jongeren van 16 tot 27 met psychische klachten, begeleid door ervaringsdeskundigen. ' +
      'Laagdrempelig, zonder wachtlijst en zonder indicatie.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Jeugd', 0.45, { followUp: 'conditional', what: 'inloop jongeren' });
      b.grant(F.gezondVerbond, 'Preventie mentale gezondheid jongeren', cal.jan1(-1), cal.dec31(1), 0.28);
      b.grant(F.lantaarn, 'Ervaringsdeskundigen in de inloop', cal.jan1(0), cal.dec31(2), 0.25);
      b.grant(F.rijksfonds, 'Landelijke aanpak mentale gezondheid', cal.jan1(0), cal.dec31(1), 0.3, { status: 'declined', note: 'Afgewezen: initiatief te jong (minder dan drie jaar actief).' });
    },
  },

  // ----- Groningen
  {
    key: 'buurtcooperatie-selwerd',
    name: 'Buurtcoöperatie Selwerd',
    place: 'groningen',
    founded: [-9, 5, 5],
    domains: ['welfare', 'care', 'housing'],
    reserves: 25_000,
    shared: true,
    budget: { base: 140_000, growth: 0.03 },
    description:
      'Coöperatie van en voor bewoners van Selwerd: een wijkbedrijf voor klussen en groenonderhoud, een buurtkamer en ondersteuning van buren die hulp nodig hebben. ' +
      'Werkt nauw samen met het wijkteam.',
    funding: (b) => {
      const { cal } = b;
      b.add({ funder: b.gemeente, kind: 'subsidy', programme: 'Wmo', title: `Subsidie Wmo ${cal.year - 2}–${cal.year - 1} – buurtcoöperatie`, start: cal.jan1(-2), end: cal.dec31(-1), share: 0.45, schedule: 'quarterly', renewable: true });
      b.add({ funder: b.gemeente, kind: 'subsidy', programme: 'Wmo', title: `Subsidie Wmo ${cal.year}–${cal.year + 1} – buurtcoöperatie`, start: cal.jan1(0), end: cal.dec31(1), share: 0.45, schedule: 'quarterly', renewable: true });
      b.municipal('Participatie', 0.18, { from: -1, what: 'wijkbedrijf' });
      b.add({ funder: F.woonstichting, kind: 'contract', title: 'Opdracht groenonderhoud en schoonmaak', start: cal.jan1(-1), end: cal.dec31(1), share: 0.25, schedule: 'quarterly' });
      b.grant(F.rijksfonds, 'Proeftuin buurtcoöperaties', cal.jan1(0), cal.dec31(1), 0.1);
    },
  },
  {
    key: 'stadstuin-de-wortel',
    name: 'Stadstuin De Wortel',
    place: 'groningen',
    founded: [-5, 4, 22],
    domains: ['climate', 'food', 'participation'],
    reserves: 12_000,
    budget: { base: 48_000, growth: 0.01, to: 4 },
    description:
      'Stadstuin op het terrein van een voormalige kwekerij, waar wijkbewoners, mensen uit de ggz en nieuwkomers samen tuinieren. ' +
      'Sinds dit jaar vast onderdeel van de sociale basis van de gemeente, met een meerjarige afspraak en een landelijke impulsbijdrage.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Groen', 0.5, { from: -2, to: -2, followUp: 'none', what: 'stadstuin' });
      b.municipal('Groen', 0.55, { from: -1, to: -1, followUp: 'none', what: 'stadstuin' });
      b.add({ funder: b.gemeente, kind: 'subsidy', programme: 'Groen', title: `Meerjarige subsidie sociale basis ${cal.year}–${cal.year + 4}`, start: cal.jan1(0), end: cal.dec31(4), share: 0.62, schedule: 'yearly', renewable: true });
      b.grant(F.rijksfonds, 'Impulsregeling groen en gezond (vijfjarig)', cal.on(-1, 7, 1), cal.dec31(4), 0.46);
      b.donation(F.diaconie, -1, 1_500, 'Gift kas en gereedschap');
    },
  },
  {
    key: 'samen-eten-oosterpark',
    name: 'Samen Eten Oosterpark',
    place: 'groningen',
    founded: [-6, 1, 15],
    domains: ['food', 'welfare'],
    reserves: 5_000,
    budget: { base: 34_000, growth: 0.03 },
    description:
      'Drie keer per week een warme maaltijd in de Oosterparkwijk, gekookt door buurtbewoners die het leuk vinden om voor anderen te koken. ' +
      'Mensen die weinig de deur uitkomen worden opgehaald.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Wmo', 0.6, { what: 'samen eten' });
      b.grant(F.gedeeldeBord, `Buurtmaaltijden ${cal.year - 1}–${cal.year}`, cal.jan1(-1), cal.dec31(0), 0.3);
      b.grant(F.gedeeldeBord, `Buurtmaaltijden ${cal.year + 1}–${cal.year + 2}`, cal.jan1(1), cal.dec31(2), 0.25, { status: 'requested' });
      b.add({ funder: F.versmarkt, kind: 'in_kind', title: 'Levensmiddelen (in natura)', start: cal.jan1(0), end: cal.dec31(1), share: 0.06 });
    },
  },
  {
    key: 'taalsteun-vinkhuizen',
    name: 'Taalsteun Vinkhuizen',
    place: 'groningen',
    founded: [-8, 9, 1],
    domains: ['education', 'participation'],
    reserves: 4_000,
    budget: { base: 30_000, growth: 0.03 },
    description:
      'Taalvrijwilligers helpen laaggeletterde volwassenen en nieuwkomers met lezen, schrijven en de digitale overheid, in kleine groepen in het buurtcentrum.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Participatie', 0.7, { schedule: 'yearly', followUp: 'committed', what: 'taalsteun' });
      b.grant(F.buurtkracht, `Taalgroepen ${cal.year - 2}–${cal.year - 1}`, cal.jan1(-2), cal.dec31(-1), 0.25);
      b.grant(F.buurtkracht, `Taalgroepen ${cal.year}–${cal.year + 1}`, cal.jan1(0), cal.dec31(1), 0.28);
      b.grant(F.samenSterk, 'Digitale taalhulp', cal.jan1(1), cal.dec31(2), 0.2, { status: 'declined', note: 'Afgewezen: het fonds financiert al een vergelijkbaar project in de regio.' });
    },
  },
  {
    key: 'dansmiddag-martini',
    name: 'Dansmiddag Martini',
    place: 'groningen',
    founded: [-7, 10, 10],
    domains: ['care', 'welfare'],
    reserves: 0,
    stopped: true,
    budget: { base: 30_000, growth: 0.03, from: -3, to: -1, lastFactor: 0.5, lastNote: 'Afbouw; laatste dansmiddag in juni' },
    description: (year) =>
      'Maandelijkse dansmiddag voor ouderen, mensen met dementie en hun mantelzorgers. ' +
      `Gestopt in ${year - 1}, na vijf jaar: de pilotsubsidie liep af en een structurele plek in de Wmo-begroting bleef uit.`,
    funding: (b) => {
      const { cal } = b;
      b.add({ funder: b.gemeente, kind: 'subsidy', programme: 'Wmo', title: `Pilotsubsidie dansmiddagen ${cal.year - 3}`, start: cal.jan1(-3), end: cal.dec31(-3), share: 0.5, schedule: 'once' });
      b.add({ funder: b.gemeente, kind: 'subsidy', programme: 'Wmo', title: `Subsidie Wmo ${cal.year - 2} – dansmiddagen`, start: cal.jan1(-2), end: cal.dec31(-2), share: 0.5, schedule: 'once' });
      b.grant(F.zilverenJaren, 'Dansmiddagen voor mensen met dementie', cal.jan1(-3), cal.dec31(-2), 0.3);
      b.add({ funder: b.gemeente, kind: 'subsidy', programme: 'Wmo', title: `Subsidie Wmo ${cal.year - 1} – dansmiddagen`, start: cal.jan1(-1), end: cal.dec31(-1), share: 0.5, status: 'declined', note: 'Afgewezen: geen ruimte in de Wmo-begroting.' });
      b.grant(F.zilverenJaren, 'Overbruggingsbijdrage', cal.jan1(-1), cal.on(-1, 6, 30), 0.6, { schedule: 'once' });
    },
  },

  // ----- Nijmegen
  {
    key: 'wooncooperatie-samen-oud-lindenholt',
    name: 'Wooncoöperatie Samen Oud Lindenholt',
    place: 'nijmegen',
    founded: [-7, 6, 1],
    domains: ['housing', 'care', 'welfare'],
    reserves: 20_000,
    shared: true,
    budget: { base: 75_000, growth: 0.04 },
    description:
      'Ouderen uit Lindenholt ontwikkelen samen een wooncoöperatie met twintig levensloopbestendige woningen en een gemeenschappelijke ruimte, ' +
      'zodat zij in de wijk oud kunnen worden en naar elkaar blijven omkijken.',
    funding: (b) => {
      const { cal } = b;
      // Provincie Gelderland funds at most four years: the limit falls on 1 January of Y+2.
      b.grant(F.provincie, `Programma Gelders Wonen en Zorg ${cal.year - 2}–${cal.year}`, cal.jan1(-2), cal.dec31(0), 0.38, { programme: 'Wonen en Zorg' });
      b.grant(F.provincie, `Programma Gelders Wonen en Zorg ${cal.year + 1}`, cal.jan1(1), cal.dec31(1), 0.3, {
        programme: 'Wonen en Zorg',
        status: 'requested',
        note: 'Laatste jaar binnen de maximale looptijd van vier jaar.',
      });
      b.municipal('Wonen', 0.3, { what: 'wooncoöperatie ouderen' });
      b.add({ funder: F.buurtbank, kind: 'loan', title: 'Voorfinanciering ontwikkelfase', start: cal.jan1(-1), end: cal.dec31(2), share: 0.1, schedule: 'once', note: 'Aflossing na oplevering van de woningen.' });
      b.grant(F.buurtkracht, 'Bewonersparticipatie in het bouwproces', cal.on(-1, 4, 1), cal.on(1, 3, 31), 0.2);
    },
  },
  {
    key: 'fietsenwerkplaats-de-spaak',
    name: 'Fietsenwerkplaats De Spaak',
    place: 'nijmegen',
    founded: [-10, 1, 8],
    domains: ['participation', 'climate'],
    reserves: 15_000,
    budget: { base: 95_000, growth: 0.02 },
    description:
      'Werkplaats waar mensen met een afstand tot de arbeidsmarkt onder begeleiding fietsen opknappen, die daarna betaalbaar worden verkocht aan statushouders en studenten.',
    funding: (b) => {
      const { cal } = b;
      b.add({ funder: b.gemeente, kind: 'contract', programme: 'Participatie', title: `Opdracht werkervaringsplekken ${cal.year - 3}–${cal.year - 2}`, start: cal.jan1(-3), end: cal.dec31(-2), share: 0.7, schedule: 'quarterly' });
      b.add({ funder: b.gemeente, kind: 'contract', programme: 'Participatie', title: `Opdracht werkervaringsplekken ${cal.year - 1}–${cal.year}`, start: cal.jan1(-1), end: cal.dec31(0), share: 0.72, schedule: 'quarterly' });
      b.add({
        funder: b.gemeente,
        kind: 'contract',
        programme: 'Participatie',
        title: `Opdracht werkervaringsplekken ${cal.year + 1}–${cal.year + 2}`,
        start: cal.jan1(1),
        end: cal.dec31(2),
        share: 0.7,
        status: 'conditional',
        schedule: 'quarterly',
        note: 'Gunning onder voorbehoud van de uitkomst van de marktconsultatie.',
      });
      b.grant(F.groenVerbindt, 'Circulaire fietsen', cal.jan1(0), cal.dec31(1), 0.22);
      b.add({ funder: F.buurtbank, kind: 'sponsorship', title: 'Sponsoring gereedschap (tweejarig)', start: cal.jan1(0), end: cal.dec31(1), euros: 6_000, schedule: 'yearly' });
      b.grant(F.rijksfonds, 'Werkplaats als leerbedrijf', cal.jan1(1), cal.dec31(2), 0.2, { status: 'declined', note: 'Afgewezen: geen erkend leerbedrijf.' });
    },
  },
  {
    key: 'samen-koken-hatert',
    name: 'Samen Koken Hatert',
    place: 'nijmegen',
    founded: [-6, 9, 20],
    domains: ['food', 'welfare'],
    reserves: 4_000,
    budget: { base: 58_000, growth: 0.03 },
    description:
      'Buurtgenoten koken om de beurt voor elkaar in de keuken van het wijkcentrum; wie weinig te besteden heeft betaalt wat hij kan. ' +
      'Ook een kookcursus voor jonge vaders.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Wmo', 0.5, { followUp: 'conditional', what: 'samen koken' });
      b.municipal('Armoede', 0.15, { from: 0, followUp: 'none', what: 'maaltijden voor minima' });
      b.grant(F.gedeeldeBord, 'Kookcursus jonge vaders', cal.on(-1, 7, 1), cal.on(1, 6, 30), 0.3, { schedule: 'quarterly' });
      b.donation(F.diaconie, -1, 2_000, 'Gift kerstdiner');
    },
  },
  {
    key: 'mantelzorgcafe-de-verademing',
    name: 'Mantelzorgcafé De Verademing',
    place: 'nijmegen',
    founded: [-8, 11, 11],
    domains: ['care', 'welfare'],
    reserves: 6_000,
    budget: { base: 27_000, growth: 0.03 },
    description:
      'Maandelijkse bijeenkomsten en een wekelijkse inloop voor mantelzorgers: even op adem komen, ervaringen delen en praktische tips over regelingen en respijtzorg.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Wmo', 0.65, { followUp: 'committed', what: 'mantelzorgondersteuning' });
      b.grant(F.gezondVerbond, 'Preventie overbelasting mantelzorgers', cal.jan1(0), cal.dec31(1), 0.3);
      b.grant(F.zilverenJaren, `Lotgenotengroepen ${cal.year - 1}`, cal.jan1(-1), cal.dec31(-1), 0.2, { schedule: 'once' });
    },
  },
  {
    key: 'buurtbus-dukenburg',
    name: 'Buurtbus Dukenburg',
    place: 'nijmegen',
    founded: [-4, 6, 15],
    domains: ['care', 'participation'],
    reserves: 3_000,
    budget: { base: 41_000, growth: 0.05 },
    description:
      'Vrijwillige chauffeurs rijden ouderen en mensen met een beperking naar de huisarts, de markt en het buurthuis. Een ritje kost een euro.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Wmo', 0.55, { what: 'buurtbus' });
      b.grant(F.provincie, 'Kleine kernen mobiel', cal.jan1(-1), cal.dec31(0), 0.33, { programme: 'Mobiliteit' });
      b.add({ funder: F.buurtbank, kind: 'sponsorship', title: 'Sponsoring tweede bus', start: cal.jan1(-1), end: cal.dec31(1), share: 0.1, schedule: 'yearly' });
    },
  },

  // ----- Zwolle
  {
    key: 'stadsakker-zwolle',
    name: 'Stadsakker Zwolle',
    place: 'zwolle',
    founded: [-9, 3, 30],
    domains: ['food', 'climate', 'participation'],
    reserves: 9_000,
    budget: { base: 62_000, growth: 0.03 },
    description:
      'Stadslandbouw aan de rand van de stad, waar deelnemers met een afstand tot de arbeidsmarkt groenten telen voor de voedselbank en voor restaurants in de binnenstad.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Participatie', 0.5, { what: 'stadslandbouw' });
      b.municipal('Groen', 0.12, { from: -1, schedule: 'once', what: 'stadsakker' });
      b.grant(F.groenVerbindt, `Stadsakker ${cal.year - 1}–${cal.year + 1}`, cal.jan1(-1), cal.dec31(1), 0.25);
      b.add({ funder: F.versmarkt, kind: 'contract', title: 'Afnamecontract oogst', start: cal.jan1(0), end: cal.dec31(1), share: 0.1, schedule: 'quarterly' });
    },
  },
  {
    key: 'maaltijdmaatjes-zwolle',
    name: 'Maaltijdmaatjes Zwolle',
    place: 'zwolle',
    founded: [-8, 2, 2],
    domains: ['food', 'care', 'welfare'],
    reserves: 16_000,
    shared: true,
    budget: { base: 84_000, growth: 0.01, to: 4 },
    description:
      'Vrijwilligers koken en bezorgen warme maaltijden bij ouderen die thuis wonen, en blijven even een kop koffie drinken. ' +
      'Vast onderdeel van de Zwolse aanpak tegen ondervoeding en eenzaamheid, met een meerjarige opdracht van gemeente en zorgverzekeraar.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Wmo', 0.65, { to: -2, followUp: 'none', what: 'maaltijdmaatjes' });
      b.add({ funder: b.gemeente, kind: 'contract', programme: 'Wmo', title: `Opdracht maaltijdvoorziening met ontmoeting ${cal.year - 1}–${cal.year + 4}`, start: cal.jan1(-1), end: cal.dec31(4), share: 0.74, schedule: 'quarterly' });
      b.add({ funder: F.gezondVerbond, kind: 'contract', title: 'Preventie ondervoeding ouderen', start: cal.jan1(0), end: cal.dec31(5), share: 0.34, schedule: 'yearly' });
      b.add({ funder: F.buurtbank, kind: 'sponsorship', title: 'Sponsoring bezorgfietsen', start: cal.jan1(-1), end: cal.dec31(1), share: 0.04, schedule: 'yearly' });
      b.donation(F.diaconie, -2, 2_000, 'Gift kerstmaaltijden');
    },
  },
  {
    key: 'sportmaatjes-holtenbroek',
    deficit: true,
    name: 'Sportmaatjes Holtenbroek',
    place: 'zwolle',
    founded: [-5, 1, 25],
    domains: ['care', 'participation'],
    reserves: 1_000,
    budget: { base: 33_000, growth: 0.04 },
    description:
      'Vrijwillige sportmaatjes gaan wekelijks mee naar de sportschool, het zwembad of de wandelgroep met mensen die dat alleen niet durven of kunnen: ' +
      'ouderen, mensen met een beperking of met psychische klachten.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Wmo', 0.5, { what: 'sportmaatjes' });
      b.grant(F.buurtkracht, `Sportmaatjes ${cal.year - 1}`, cal.on(-1, 2, 1), cal.on(0, 1, 31), 0.15, { schedule: 'once' });
      b.grant(F.buurtkracht, `Sportmaatjes ${cal.year}`, cal.on(0, 2, 1), cal.on(1, 1, 31), 0.15, { schedule: 'once' });
      b.donation(F.diaconie, 0, 1_500, 'Gift zwemabonnementen');
    },
  },
  {
    key: 'repair-cafe-assendorp',
    name: 'Repair Café Assendorp',
    place: 'zwolle',
    founded: [-8, 4, 12],
    domains: ['climate', 'participation'],
    reserves: 5_000,
    noKvk: true,
    budget: { base: 11_000, growth: 0.02 },
    description:
      'Maandelijks repaircafé in de buurtkerk: vrijwillige reparateurs maken apparaten, fietsen en kleding weer heel, onder het genot van koffie en een praatje. ' +
      'Valt onder de bewonersvereniging Assendorp.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Duurzaamheid', 0.65, { schedule: 'once', what: 'repaircafé' });
      b.add({ funder: F.woonstichting, kind: 'donation', title: 'Bijdrage leefbaarheid (tweejarig)', start: cal.jan1(0), end: cal.dec31(1), share: 0.2 });
      b.add({ funder: F.bouwbedrijf, kind: 'in_kind', title: 'Onderdelen en gereedschap (in natura)', start: cal.jan1(-2), end: cal.dec31(1), share: 0.1 });
      b.donation(F.diaconie, -2, 1_500, 'Gift nieuwe werkbanken');
    },
  },
  {
    key: 'huiskamer-aa-landen',
    name: 'Huiskamer Aa-landen',
    place: 'zwolle',
    founded: [-4, 10, 1],
    domains: ['welfare', 'care'],
    reserves: 7_000,
    budget: { base: 47_000, growth: 0.04 },
    description:
      'Buurthuiskamer in een voormalige winkel, open op werkdagen, waar bewoners elkaar ontmoeten, samen lunchen en terechtkunnen met vragen over zorg, geld en wonen.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Wmo', 0.6, { what: 'huiskamer' });
      b.add({ funder: F.woonstichting, kind: 'in_kind', title: 'Huurvrije ruimte voormalige winkel', start: cal.jan1(-1), end: cal.dec31(2), share: 0.17 });
      b.grant(F.zilverenJaren, 'Lunch en ontmoeting', cal.jan1(0), cal.dec31(1), 0.2);
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Users

/** The funder user works at Gemeente Utrecht; the initiative user runs De Gedeelde Pan, which
 * Utrecht funds through three programmes. */
const USERS: DemoUser[] = [
  { email: 'admin@vangnet.example', password: 'vangnet-admin-2026', role: 'admin' },
  { email: 'gemeente.utrecht@vangnet.example', password: 'utrecht-demo-2026', role: 'funder', funderKey: gemeenteKey('utrecht') },
  { email: 'degedeeldepan@vangnet.example', password: 'gedeelde-pan-2026', role: 'initiative', initiativeKey: 'de-gedeelde-pan' },
];

// ---------------------------------------------------------------------------------------------

/** The demo portfolio as seen on `today` ('YYYY-MM-DD'). Same `today`, same portfolio. */
export function buildDemoPortfolio(today: string): DemoPortfolio {
  const cal = new Calendar(today);
  return {
    funders: FUNDERS.map(({ refPrefix: _refPrefix, ...funder }) => ({ ...funder })),
    initiatives: INITIATIVES.map((spec) => new InitiativeBuilder(cal, spec).build()),
    users: USERS.map((user) => ({ ...user })),
  };
}
