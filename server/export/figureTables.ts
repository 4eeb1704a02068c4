// The figures as tables: the risk list, a funder's co-financing view, the portfolio statistics
// and an initiative's multi-year overview, from the answers the figure endpoints give.
import type { Language } from '../contract/labels.js';
import type { Cofunder, CofundingInitiative, CoverageAnswer, Gap, PortfolioFragmentation, PortfolioFunding, RiskEntry, RunwayAnswer } from '../contract/index.js';
import { ENUM_OF_FIELD, enumLabel, fieldLabel, TEXTS, yesNo } from './labels.js';
import { gapSentence, type GapNames } from './gapSentences.js';
import type { Cell, Column, Sheet } from './sheets.js';

type Row<T> = { column: Column; value: (item: T) => Cell };

async function* rowsOf<T>(items: AsyncIterable<T> | Iterable<T>, columns: readonly Row<T>[]): AsyncIterable<Cell[]> {
  for await (const item of items) yield columns.map((c) => c.value(item));
}

function sheet<T>(name: string, columns: readonly Row<T>[], items: AsyncIterable<T> | Iterable<T>): Sheet {
  return { name, columns: columns.map((c) => c.column), rows: rowsOf(items, columns) };
}

/** The risk list as the console shows it: the initiative, its age, reasons and figures. */
export function riskSheet(lang: Language, title: string, entries: Iterable<RiskEntry>): Sheet {
  const label = (field: string) => fieldLabel(lang, 'risk', field);
  const reason = ENUM_OF_FIELD.risk!.reasons!;
  return sheet<RiskEntry>(title, [
    { column: { header: label('id'), kind: 'int' }, value: (e) => e.initiativeId },
    { column: { header: label('name'), kind: 'text', width: 32 }, value: (e) => e.name },
    { column: { header: label('municipality'), kind: 'text' }, value: (e) => e.municipality },
    { column: { header: label('foundedOn'), kind: 'date' }, value: (e) => e.foundedOn },
    { column: { header: label('ageYears'), kind: 'int' }, value: (e) => e.ageYears },
    { column: { header: label('reasons'), kind: 'text', width: 32 }, value: (e) => e.reasons.map((r) => enumLabel(lang, reason, r)).join(', ') },
    { column: { header: label('needCents'), kind: 'money' }, value: (e) => e.needCents },
    { column: { header: label('committedCents'), kind: 'money' }, value: (e) => e.committedCents },
    { column: { header: label('coverage'), kind: 'ratio' }, value: (e) => e.coverage },
    { column: { header: label('shortTermShare'), kind: 'ratio' }, value: (e) => e.shortTermShare },
    { column: { header: label('fundersAtLimit'), kind: 'text', width: 32 }, value: (e) => e.fundersAtLimit.map((f) => f.name).join(', ') },
    { column: { header: label('firstShortfall'), kind: 'date' }, value: (e) => e.firstShortfall?.periodStart },
    { column: { header: TEXTS[lang].firstShortfallAmount, kind: 'money' }, value: (e) => e.firstShortfall?.shortfallCents },
    { column: { header: label('riskScore'), kind: 'number' }, value: (e) => e.riskScore },
  ], entries);
}

function cofunderText(lang: Language, f: Cofunder): string {
  const group = lang === 'nl' ? { current: 'lopend', pipeline: 'aangevraagd', past: 'eerder' } : { current: 'current', pipeline: 'applied for', past: 'past' };
  const end = lang === 'nl' ? `${f.endDate.slice(8)}-${f.endDate.slice(5, 7)}-${f.endDate.slice(0, 4)}` : `${f.endDate.slice(8)}/${f.endDate.slice(5, 7)}/${f.endDate.slice(0, 4)}`;
  return `${f.name} (${group[f.group]}, ${TEXTS[lang].until} ${end})`;
}

/** A funder's co-financing view: per initiative its own part, the other funders, coverage per year and open gaps. */
export function cofundingSheet(lang: Language, title: string, years: readonly number[], initiatives: AsyncIterable<CofundingInitiative>): Sheet {
  const t = TEXTS[lang];
  const initiative = (field: string) => fieldLabel(lang, 'initiatives', field);
  const perYear = years.flatMap((year): Row<CofundingInitiative>[] => {
    const of = (i: CofundingInitiative) => i.coverage.find((c) => c.year === year);
    return [
      { column: { header: `${t.need} ${year}`, kind: 'money' }, value: (i) => of(i)?.needCents },
      { column: { header: `${t.committed} ${year}`, kind: 'money' }, value: (i) => of(i)?.committedCents },
      { column: { header: `${t.coverage} ${year}`, kind: 'ratio' }, value: (i) => of(i)?.coverage },
    ];
  });
  return sheet<CofundingInitiative>(title, [
    { column: { header: initiative('id'), kind: 'int' }, value: (i) => i.id },
    { column: { header: initiative('name'), kind: 'text', width: 32 }, value: (i) => i.name },
    { column: { header: initiative('municipality'), kind: 'text' }, value: (i) => i.municipality },
    { column: { header: initiative('foundedOn'), kind: 'date' }, value: (i) => i.foundedOn },
    { column: { header: t.ownCommitments, kind: 'text', width: 40 }, value: (i) => i.commitments.map((c) => `${c.title} (${enumLabel(lang, 'commitmentStatus', c.status)})`).join('; ') },
    { column: { header: t.ownCommitted, kind: 'money' }, value: (i) => i.own?.committedCents },
    { column: { header: t.ownEnd, kind: 'date' }, value: (i) => i.own?.endDate },
    { column: { header: t.otherFunders, kind: 'text', width: 48 }, value: (i) => i.otherFunders.map((f) => cofunderText(lang, f)).join('; ') },
    ...perYear,
    { column: { header: t.openGaps, kind: 'text', width: 32 }, value: (i) => i.openGaps.map((g) => enumLabel(lang, 'gapKind', g.kind)).join(', ') },
  ], initiatives);
}

type StatsRow = { group: string; year: number; committedCents: number; share: number | null; initiativeCount: number; fundedInitiativeCount: number | null; hhi: { mean: number | null; median: number | null }; effectiveFunders: { mean: number | null; median: number | null }; shortTermShare: number | null };

/** The portfolio statistics: each group per year, then the whole portfolio per year. */
export function portfolioSheet(lang: Language, stats: PortfolioFragmentation): Sheet {
  const t = TEXTS[lang];
  const groupName = (group: string) =>
    stats.groupBy === 'funderType' ? enumLabel(lang, 'funderType', group) : stats.groupBy === 'domain' ? enumLabel(lang, 'domain', group) : group;
  const rows: StatsRow[] = [
    ...stats.groups.map((g) => ({ ...g, group: groupName(g.group), fundedInitiativeCount: null })),
    ...stats.totals.map((total) => ({ ...total, group: t.total, share: 1 })),
  ];
  const groupHeader = stats.groupBy === 'funderType' ? t.funderType : fieldLabel(lang, 'initiatives', stats.groupBy === 'domain' ? 'domains' : 'municipality');
  return sheet<StatsRow>(t.fragmentation, [
    { column: { header: groupHeader, kind: 'text' }, value: (r) => r.group },
    { column: { header: t.year, kind: 'int' }, value: (r) => r.year },
    { column: { header: t.committed, kind: 'money' }, value: (r) => r.committedCents },
    { column: { header: t.share, kind: 'ratio' }, value: (r) => r.share },
    { column: { header: t.initiatives, kind: 'int' }, value: (r) => r.initiativeCount },
    { column: { header: t.fundedInitiatives, kind: 'int' }, value: (r) => r.fundedInitiativeCount },
    { column: { header: t.hhiMean, kind: 'number' }, value: (r) => r.hhi.mean },
    { column: { header: t.hhiMedian, kind: 'number' }, value: (r) => r.hhi.median },
    { column: { header: t.effectiveMean, kind: 'number' }, value: (r) => r.effectiveFunders.mean },
    { column: { header: t.effectiveMedian, kind: 'number' }, value: (r) => r.effectiveFunders.median },
    { column: { header: t.shortTermShare, kind: 'ratio' }, value: (r) => r.shortTermShare },
  ], rows);
}

/** Need and funding of the portfolio over the coming months: one row. */
export function portfolioFundingSheet(lang: Language, funding: PortfolioFunding): Sheet {
  const t = TEXTS[lang];
  return sheet<PortfolioFunding>(t.portfolioFunding, [
    { column: { header: t.from, kind: 'month' }, value: (f) => f.from },
    { column: { header: t.through, kind: 'month' }, value: (f) => f.to },
    { column: { header: t.need, kind: 'money' }, value: (f) => f.needCents },
    { column: { header: t.committed, kind: 'money' }, value: (f) => f.committedCents },
    { column: { header: t.pipeline, kind: 'money' }, value: (f) => f.pipelineCents },
    { column: { header: t.coverage, kind: 'ratio' }, value: (f) => f.coverage },
  ], [funding]);
}

/** What the initiative overview is made of: the figure answers and the open gaps with the names they refer to. */
export interface OverviewFigures {
  coverage: CoverageAnswer;
  committed: RunwayAnswer;
  pipeline: RunwayAnswer;
  gaps: readonly Gap[];
  names: GapNames;
}

/** The multi-year overview a funder table discusses: funders by year, need and coverage, runway by month, open gaps. */
export function overviewSheets(lang: Language, o: OverviewFigures): Sheet[] {
  const t = TEXTS[lang];
  const years = o.coverage.years;
  type FunderRow = { name: string; type: string; cells: (number | null)[] };
  const funderRows: FunderRow[] = [
    ...o.coverage.funders.map((f) => ({ name: f.name, type: enumLabel(lang, 'funderType', f.type), cells: years.map((y) => y.committedByFunderId[String(f.id)] ?? 0) })),
    { name: t.committed, type: '', cells: years.map((y) => y.committedCents) },
    { name: t.pipeline, type: '', cells: years.map((y) => y.pipelineCents) },
    { name: t.need, type: '', cells: years.map((y) => y.needCents) },
  ];
  const byYear = sheet<FunderRow>(t.fundersByYear, [
    { column: { header: t.funder, kind: 'text', width: 32 }, value: (r) => r.name },
    { column: { header: t.funderType, kind: 'text' }, value: (r) => r.type },
    ...years.map((y, k): Row<FunderRow> => ({ column: { header: `${y.year}${y.needEstimated ? '*' : ''}`, kind: 'money' }, value: (r) => r.cells[k] })),
  ], funderRows);
  const coverage = sheet<(typeof years)[number]>(t.needAndCoverage, [
    { column: { header: t.year, kind: 'int' }, value: (y) => y.year },
    { column: { header: t.need, kind: 'money' }, value: (y) => y.needCents },
    { column: { header: t.needEstimated, kind: 'text' }, value: (y) => yesNo(lang, y.needEstimated) },
    { column: { header: t.committed, kind: 'money' }, value: (y) => y.committedCents },
    { column: { header: t.pipeline, kind: 'money' }, value: (y) => y.pipelineCents },
    { column: { header: t.coverage, kind: 'ratio' }, value: (y) => y.coverage },
  ], years);
  const months = o.committed.months.map((m, k) => ({ ...m, pipelineBalanceCents: o.pipeline.months[k]?.balanceCents ?? null, pipelineFundingCents: o.pipeline.months[k]?.fundingCents ?? null }));
  const runway = sheet<(typeof months)[number]>(t.runway, [
    { column: { header: t.month, kind: 'month' }, value: (m) => m.month },
    { column: { header: t.need, kind: 'money' }, value: (m) => m.needCents },
    { column: { header: t.needEstimated, kind: 'text' }, value: (m) => yesNo(lang, m.needEstimated) },
    { column: { header: `${t.funding} (${t.committed.toLowerCase()})`, kind: 'money' }, value: (m) => m.fundingCents },
    { column: { header: t.scenarioCommitted, kind: 'money' }, value: (m) => m.balanceCents },
    { column: { header: `${t.funding} (${t.pipeline.toLowerCase()})`, kind: 'money' }, value: (m) => m.pipelineFundingCents },
    { column: { header: t.scenarioPipeline, kind: 'money' }, value: (m) => m.pipelineBalanceCents },
  ], months);
  const gap = (field: string) => fieldLabel(lang, 'gaps', field);
  const gaps = sheet<Gap>(t.openGaps, [
    { column: { header: gap('kind'), kind: 'text' }, value: (g) => enumLabel(lang, 'gapKind', g.kind) },
    { column: { header: gap('severity'), kind: 'text' }, value: (g) => enumLabel(lang, 'severity', g.severity) },
    { column: { header: gap('periodStart'), kind: 'date' }, value: (g) => g.periodStart },
    { column: { header: gap('periodEnd'), kind: 'date' }, value: (g) => g.periodEnd },
    { column: { header: gap('shortfallCents'), kind: 'money' }, value: (g) => g.shortfallCents },
    { column: { header: t.explanation, kind: 'text', width: 90 }, value: (g) => gapSentence(lang, g.kind, g.details, o.names) },
  ], o.gaps);
  return [byYear, coverage, runway, gaps];
}
