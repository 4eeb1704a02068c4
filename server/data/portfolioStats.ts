// Portfolio statistics (README, "Portfolio statistics"; DESIGN.md, "Fragmentation") in one
// set-based query: PostgreSQL answers a few rows per group and year instead of sending every
// commitment and tranche to Node. The domain stays the definition; the query mirrors it, CTE by
// CTE (test/analytics/portfolio-sql.test.ts checks they agree on a varied portfolio):
// - `commitment`: what counts (`countsIn(status, 'committed')`) and `isShortTerm` (domain/length.ts);
// - `slice`: `fundingSlices` (domain/allocation.ts);
// - `slice_year`: `commitmentYearCents`, each slice spread evenly over the days of its period;
// - `initiative_funder`, `initiative_year`: `computeFragmentation` (domain/fragmentation.ts) —
//   money per funder, HHI = Σ share², effective funders = 1 / HHI, short-term money;
// - the group and total rows: `summarize` over the funded initiatives, `roundCents` for output.
// Amounts are never rounded before the end. The money of a slice in a year is split into its
// whole cents (integer division) and the remaining fraction of a cent, each summed in float8:
// integers sum exactly in float8 (below 2^53 cents), and the fractions (each under a cent) add
// up with an error far below a cent, so the rounded cents are those of the exact sum. (Numeric
// aggregates over tens of thousands of groups cost about a third more time.) Ratios are float8.
// The scans keep the per-initiative rows (`initiative_year`, `initiative_type`), computed from the
// funding a batch has loaded by domain/yearMoney.ts, which holds them as this SQL does
// (keepPortfolioYears); the aggregate reads them back when they are current.
// Commitment amounts and tranche amounts are never negative (CHECK constraints), so "money in
// the year" and "a commitment with money in the year" coincide, as the domain's `!== 0` needs.
import type { Knex } from 'knex';
import { COMMITTED_STATUSES, PIPELINE_STATUSES } from '../domain/enums.js';
import { FUNDER_TYPE_GROUPS, type YearMoney } from '../domain/keptMoney.js';
import type { GroupStats, TotalStats } from '../contract/figures.js';
import { float8Array, int4Array } from './binaryArrays.js';


export type PortfolioGrouping = 'funderType' | 'municipality' | 'domain';

export type { GroupStats, TotalStats };

export interface PortfolioStatsOptions {
  firstYear: number;
  lastYear: number;
  groupBy: PortfolioGrouping;
  shortTermMonths: number;
}

interface Row {
  kind: 'group' | 'total';
  group: string | null;
  year: number;
  committed_cents: number;
  share: number | null;
  initiative_count: number;
  /** totals only */
  funded_count: number | null;
  hhi_mean: number | null;
  hhi_median: number | null;
  effective_mean: number | null;
  effective_median: number | null;
  short_term_share: number | null;
  /** totals only */
  effective_histogram: string[] | null;
  short_term_histogram: string[] | null;
}

/**
 * The spread over the funded initiatives of a year (the dashboard's bar charts): how many have
 * effective funders (1 / HHI, computeFragmentation) under 1.5, 1.5 to 2.5, ..., 4.5 and more, and
 * a short-term share under 0.2, 0.2 to 0.4, ..., 0.8 and more. Each bucket holds its lower bound.
 */
export const EFFECTIVE_FUNDERS_BOUNDS = [1.5, 2.5, 3.5, 4.5] as const;
export const SHORT_TERM_SHARE_BOUNDS = [0.2, 0.4, 0.6, 0.8] as const;

/** Counts of the funded initiatives `iy` per bucket of `value` between the bounds, as an array. */
const HISTOGRAM = (value: string, bounds: readonly number[]) => {
  const edges = [null, ...bounds, null];
  const buckets = edges.slice(0, -1).map((low, i) => {
    const high = edges[i + 1];
    const tests = [low === null ? null : `${value} >= ${low}`, high === null ? null : `${value} < ${high}`].filter(Boolean).join(' AND ');
    return `count(iy.initiative_id) FILTER (WHERE iy.cents > 0 AND ${tests})`;
  });
  return `ARRAY[${buckets.join(', ')}]`;
};

// Who is in a group: one row per (group, year, initiative) with the member's money in the group
// (for funderType: of that type only) and the initiative's HHI.
const MEMBERS: Record<PortfolioGrouping, string> = {
  // An initiative counts in each type that funds it in the year; every type is answered, so each
  // also gets a row without an initiative.
  funderType: `
    SELECT it.type_group, it.year, it.initiative_id, it.whole_cents, it.part_cents, it.cents, it.short_cents, it.hhi
    FROM initiative_type it
    UNION ALL
    SELECT g.grp, y.year, NULL, NULL, NULL, NULL, NULL, NULL FROM years y CROSS JOIN unnest(:typeGroups::text[]) AS g(grp)`,
  // Every initiative in scope, funded or not, in its municipality.
  municipality: `
    SELECT i.municipality, y.year, i.id, iy.whole_cents, iy.part_cents, coalesce(iy.cents, 0), iy.short_cents, iy.hhi
    FROM initiatives i CROSS JOIN years y
    LEFT JOIN initiative_year iy ON iy.initiative_id = i.id AND iy.year = y.year
    WHERE i.id IN :scope`,
  // Every initiative in scope in each of its domains, 'none' without one.
  domain: `
    SELECT d.grp, y.year, i.id, iy.whole_cents, iy.part_cents, coalesce(iy.cents, 0), iy.short_cents, iy.hhi
    FROM initiatives i
    CROSS JOIN unnest(CASE WHEN cardinality(i.domains) = 0 THEN ARRAY['none'] ELSE i.domains END) AS d(grp)
    CROSS JOIN years y
    LEFT JOIN initiative_year iy ON iy.initiative_id = i.id AND iy.year = y.year
    WHERE i.id IN :scope`,
};

/** Over member rows `m`: their money, and mean and median HHI, effective funders and the short-term share of the funded ones. */
const STATS = (m: string) => `
  sum(${m}.whole_cents) AS whole_cents, sum(${m}.part_cents) AS part_cents,
  avg(${m}.hhi) FILTER (WHERE ${m}.cents > 0) AS hhi_mean,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY ${m}.hhi) FILTER (WHERE ${m}.cents > 0) AS hhi_median,
  avg(1 / ${m}.hhi) FILTER (WHERE ${m}.cents > 0) AS effective_mean,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY 1 / ${m}.hhi) FILTER (WHERE ${m}.cents > 0) AS effective_median,
  sum(${m}.short_cents) FILTER (WHERE ${m}.cents > 0) / nullif(sum(${m}.cents) FILTER (WHERE ${m}.cents > 0), 0) AS short_term_share`;

/**
 * fundingSlices (domain/allocation.ts) of the rows of a `commitment` CTE: the commitment's
 * non-cancelled tranches, or its own period and amount when it has no tranches at all (all
 * cancelled: nothing). `columns` are the commitment columns each slice carries along.
 */
const SLICE = (columns: string) => `
-- fundingSlices
slice AS (
  SELECT ${columns},
         coalesce(t.period_start, c.start_date) AS period_start,
         coalesce(t.period_end, c.end_date) AS period_end,
         coalesce(t.amount_cents, c.amount_cents) AS amount_cents
  FROM commitment c LEFT JOIN tranches t ON t.commitment_id = c.id
  WHERE t.commitment_id IS NULL OR t.status <> 'cancelled'
)`;

/** `roundCents` of whole + part cents: half a cent away from zero, on their exact (numeric) sum. */
const ROUNDED = (whole: string, part: string) => `round(coalesce(${whole}, 0)::numeric + coalesce(${part}, 0)::numeric)::bigint`;

const YEARS = `
years AS (
  SELECT y AS year, make_date(y, 1, 1) AS first_day, make_date(y, 12, 31) AS last_day
  FROM generate_series(:firstYear::int, :lastYear::int) AS y
)`;

// The money of each initiative in scope per year and per funder type group: the rows the
// aggregate below groups, computed from commitments and tranches (live) or read back from the
// figures the scans kept (keptFigures.ts writes them with this same SQL).
const FUNDING = `
-- The commitments that count as committed funding and can fall in the years, with their funder's
-- type group and whether they are short-term: lengthInMonths ≤ N. As wholeMonthsBetween(from, to)
-- is the largest n with addMonths(from, n) ≤ to, the length is at most N exactly when N + 1
-- months after the start is later than the day after the end (date + interval clamps to the
-- month's last day, as addMonths does).
commitment AS MATERIALIZED (
  SELECT c.id, c.initiative_id, c.funder_id, c.start_date, c.end_date, c.amount_cents,
         CASE WHEN f.type = ANY(:namedTypes::text[]) THEN f.type ELSE 'other' END AS type_group,
         (c.start_date + make_interval(months => :shortTermMonths::int + 1))::date > c.end_date + 1 AS short_term
  FROM commitments c
  JOIN funders f ON f.id = c.funder_id
  WHERE c.initiative_id IN :scope
    AND c.status = ANY(:statuses::text[])
    AND c.end_date >= :firstDay::date AND c.start_date <= :lastDay::date
),
${SLICE('c.initiative_id, c.funder_id, c.type_group, c.short_term')},
-- commitmentYearCents: a slice gives a year amount × (its days in the year) ÷ (its days),
-- kept here as that numerator and denominator.
slice_year AS (
  SELECT s.initiative_id, s.funder_id, s.type_group, s.short_term, y.year,
         s.amount_cents * (least(s.period_end, y.last_day) - greatest(s.period_start, y.first_day) + 1) AS numerator,
         s.period_end - s.period_start + 1 AS days
  FROM slice s JOIN years y ON s.period_start <= y.last_day AND s.period_end >= y.first_day
),
-- Money per initiative, year and funder, exactly: the whole cents (integer division; float8 sums
-- integers exactly below 2^53) and the rest (each slice's under a cent); short-term money.
initiative_funder AS (
  SELECT initiative_id, year, funder_id, type_group,
         sum((numerator / days)::float8) AS whole_cents,
         sum((numerator % days)::float8 / days) AS part_cents,
         sum(numerator::float8 / days) FILTER (WHERE short_term) AS short_cents
  FROM slice_year
  GROUP BY initiative_id, year, funder_id, type_group
),
-- computeFragmentation: HHI = Σ (share of each funder)² of the initiative's money in the year.
initiative_year AS MATERIALIZED (
  SELECT initiative_id, year, sum(whole_cents) AS whole_cents, sum(part_cents) AS part_cents,
         sum(whole_cents + part_cents) AS cents, coalesce(sum(short_cents), 0) AS short_cents,
         CASE WHEN sum(whole_cents + part_cents) > 0
              THEN sum((whole_cents + part_cents) ^ 2) / sum(whole_cents + part_cents) ^ 2 END AS hhi
  FROM initiative_funder
  GROUP BY initiative_id, year
),
-- The money per funder type group, with the initiative's HHI of the year beside it.
initiative_type AS (
  SELECT t.*, iy.hhi
  FROM (
    SELECT initiative_id, year, type_group, sum(whole_cents) AS whole_cents, sum(part_cents) AS part_cents,
           sum(whole_cents + part_cents) AS cents, coalesce(sum(short_cents), 0) AS short_cents
    FROM initiative_funder
    GROUP BY initiative_id, year, type_group
    HAVING sum(whole_cents + part_cents) > 0
  ) t JOIN initiative_year iy USING (initiative_id, year)
)`;

const AGGREGATE = (groupBy: PortfolioGrouping) => `
member (grp, year, initiative_id, whole_cents, part_cents, cents, short_cents, hhi) AS (${MEMBERS[groupBy]}
),
group_stats AS (
  SELECT m.grp, m.year, count(m.initiative_id) AS initiative_count, ${STATS('m')}
  FROM member m
  GROUP BY m.grp, m.year
),
total AS (
  SELECT y.year, (SELECT count(*) FROM initiatives i WHERE i.id IN :scope) AS initiative_count,
         count(iy.initiative_id) FILTER (WHERE iy.cents > 0) AS funded_count, ${STATS('iy')},
         ${HISTOGRAM('1 / iy.hhi', EFFECTIVE_FUNDERS_BOUNDS)} AS effective_histogram,
         ${HISTOGRAM('iy.short_cents / iy.cents', SHORT_TERM_SHARE_BOUNDS)} AS short_term_histogram
  FROM years y LEFT JOIN initiative_year iy ON iy.year = y.year
  GROUP BY y.year
)
SELECT * FROM (
  SELECT 'group' AS kind, g.grp AS "group", g.year, ${ROUNDED('g.whole_cents', 'g.part_cents')} AS committed_cents,
         coalesce(g.whole_cents + g.part_cents, 0) / nullif(t.whole_cents + t.part_cents, 0) AS share,
         g.initiative_count, NULL::bigint AS funded_count,
         g.hhi_mean, g.hhi_median, g.effective_mean, g.effective_median, g.short_term_share,
         NULL::bigint[] AS effective_histogram, NULL::bigint[] AS short_term_histogram
  FROM group_stats g JOIN total t ON t.year = g.year
  UNION ALL
  SELECT 'total', NULL, t.year, ${ROUNDED('t.whole_cents', 't.part_cents')}, NULL, t.initiative_count, t.funded_count,
         t.hhi_mean, t.hhi_median, t.effective_mean, t.effective_median, t.short_term_share,
         t.effective_histogram, t.short_term_histogram
  FROM total t
) answer
-- "C": code point order (JavaScript's string order for names within U+FFFF), whatever the database's collation.
ORDER BY kind, year, "group" COLLATE "C"`;

/** The kept rows as the `initiative_year` and `initiative_type` the live query computes. */
const KEPT = `
kept AS MATERIALIZED (
  SELECT k.* FROM kept_years k
  WHERE k.initiative_id IN :scope AND k.year BETWEEN :firstYear::int AND :lastYear::int
),
initiative_year AS (
  SELECT initiative_id, year, whole_cents, part_cents, cents, short_cents, hhi FROM kept
),
initiative_type AS (
  SELECT k.initiative_id, k.year, g.type_group, k.type_whole_cents[g.i] AS whole_cents, k.type_part_cents[g.i] AS part_cents,
         k.type_cents[g.i] AS cents, k.type_short_cents[g.i] AS short_cents, k.hhi
  FROM kept k CROSS JOIN unnest(:typeGroups::text[]) WITH ORDINALITY AS g(type_group, i)
  WHERE k.type_cents[g.i] > 0
)`;

const sql = (groupBy: PortfolioGrouping, source: 'live' | 'kept') => `
WITH
${YEARS},
${source === 'live' ? FUNDING : KEPT},
${AGGREGATE(groupBy)}`;

/**
 * Committed funding, concentration (HHI, effective funders) and short-term share per group and
 * year of the initiatives `scope` selects (a query of their ids: the visible active ones), and
 * the totals per year over all of them.
 */
export async function portfolioStats(
  db: Knex,
  scope: Knex.QueryBuilder,
  options: PortfolioStatsOptions & { source: 'live' | 'kept' },
): Promise<{ groups: GroupStats[]; totals: TotalStats[] }> {
  const bindings = fundingBindings(scope, options.firstYear, options.lastYear, options.shortTermMonths);
  const { rows } = await db.transaction(async (trx) => {
    // JIT compilation takes longer than the query runs (some 70 ms at 10,000 initiatives).
    await trx.raw('SET LOCAL jit = off');
    return trx.raw<{ rows: Row[] }>(sql(options.groupBy, options.source), bindings);
  });
  const groups: GroupStats[] = [];
  const totals: TotalStats[] = [];
  for (const r of rows) {
    const hhi = { mean: r.hhi_mean, median: r.hhi_median };
    const effectiveFunders = { mean: r.effective_mean, median: r.effective_median };
    if (r.kind === 'group') {
      groups.push({
        group: r.group ?? '',
        year: r.year,
        committedCents: r.committed_cents,
        share: r.share,
        initiativeCount: r.initiative_count,
        hhi,
        effectiveFunders,
        shortTermShare: r.short_term_share,
      });
    } else {
      totals.push({
        year: r.year,
        committedCents: r.committed_cents,
        initiativeCount: r.initiative_count,
        fundedInitiativeCount: r.funded_count ?? 0,
        hhi,
        effectiveFunders,
        shortTermShare: r.short_term_share,
        effectiveFundersHistogram: (r.effective_histogram ?? []).map(Number),
        shortTermShareHistogram: (r.short_term_histogram ?? []).map(Number),
      });
    }
  }
  return { groups, totals };
}

function fundingBindings(scope: Knex.QueryBuilder, firstYear: number, lastYear: number, shortTermMonths: number) {
  return {
    scope,
    firstYear,
    lastYear,
    firstDay: `${firstYear}-01-01`,
    lastDay: `${lastYear}-12-31`,
    namedTypes: FUNDER_TYPE_GROUPS.filter((g) => g !== 'other'),
    typeGroups: [...FUNDER_TYPE_GROUPS],
    shortTermMonths,
    statuses: [...COMMITTED_STATUSES],
  };
}

/**
 * Replaces the money per year of the initiatives `ids` (kept_years) with `rows` (yearMoney of
 * domain/keptMoney.ts: the rows `initiative_year` and `initiative_type` of the live query compute,
 * per funder type group in the order of FUNDER_TYPE_GROUPS). keepFigures calls it for the
 * initiatives whose kept figures changed.
 */
export async function keepPortfolioYears(trx: Knex.Transaction, ids: readonly number[], rows: readonly KeptYearRow[]): Promise<void> {
  if (!ids.length) return;
  await trx('kept_years').whereIn('initiative_id', [...ids]).whereBetween('initiative_id', [Math.min(...ids), Math.max(...ids)]).delete();
  if (!rows.length) return;
  // A column an array (binaryArrays.ts); the per-type columns, FUNDER_TYPE_GROUPS.length numbers a
  // row, one array each, cut into each row's part by its ordinal.
  const groups = FUNDER_TYPE_GROUPS.length;
  const scalar = (pick: (m: YearMoney) => number | null) => float8Array(rows.map((r) => pick(r.money)));
  const perType = (pick: (m: YearMoney['byType'][number]) => number) => {
    const column = new Float64Array(rows.length * groups);
    rows.forEach((r, k) => {
      if (r.money.byType.length !== groups) throw new Error(`a kept year holds ${groups} funder type groups, not ${r.money.byType.length}`);
      r.money.byType.forEach((t, g) => (column[k * groups + g] = pick(t)));
    });
    return float8Array(column);
  };
  const slice = (column: string) => `${column}[(r.n - 1) * ${groups} + 1 : r.n * ${groups}]`;
  await trx.raw(
    `INSERT INTO kept_years (initiative_id, year, whole_cents, part_cents, cents, short_cents, hhi,
       type_whole_cents, type_part_cents, type_cents, type_short_cents)
     SELECT r.initiative_id, r.year, r.whole_cents, r.part_cents, r.cents, r.short_cents, r.hhi,
       ${slice('t.whole')}, ${slice('t.part')}, ${slice('t.cents')}, ${slice('t.short')}
     FROM unnest(?::int[], ?::int[], ?::float8[], ?::float8[], ?::float8[], ?::float8[], ?::float8[])
            WITH ORDINALITY AS r(initiative_id, year, whole_cents, part_cents, cents, short_cents, hhi, n),
          (SELECT ?::float8[] AS whole, ?::float8[] AS part, ?::float8[] AS cents, ?::float8[] AS short) AS t`,
    [
      int4Array(rows.map((r) => r.initiativeId)),
      int4Array(rows.map((r) => r.money.year)),
      scalar((m) => m.wholeCents),
      scalar((m) => m.partCents),
      scalar((m) => m.cents),
      scalar((m) => m.shortCents),
      scalar((m) => m.hhi),
      perType((t) => t.wholeCents),
      perType((t) => t.partCents),
      perType((t) => t.cents),
      perType((t) => t.shortCents),
    ],
  );
}

/** One year of one initiative's money, to keep. */
export interface KeptYearRow {
  initiativeId: number;
  money: YearMoney;
}

export interface WindowFunding {
  needCents: number;
  committedCents: number;
  pipelineCents: number;
}

/**
 * Need, committed and pipeline funding of the initiatives `scope` selects over the days from
 * `firstDay` to `lastDay` (e.g. the twelve months from the month of `asOf`): each year's need (its
 * own budget or the latest earlier one carried forward, NeedPlan) spread over the days of its year, each slice over the days of its period (monthlyNeedCents and
 * monthlyFundingCents of domain/allocation.ts, summed over the window's months), rounded once.
 */
export async function windowFunding(db: Knex, scope: Knex.QueryBuilder, firstDay: string, lastDay: string): Promise<WindowFunding> {
  const { rows } = await db.raw<{ rows: { need: string; committed: string; pipeline: string }[] }>(
    `
WITH
commitment AS MATERIALIZED (
  SELECT c.id, c.status, c.start_date, c.end_date, c.amount_cents
  FROM commitments c
  WHERE c.initiative_id IN :scope AND c.status = ANY(:pipeline::text[])
    AND c.end_date >= :firstDay::date AND c.start_date <= :lastDay::date
),
${SLICE('c.status')},
money AS (
  SELECT s.status, s.amount_cents::numeric * (least(s.period_end, :lastDay::date) - greatest(s.period_start, :firstDay::date) + 1)
         / (s.period_end - s.period_start + 1) AS cents
  FROM slice s
  WHERE s.period_start <= :lastDay::date AND s.period_end >= :firstDay::date
),
need AS (
  SELECT (SELECT b.amount_cents FROM budgets b WHERE b.initiative_id = i.id AND b.year <= y.year ORDER BY b.year DESC LIMIT 1)::numeric
         * (least(make_date(y.year, 12, 31), :lastDay::date) - greatest(make_date(y.year, 1, 1), :firstDay::date) + 1)
         / (make_date(y.year, 12, 31) - make_date(y.year, 1, 1) + 1) AS cents
  FROM initiatives i
  CROSS JOIN generate_series(extract(year FROM :firstDay::date)::int, extract(year FROM :lastDay::date)::int) AS y(year)
  WHERE i.id IN :scope
)
SELECT round(coalesce((SELECT sum(cents) FROM need), 0)) AS need,
       round(coalesce((SELECT sum(cents) FROM money WHERE status = ANY(:committed::text[])), 0)) AS committed,
       round(coalesce((SELECT sum(cents) FROM money), 0)) AS pipeline`,
    { scope, firstDay, lastDay, pipeline: [...PIPELINE_STATUSES], committed: [...COMMITTED_STATUSES] },
  );
  const row = rows[0]!;
  return { needCents: Number(row.need), committedCents: Number(row.committed), pipelineCents: Number(row.pipeline) };
}

/** How many months from the month of its `asOf` a scan keeps each initiative's need and funding for. */
export const KEPT_MONTHS = 12;

/** windowFunding from the kept running totals: the first `months` (≤ KEPT_MONTHS) months from the kept month. */
export async function keptWindowFunding(db: Knex, scope: Knex.QueryBuilder, months: number): Promise<WindowFunding> {
  const { rows } = await db.raw<{ rows: { need: string; committed: string; pipeline: string }[] }>(
    `SELECT ${['need', 'committed', 'pipeline'].map((m) => `${ROUNDED(`sum(k.${m}_whole[:n])`, `sum(k.${m}_part[:n])`)} AS ${m}`).join(', ')}
     FROM kept_windows k
     WHERE k.initiative_id IN :scope`,
    { n: months, scope },
  );
  const row = rows[0]!;
  return { needCents: Number(row.need), committedCents: Number(row.committed), pipelineCents: Number(row.pipeline) };
}
