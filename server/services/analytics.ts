// The figures of DESIGN.md ("Definitions") over the API: the data layer loads, the domain
// computes, this file only chooses what to load for whom and shapes the answer. The portfolio
// statistics are the exception: data/portfolioStats.ts computes them in SQL, mirroring the domain.
import type { Knex } from 'knex';
import { z } from 'zod';
import { NeedPlan } from '../domain/allocation.js';
import { cofunders } from '../domain/cofunders.js';
import { computeCoverage, yearCoverage, type YearCoverage } from '../domain/coverage.js';
import { addDays, addMonthsToMonth, addYears, firstDayOfMonth, lastDayOfMonth, monthOf, yearOf } from '../domain/dates.js';
import { RISK_REASONS, type CommitmentStatus, type GapKind, type GapSeverity } from '../domain/enums.js';
import { computeFragmentation } from '../domain/fragmentation.js';
import { findGaps, firstDayLookedAt } from '../domain/gaps.js';
import { riskFigures, type RiskFigures } from '../domain/risk.js';
import { computeRunway } from '../domain/runway.js';
import { applyScenario, fundingPicture, gapChanges, type FundingPicture } from '../domain/scenario.js';
import type { FoundGap } from '../domain/gaps.js';
import type { WhatIfRequest } from '../contract/scenarios.js';
import { resolveChanges } from '../data/scenarioChanges.js';
import { DEFAULT_SETTINGS, type DomainSettings } from '../domain/settings.js';
import type { InitiativeFunding, IsoDate } from '../domain/types.js';
import { loadFunding } from '../data/funding.js';
import { fetchPage, pageInMemory, selectFields, type ListParams, type Page } from '../data/listQuery.js';
import { AnswerCache, type RefreshSettings } from '../data/answerCache.js';
import { keptAreCurrent, keptRisks } from '../data/keptFigures.js';
import { KEPT_MONTHS, keptWindowFunding, portfolioStats, windowFunding } from '../data/portfolioStats.js';
import { zodReason } from '../contract/errorCodes.js';
import type {
  Cofunding,
  CofundingInitiative,
  CoverageAnswer,
  FragmentationAnswer,
  PortfolioFragmentation,
  PortfolioFunding,
  Computed,
  RiskEntry,
  RunwayAnswer,
  FoundGapFigure,
  FundingPicture as FundingPictureAnswer,
  WhatIfAnswer,
} from '../contract/figures.js';
import { enumOf, isoDate } from '../contract/fields.js';
import { RESOURCES } from '../resources/index.js';
import type { ResourceDef } from '../resources/resource.js';
import { scopeRead } from './access.js';
import type { Actor } from './actor.js';
import { today } from './clock.js';
import type { CrudService } from './crud.js';


const asOf = () => isoDate().optional();
const year = () =>
  z.coerce
    .number({ error: zodReason('field.year') })
    .int({ error: zodReason('field.year') })
    .min(1900, { error: zodReason('field.year_from', { min: 1900 }) })
    .max(2199, { error: zodReason('field.year_through', { max: 2199 }) })
    .optional();
const count = (max: number, fallback: number) => {
  const error = zodReason('field.whole_number_between', { min: 1, max });
  return z.coerce.number({ error }).int({ error }).min(1, { error }).max(max, { error }).default(fallback);
};

/** The query parameters of the figure endpoints (besides the list conventions of risk and cofunding). */
export const figureQueries = {
  runway: z.object({ asOf: asOf(), scenario: enumOf(['committed', 'pipeline'] as const).default('committed') }),
  coverage: z.object({ from: year(), years: count(20, 5) }),
  fragmentation: z.object({ year: year() }),
  portfolio: z.object({
    year: year(),
    years: count(10, 1),
    groupBy: enumOf(['funderType', 'municipality', 'domain'] as const).default('funderType'),
  }),
  asOf: z.object({ asOf: asOf() }),
  cofunding: z.object({ asOf: asOf(), years: count(10, 3) }),
  funding: z.object({ asOf: asOf(), months: count(60, 12) }),
};

/** The query of a figure endpoint as its schema reads it (server/http/ parses it). */
export type FigureQuery<K extends keyof typeof figureQueries> = z.output<(typeof figureQueries)[K]>;


/** The list conventions of the risk list: sortable and filterable like a resource. */
export const riskList: ResourceDef = {
  name: 'risk',
  table: 'initiatives',
  fields: {
    id: { sql: '', kind: 'id', sortable: true, filterable: true },
    name: { sql: '', kind: 'text', sortable: true },
    municipality: { sql: '', kind: 'text', sortable: true, filterable: true },
    foundedOn: { sql: '', kind: 'date', sortable: true, filterable: true },
    ageYears: { sql: '', kind: 'int', sortable: true, filterable: true },
    reasons: { sql: '', kind: 'textArray', values: RISK_REASONS, filterable: true },
    // Not a filter: `asOf` in `filter` sets the date the list is computed at.
    asOf: { sql: '', kind: 'date', filterable: true },
    coverage: { sql: '', kind: 'int', sortable: true },
    shortTermShare: { sql: '', kind: 'int', sortable: true },
    riskScore: { sql: '', kind: 'int', sortable: true },
  },
  search: ['name'],
  defaultSort: ['riskScore', 'DESC'],
};

/** The list conventions of the co-funding table. */
export const cofundingList: ResourceDef = {
  name: 'cofunding',
  table: 'initiatives',
  fields: {
    id: { sql: 'initiatives.id', kind: 'id', sortable: true, filterable: true },
    name: { sql: 'initiatives.name', kind: 'text', sortable: true },
    municipality: { sql: 'initiatives.municipality', kind: 'text', sortable: true, filterable: true },
    foundedOn: { sql: 'initiatives.founded_on', kind: 'date', sortable: true },
  },
  search: ['initiatives.name'],
  defaultSort: ['name', 'ASC'],
};

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  return (a as number | string) < (b as number | string) ? -1 : 1;
}

export class AnalyticsService {
  private readonly answers: AnswerCache;

  constructor(
    private readonly db: Knex,
    private readonly crud: CrudService,
    private readonly settings: DomainSettings = DEFAULT_SETTINGS,
    refresh?: RefreshSettings,
  ) {
    this.answers = new AnswerCache(db, refresh);
  }

  /** Stops computing portfolio answers ahead (the process is closing). */
  close(): void {
    this.answers.close();
  }

  /** A portfolio answer from the answer cache: `question` and who asks make the key (the reporting burden's too). */
  cached<T>(actor: Actor, question: string, compute: () => Promise<T>): Promise<T> {
    return this.answers.get(`${actor.role}:${actor.funderId ?? ''}:${actor.initiativeId ?? ''}:${question}`, compute);
  }

  /** The ids of the initiatives the actor may see, as a subquery. */
  private visibleInitiatives(actor: Actor): Knex.QueryBuilder {
    const q = this.db('initiatives').select('initiatives.id');
    scopeRead(q, RESOURCES.initiatives!, actor, this.db);
    return q;
  }

  private async one(actor: Actor, initiativeId: number): Promise<{ name: string; funding: InitiativeFunding }> {
    const record = await this.crud.get(RESOURCES.initiatives!, actor, initiativeId);
    const [funding] = await loadFunding(this.db, [record.id]);
    return { name: record.name as string, funding: funding! };
  }

  async runway(actor: Actor, initiativeId: number, q: FigureQuery<'runway'>): Promise<RunwayAnswer> {
    const { funding } = await this.one(actor, initiativeId);
    return { initiativeId: funding.id, ...computeRunway(funding, q.asOf ?? today(), q.scenario, this.settings) };
  }

  async coverage(actor: Actor, initiativeId: number, q: FigureQuery<'coverage'>): Promise<CoverageAnswer> {
    const from = q.from ?? yearOf(today());
    const { funding } = await this.one(actor, initiativeId);
    const rows = computeCoverage(funding, from, q.years);
    return { initiativeId: funding.id, from, budgetThrough: new NeedPlan(funding.budgets).budgetThrough, years: rows, funders: fundersOf(funding, rows) };
  }

  async fragmentation(actor: Actor, initiativeId: number, q: FigureQuery<'fragmentation'>): Promise<FragmentationAnswer> {
    const year = q.year ?? yearOf(today());
    const { funding } = await this.one(actor, initiativeId);
    const fragmentation = computeFragmentation(funding, year, this.settings);
    const coverage = yearCoverage(funding, year);
    const funders = fundersOf(funding, [coverage])
      .filter((f) => f.committedCents > 0)
      .map((f) => ({ ...f, share: coverage.committedCents ? f.committedCents / coverage.committedCents : null }));
    return { initiativeId: funding.id, ...fragmentation, funders };
  }

  /**
   * Base and scenario side by side (design/cofinancing.md, "What-if"): the changes applied to the
   * loaded funding, the same runway, coverage and gap functions over both. Nothing is written.
   */
  async whatIf(actor: Actor, initiativeId: number, request: WhatIfRequest): Promise<WhatIfAnswer> {
    const { funding } = await this.one(actor, initiativeId);
    const { asOf: requestedAsOf, ...set } = request;
    const changes = await resolveChanges(this.db, funding, set);
    const at = requestedAsOf ?? today();
    const base = fundingPicture(funding, at, this.settings);
    const scenario = fundingPicture(applyScenario(funding, changes), at, this.settings);
    const { disappear, appear } = gapChanges(base.gaps, scenario.gaps);
    return {
      initiativeId: funding.id,
      asOf: at,
      base: pictureAnswer(base),
      scenario: pictureAnswer(scenario),
      gapChanges: { disappear: disappear.map(gapFigure), appear: appear.map(gapFigure) },
    };
  }

  /** Portfolio fragmentation of the active initiatives the actor may see, per group and year. */
  async portfolioFragmentation(actor: Actor, q: FigureQuery<'portfolio'>): Promise<PortfolioFragmentation> {
    const from = q.year ?? yearOf(today());
    return this.cached(actor, `fragmentation:${from}:${q.years}:${q.groupBy}`, () => this.computePortfolioFragmentation(actor, q, from));
  }

  private async computePortfolioFragmentation(actor: Actor, q: FigureQuery<'portfolio'>, from: number): Promise<PortfolioFragmentation> {
    const scope = this.visibleInitiatives(actor).where('initiatives.status', 'active');
    const firstYear = from;
    const lastYear = from + q.years - 1;
    const computed: Computed = (await keptAreCurrent(this.db, scope.clone(), { firstYear, lastYear })) ? 'kept' : 'live';
    const { groups, totals } = await portfolioStats(this.db, scope, {
      firstYear,
      lastYear,
      groupBy: q.groupBy,
      shortTermMonths: this.settings.shortTermMonths,
      source: computed,
    });
    return { year: from, years: q.years, groupBy: q.groupBy, groups, totals, computed };
  }

  /** Need and committed and pipeline funding of the visible active initiatives over the coming months. */
  async funding(actor: Actor, q: FigureQuery<'funding'>): Promise<PortfolioFunding> {
    const at = q.asOf ?? today();
    return this.cached(actor, `funding:${at}:${q.months}`, () => this.computeFunding(actor, q, at));
  }

  private async computeFunding(actor: Actor, q: FigureQuery<'funding'>, at: IsoDate): Promise<PortfolioFunding> {
    const from = monthOf(at);
    const to = addMonthsToMonth(from, q.months - 1);
    const scope = this.visibleInitiatives(actor).where('initiatives.status', 'active');
    const kept = q.months <= KEPT_MONTHS && (await keptAreCurrent(this.db, scope.clone(), { windowFrom: firstDayOfMonth(from) }));
    const figures = kept ? await keptWindowFunding(this.db, scope, q.months) : await windowFunding(this.db, scope, firstDayOfMonth(from), lastDayOfMonth(to));
    const coverage = figures.needCents ? figures.committedCents / figures.needCents : null;
    return { asOf: at, from, to, months: q.months, ...figures, coverage, computed: kept ? 'kept' : 'live' };
  }

  /** The initiatives at risk around year five, riskiest first, with the usual list conventions. */
  async risk(actor: Actor, asOf: IsoDate | undefined, params: ListParams): Promise<Page<RiskEntry> & { computed: Computed }> {
    const at = asOf ?? today();
    const { entries, computed } = await this.cached(actor, `risk:${at}`, () => this.riskEntries(actor, at));
    return { ...pageInMemory(entries, riskList, params), computed };
  }

  /** Every entry of the risk list at `at` (before its filter, sort and page), and how it was computed. */
  private async riskEntries(actor: Actor, at: IsoDate): Promise<{ entries: RiskEntry[]; computed: Computed }> {
    // A few days' margin around the birthdays: the domain decides exactly (29 February).
    const candidates = this.visibleInitiatives(actor)
      .where('initiatives.status', 'active')
      .where('initiatives.founded_on', '>', addDays(addYears(at, -this.settings.riskUntilAgeYears), -3))
      .where('initiatives.founded_on', '<=', addDays(addYears(at, -this.settings.riskFromAgeYears), 3));
    const kept = await this.keptRiskEntries(candidates, at);
    return kept ? { entries: kept, computed: 'kept' } : { entries: await this.liveRiskEntries(candidates, at), computed: 'live' };
  }

  /** The risk entries from the figures the scans kept, or null when they are not current for `at`. */
  private async keptRiskEntries(candidates: Knex.QueryBuilder, at: IsoDate): Promise<RiskEntry[] | null> {
    if (!(await keptAreCurrent(this.db, candidates.clone(), { asOf: at }))) return null;
    const kept = await keptRisks(this.db, candidates.clone());
    const funderIds = [...new Set(kept.flatMap((k) => k.risk.fundersAtLimit.map((f) => f.funderId)))];
    const names = new Map(
      (await this.db('funders').whereIn('id', funderIds).select<{ id: number; name: string }[]>('id', 'name')).map((f) => [f.id, f.name]),
    );
    return kept.map((k) => riskEntry(k, k.risk, (id) => names.get(id) ?? '', at));
  }

  /** The risk entries computed now: the gap rules over each candidate's funding. */
  private async liveRiskEntries(candidates: Knex.QueryBuilder, at: IsoDate): Promise<RiskEntry[]> {
    const [portfolio, rows] = await Promise.all([
      loadFunding(this.db, candidates.clone(), { from: firstDayLookedAt(at) }),
      this.db('initiatives').whereIn('id', candidates.clone()).select<{ id: number; name: string; municipality: string; founded_on: string }[]>('id', 'name', 'municipality', 'founded_on'),
    ]);
    const info = new Map(rows.map((r) => [r.id, r]));
    const entries: RiskEntry[] = [];
    for (const funding of portfolio) {
      const figures = riskFigures(funding, findGaps(funding, at, this.settings));
      if (figures) entries.push(riskEntry(info.get(funding.id)!, figures, (id) => funding.funders.get(id)?.name ?? '', at));
    }
    return entries;
  }

  /** What a funder brings to a co-financing table: its initiatives, their other funders, coverage and open gaps. */
  async cofunding(actor: Actor, funderId: number, q: FigureQuery<'cofunding'>, params: ListParams): Promise<Cofunding> {
    const funder = await this.crud.get(RESOURCES.funders!, actor, funderId);
    const at = q.asOf ?? today();
    const from = yearOf(at);
    const months = q.years * 12;
    const funded = this.db('commitments').select('initiative_id').where('funder_id', funder.id).whereNotIn('status', ['declined', 'withdrawn']);
    const base = () => this.db('initiatives').whereIn('initiatives.id', this.visibleInitiatives(actor)).whereIn('initiatives.id', funded);
    const page = await fetchPage<{ id: number; name: string; municipality: string; foundedOn: string }>(base().select(selectFields(this.db, cofundingList)), base(), cofundingList, params);
    const ids = page.records.map((r) => r.id);
    const [portfolio, own, gaps] = await Promise.all([
      loadFunding(this.db, ids),
      this.db('commitments')
        .whereIn('initiative_id', ids)
        .where('funder_id', funder.id)
        .orderBy(['start_date', 'id'])
        .select<{ id: number; initiative_id: number; title: string; status: CommitmentStatus; start_date: string; end_date: string; amount_cents: number }[]>(
          'id',
          'initiative_id',
          'title',
          'status',
          'start_date',
          'end_date',
          'amount_cents',
        ),
      this.db('gaps')
        .whereIn('initiative_id', ids)
        .whereNull('resolved_at')
        .orderBy(['period_start', 'id'])
        .select<{ id: number; initiative_id: number; kind: GapKind; period_start: string; period_end: string; severity: GapSeverity; shortfall_cents: number }[]>(
          'id',
          'initiative_id',
          'kind',
          'period_start',
          'period_end',
          'severity',
          'shortfall_cents',
        ),
    ]);
    const fundingById = new Map(portfolio.map((f) => [f.id, f]));
    const records = page.records.map((r): CofundingInitiative => {
      const funding = fundingById.get(r.id)!;
      const coverage = computeCoverage(funding, from, q.years);
      const funders = cofunders(funding, at, months);
      return {
        ...r,
        commitments: own
          .filter((c) => c.initiative_id === r.id)
          .map((c) => ({ id: c.id, title: c.title, status: c.status, startDate: c.start_date, endDate: c.end_date, amountCents: c.amount_cents })),
        own: funders.find((f) => f.id === funder.id) ?? null,
        otherFunders: funders.filter((f) => f.id !== funder.id),
        coverage: coverage.map(({ year, needCents, committedCents, pipelineCents, coverage: ratio }) => ({ year, needCents, committedCents, pipelineCents, coverage: ratio })),
        openGaps: gaps
          .filter((g) => g.initiative_id === r.id)
          .map((g) => ({ id: g.id, kind: g.kind, periodStart: g.period_start, periodEnd: g.period_end, severity: g.severity, shortfallCents: g.shortfall_cents })),
      };
    });
    const window = { from: monthOf(at), to: addMonthsToMonth(monthOf(at), months - 1) };
    return { funderId: funder.id, asOf: at, from, years: q.years, window, initiatives: records, first: page.first, total: page.total };
  }
}

function gapFigure(g: FoundGap): FoundGapFigure {
  return {
    kind: g.kind,
    periodStart: g.periodStart,
    periodEnd: g.periodEnd,
    shortfallCents: g.shortfallCents,
    severity: g.severity,
    details: g.details as unknown as Record<string, unknown>,
    commitmentId: g.commitmentId,
  };
}

function pictureAnswer(p: FundingPicture): FundingPictureAnswer {
  return { runway: p.runway, coverage: p.coverage, gaps: p.gaps.map(gapFigure) };
}

/** The funders of an initiative, with their committed cents over the given years, largest first. */
function fundersOf(funding: InitiativeFunding, rows: readonly YearCoverage[]) {
  return [...funding.funders.values()]
    .map((f) => ({ id: f.id, name: f.name, type: f.type, committedCents: rows.reduce((sum, r) => sum + (r.committedByFunderId[f.id] ?? 0), 0) }))
    .sort((a, b) => b.committedCents - a.committedCents || compare(a.name, b.name));
}

/** A risk list entry: the initiative as the list shows it, its risk figures, and its funders' names. */
function riskEntry(
  info: { id: number; name: string; municipality: string; founded_on: string },
  figures: RiskFigures,
  funderName: (id: number) => string,
  asOf: IsoDate,
): RiskEntry {
  const { fundersAtLimit, ...rest } = figures;
  return {
    id: info.id,
    initiativeId: info.id,
    name: info.name,
    municipality: info.municipality,
    foundedOn: info.founded_on,
    ...rest,
    fundersAtLimit: fundersAtLimit.map((f) => ({ funderId: f.funderId, name: funderName(f.funderId), limitDate: f.limitDate })),
    asOf,
  };
}
