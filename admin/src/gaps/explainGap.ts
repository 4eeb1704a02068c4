// DESIGN.md "Explaining a gap": one plain sentence per gap, written from its kind and `details`
// (codes and numbers from the server), and the step that would help close it. Pure functions over
// the gap, the names of what it is about and a translate function, so a unit test can read them.
import type { Commitment, Gap, GapDetailsByKind, GapKind, GapOf, Role } from '../api/types';
import { dayAfter, formatDate, formatMonthLong, formatMonthRange } from '../format/dates';
import { formatEuro, formatPercent } from '../format/money';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The commitments and funders a gap names, as far as the reader may see them. */
export interface GapSubjects {
  commitment(id: number): Pick<Commitment, 'id' | 'title' | 'funderId' | 'kind' | 'endDate'> | undefined;
  funderName(id: number): string | undefined;
}

export interface Reader {
  role: Role;
  funderId: number | null;
  /** this year: a missing budget is worth entering now only up to next year */
  year: number;
}

/** Where the suggested step leads: a console path, with react-router state (a form's prefill, a section to show). */
export interface NextStep {
  label: string;
  to: string;
  state?: Record<string, unknown>;
}

/** What an initiative page scrolls to when a link asks for it (`state.focus`). */
export type InitiativeFocus = 'budgets' | 'coverage-section';

const K = 'vangnet.gaps.explain';

/** What each kind's sentence reads; a gap written before its details had them (an older scan) gets a plain sentence until it is rescanned. */
const READS: { [Kind in GapKind]: (keyof GapDetailsByKind[Kind])[] } = {
  shortfall: ['firstMonth', 'lastMonth', 'totalCents', 'largestMonth', 'largestMonthCents', 'reservesCents'],
  cliff: ['month', 'previousFundingCents', 'fundingCents', 'dropShare', 'endingCommitmentIds'],
  expiring: ['commitmentId', 'funderId', 'endDate', 'amountCents', 'monthsLeft'],
  funder_limit: ['funderId', 'maxFundingYears', 'firstStartDate', 'limitDate'],
  five_year_risk: ['reasons', 'ageYears', 'windowFirstMonth', 'windowLastMonth', 'coverageThreshold', 'shortTermThreshold'],
};

export function isExplained(gap: Gap): boolean {
  const details = (gap.details ?? {}) as unknown as Record<string, unknown>;
  return (READS[gap.kind] as string[]).every((key) => details[key] !== undefined);
}

interface Formats {
  t: Translate;
  locale: string;
  /** whole euros: the amounts in a sentence are to read, the exact ones stand in the tables */
  euro(cents: number): string;
  date(iso: string | null): string;
  month(month: string): string;
  percent(share: number | null): string;
  list(items: string[]): string;
}

function formats(t: Translate, locale: string): Formats {
  return {
    t,
    locale,
    euro: (cents) => formatEuro(cents, locale, { whole: true }),
    date: (iso) => formatDate(iso, locale),
    month: (month) => formatMonthLong(month, locale),
    percent: (share) => formatPercent(share, locale),
    list: (items) => new Intl.ListFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { type: 'conjunction' }).format(items),
  };
}

/** "‘Subsidie X’ van Gemeente Utrecht", or as much of it as the reader may see. */
function commitmentName(f: Formats, subjects: GapSubjects, commitmentId: number, funderId?: number): string {
  const commitment = subjects.commitment(commitmentId);
  const funder = subjects.funderName(funderId ?? commitment?.funderId ?? -1);
  if (commitment && funder) return f.t(`${K}.commitment_of`, { title: commitment.title, funder });
  if (commitment) return f.t(`${K}.commitment`, { title: commitment.title });
  if (funder) return f.t(`${K}.a_commitment_of`, { funder });
  return f.t(`${K}.a_commitment`);
}

function lastDayOfMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
}

function shortfall(f: Formats, gap: GapOf<'shortfall'>): string {
  const d = gap.details;
  const parts: string[] = [];
  parts.push(
    d.months === 1
      ? f.t(`${K}.shortfall_one`, { month: f.month(d.firstMonth), total: f.euro(d.totalCents) })
      : f.t(`${K}.shortfall_run`, {
          period: formatMonthRange(d.firstMonth, d.lastMonth, f.locale, f.t(`${K}.through`)),
          total: f.euro(d.totalCents),
          largest: f.month(d.largestMonth),
          largestAmount: f.euro(d.largestMonthCents),
        }),
  );
  const reserves = f.euro(d.reservesCents);
  if (d.fundedThrough === null) parts.push(f.t(d.reservesCents > 0 ? `${K}.reserves_gone` : `${K}.no_reserves_now`, { reserves }));
  else if (d.fundedThrough < `${d.firstMonth}-01`)
    parts.push(f.t(d.reservesCents > 0 ? `${K}.reserves_short` : `${K}.no_reserves_until`, { reserves, date: f.date(d.fundedThrough) }));
  else if (d.fundedThrough >= lastDayOfMonth(d.lastMonth))
    parts.push(f.t(d.reservesCents > 0 ? `${K}.reserves_carry` : `${K}.money_carries`, { reserves, date: f.date(d.fundedThrough) }));
  else parts.push(f.t(d.reservesCents > 0 ? `${K}.reserves_until` : `${K}.no_reserves_until`, { reserves, date: f.date(d.fundedThrough) }));
  if (d.needEstimated && d.budgetThrough !== null) parts.push(f.t(`${K}.need_estimated`, { year: d.budgetThrough + 1, last: d.budgetThrough }));
  return parts.join(' ');
}

function cliff(f: Formats, gap: GapOf<'cliff'>, subjects: GapSubjects): string {
  const d = gap.details;
  const values = {
    month: f.month(d.month),
    before: f.euro(d.previousFundingCents),
    after: f.euro(d.fundingCents),
    drop: `−${f.percent(d.dropShare)}`,
  };
  if (d.endingCommitmentIds.length === 0) return f.t(`${K}.cliff`, values);
  const ending = f.list(d.endingCommitmentIds.map((id) => commitmentName(f, subjects, id)));
  return f.t(`${K}.cliff_ending`, { ...values, ending, smart_count: d.endingCommitmentIds.length });
}

function expiring(f: Formats, gap: GapOf<'expiring'>, subjects: GapSubjects): string {
  const d = gap.details;
  return f.t(`${K}.expiring`, {
    commitment: commitmentName(f, subjects, d.commitmentId, d.funderId),
    amount: formatEuro(d.amountCents, f.locale, { whole: d.amountCents % 100 === 0 }),
    date: f.date(d.endDate),
    when: d.monthsLeft <= 0 ? f.t(`${K}.this_month`) : f.t(`${K}.in_months`, { smart_count: d.monthsLeft }),
  });
}

function funderLimit(f: Formats, gap: GapOf<'funder_limit'>, subjects: GapSubjects): string {
  const d = gap.details;
  return f.t(`${K}.funder_limit`, {
    funder: subjects.funderName(d.funderId) ?? f.t(`${K}.a_funder`),
    smart_count: d.maxFundingYears,
    first: f.date(d.firstStartDate),
    limit: f.date(d.limitDate),
  });
}

function fiveYearRisk(f: Formats, gap: GapOf<'five_year_risk'>): string {
  const d = gap.details;
  const parts = [f.t(`${K}.five_year_age`, { smart_count: d.ageYears })];
  const window = formatMonthRange(d.windowFirstMonth, d.windowLastMonth, f.locale, f.t(`${K}.through`));
  if (d.reasons.includes('low_coverage'))
    parts.push(f.t(`${K}.low_coverage`, { window, coverage: f.percent(d.coverage ?? 0), threshold: f.percent(d.coverageThreshold) }));
  if (d.reasons.includes('short_term_funding'))
    parts.push(f.t(`${K}.short_term`, { share: f.percent(d.shortTermShare ?? 0), threshold: f.percent(d.shortTermThreshold) }));
  if (d.needEstimated) parts.push(f.t(`${K}.window_estimated`));
  return parts.join(' ');
}

/** The gap in one plain sentence (or two), in the reader's language. */
export function explainGap(gap: Gap, subjects: GapSubjects, t: Translate, locale: string): string {
  const f = formats(t, locale);
  const text = isExplained(gap)
    ? sentence(f, gap, subjects)
    : t(`${K}.generic`, { kind: t(`vangnet.enum.gapKind.${gap.kind}`), from: f.date(gap.periodStart), to: f.date(gap.periodEnd) });
  // A sentence may begin with a name the reader may not see ("een toezegging van ...").
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

function sentence(f: Formats, gap: Gap, subjects: GapSubjects): string {
  switch (gap.kind) {
    case 'shortfall':
      return shortfall(f, gap);
    case 'cliff':
      return cliff(f, gap, subjects);
    case 'expiring':
      return expiring(f, gap, subjects);
    case 'funder_limit':
      return funderLimit(f, gap, subjects);
    case 'five_year_risk':
      return fiveYearRisk(f, gap);
  }
}

/** When a gap is about: "januari t/m maart 2027", "juli 2027", "eindigt 31-03-2027", "vanaf 01-01-2027". */
export function gapPeriod(gap: Gap, t: Translate, locale: string): string {
  if (!isExplained(gap)) return t(`${K}.age_window`, { from: formatDate(gap.periodStart, locale), to: formatDate(gap.periodEnd, locale) });
  switch (gap.kind) {
    case 'shortfall':
      return formatMonthRange(gap.details.firstMonth, gap.details.lastMonth, locale, t(`${K}.through`));
    case 'cliff':
      return formatMonthLong(gap.details.month, locale);
    case 'expiring':
      return t(`${K}.ends_on`, { date: formatDate(gap.details.endDate, locale) });
    case 'funder_limit':
      return t(`${K}.from_date`, { date: formatDate(gap.details.limitDate, locale) });
    case 'five_year_risk':
      return t(`${K}.age_window`, { from: formatDate(gap.periodStart, locale), to: formatDate(gap.periodEnd, locale) });
  }
}

const initiativePath = (id: number) => `/initiatives/${id}/show`;

function newCommitment(label: string, record: Record<string, unknown>): NextStep {
  return { label, to: '/commitments/create', state: { record: { status: 'requested', ...record } } };
}

function focus(gap: Gap, label: string, section: InitiativeFocus, extra: Record<string, unknown> = {}): NextStep {
  return { label, to: initiativePath(gap.initiativeId), state: { focus: section, ...extra } };
}

/** The year whose budget is missing when the gap's need was estimated, if it is. */
function missingBudgetYear(gap: Gap): number | null {
  if (gap.kind !== 'shortfall' && gap.kind !== 'five_year_risk') return null;
  if (!gap.details.needEstimated) return null;
  if (gap.kind === 'shortfall') return gap.details.budgetThrough === null ? null : gap.details.budgetThrough + 1;
  // The window's details carry no budget year; its last year is the one a budget is missing for.
  return Number(gap.details.windowLastMonth.slice(0, 4));
}

/**
 * What would help: the initiative applies for a follow-up or enters its next budget; a funder or
 * the coalition looks at the co-financing (a funder may also record a follow-up of its own money).
 */
export function nextStep(gap: Gap, subjects: GapSubjects, reader: Reader, t: Translate): NextStep {
  const coverage = focus(gap, t(`${K}.step_coverage`), 'coverage-section');
  if (!isExplained(gap)) return coverage;
  const budgetYear = missingBudgetYear(gap);
  const applies = reader.role === 'initiative';
  if (applies && budgetYear !== null && budgetYear <= reader.year + 1) return focus(gap, t(`${K}.step_budget`, { year: budgetYear }), 'budgets', { budgetYear });

  const followUp = (commitmentId: number, funderId: number, endDate: string): NextStep => {
    const commitment = subjects.commitment(commitmentId);
    const funder = subjects.funderName(funderId);
    const label = funder && reader.role !== 'funder' ? t(`${K}.step_follow_up`, { funder }) : t(`${K}.step_follow_up_own`);
    return newCommitment(label, {
      initiativeId: gap.initiativeId,
      funderId,
      startDate: dayAfter(endDate),
      ...(commitment ? { kind: commitment.kind, title: t(`${K}.follow_up_title`, { title: commitment.title }) } : {}),
    });
  };

  switch (gap.kind) {
    case 'expiring': {
      const d = gap.details;
      const ownMoney = reader.role === 'funder' && reader.funderId === d.funderId;
      return applies || ownMoney ? followUp(d.commitmentId, d.funderId, d.endDate) : coverage;
    }
    case 'cliff': {
      if (!applies) return coverage;
      const ending = gap.details.endingCommitmentIds.map((id) => subjects.commitment(id)).find((c) => c !== undefined);
      if (ending) return followUp(ending.id, ending.funderId, ending.endDate);
      return newCommitment(t(`${K}.step_apply`), { initiativeId: gap.initiativeId, startDate: `${gap.details.month}-01` });
    }
    case 'shortfall':
      return applies ? newCommitment(t(`${K}.step_apply`), { initiativeId: gap.initiativeId, startDate: `${gap.details.firstMonth}-01` }) : coverage;
    case 'funder_limit':
      return applies ? newCommitment(t(`${K}.step_other_funder`), { initiativeId: gap.initiativeId, startDate: gap.details.limitDate }) : coverage;
    case 'five_year_risk':
      return applies
        ? newCommitment(t(`${K}.step_multi_year`), { initiativeId: gap.initiativeId, startDate: `${gap.details.windowFirstMonth}-01` })
        : coverage;
  }
}

/** The commitments and funders a gap's sentence names. */
export function gapSubjectIds(gap: Gap): { commitmentIds: number[]; funderIds: number[] } {
  if (!isExplained(gap)) return { commitmentIds: [], funderIds: [] };
  switch (gap.kind) {
    case 'cliff':
      return { commitmentIds: gap.details.endingCommitmentIds, funderIds: [] };
    case 'expiring':
      return { commitmentIds: [gap.details.commitmentId], funderIds: [gap.details.funderId] };
    case 'funder_limit':
      return { commitmentIds: [], funderIds: [gap.details.funderId] };
    default:
      return { commitmentIds: [], funderIds: [] };
  }
}
