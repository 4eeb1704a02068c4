// Kept figures (README "Kept figures"): what a scan computed per initiative, written in the
// transaction of its gaps, read by the portfolio views when they are current. Current means:
// every initiative asked about was evaluated for the day (the risk list) or the years (the
// portfolio statistics) asked, and has no change waiting for its rescan in rescan_outbox (a write
// adds its row in its own transaction, so a committed change is never hidden behind kept figures
// from before it).
import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { firstDayOfMonth, monthOf, yearOf } from '../domain/dates.js';
import type { FoundGap } from '../domain/gaps.js';
import { windowMoney, yearMoney, type WindowMoney, type YearMoney } from '../domain/keptMoney.js';
import { riskFigures, type RiskFigures } from '../domain/risk.js';
import type { DomainSettings } from '../domain/settings.js';
import type { InitiativeFunding, IsoDate } from '../domain/types.js';
import { float8Array, int4Array } from './binaryArrays.js';
import { KEPT_MONTHS, keepPortfolioYears } from './portfolioStats.js';

export interface KeptRow {
  initiativeId: number;
  risk: RiskFigures | null;
  /** its money in the kept years (keptYears) */
  years: readonly YearMoney[];
  /** its need and funding over the KEPT_MONTHS months from the month of `asOf` */
  window: WindowMoney;
}

/** The calendar years whose money is kept: the year before the scan's through eight after it. */
export function keptYears(asOf: IsoDate): { firstYear: number; lastYear: number } {
  const year = yearOf(asOf);
  return { firstYear: year - 1, lastYear: year + 8 };
}

/** The first day whose funding the kept figures look at (the first of the kept years). */
export function keptFrom(asOf: IsoDate): IsoDate {
  return `${keptYears(asOf).firstYear}-01-01`;
}

/**
 * What a scan keeps of an initiative's money evaluated for `asOf`, from its funding loaded from
 * keptFrom(asOf) on (or all of it) and the gaps found. Its obligations the scan keeps in SQL
 * (data/portfolioBurden.ts `keepBurden`).
 */
export function keptRow(funding: InitiativeFunding, gaps: readonly FoundGap[], asOf: IsoDate, settings: DomainSettings): KeptRow {
  const { firstYear, lastYear } = keptYears(asOf);
  return {
    initiativeId: funding.id,
    risk: riskFigures(funding, gaps),
    years: yearMoney(funding, firstYear, lastYear, settings),
    window: windowMoney(funding, firstDayOfMonth(monthOf(asOf)), KEPT_MONTHS),
  };
}

/**
 * A digest of what is kept of an initiative for `asOf`: the day, the thresholds, the risk figures and every number
 * of its money, hashed as the bytes of their float8 values (turning the numbers into text would
 * cost more than the rest of the comparison).
 */
function fingerprintOf(asOf: IsoDate, settingsKey: string, row: KeptRow): string {
  const { need, committed, pipeline } = row.window;
  let count = 1;
  for (const y of row.years) count += 6 + 4 * y.byType.length;
  for (const running of [need, committed, pipeline]) count += 1 + running.whole.length + running.part.length;
  // written straight into the bytes that are hashed, in this order
  const numbers = new Float64Array(count);
  let at = 0;
  const put = (value: number) => {
    numbers[at++] = value;
  };
  put(row.years.length);
  for (const y of row.years) {
    put(y.year);
    put(y.wholeCents);
    put(y.partCents);
    put(y.cents);
    put(y.shortCents);
    put(y.hhi ?? Number.NaN);
    for (const t of y.byType) {
      put(t.wholeCents);
      put(t.partCents);
      put(t.cents);
      put(t.shortCents);
    }
  }
  for (const running of [need, committed, pipeline]) {
    put(running.whole.length);
    numbers.set(running.whole, at);
    numbers.set(running.part, at + running.whole.length);
    at += running.whole.length + running.part.length;
  }
  return createHash('sha256').update(asOf).update(settingsKey).update(JSON.stringify(row.risk)).update(numbers).digest('base64url');
}

/** The columns of kept_windows, each with the running money it holds. */
const WINDOW_COLUMNS: readonly (readonly [string, (w: WindowMoney) => readonly number[]])[] = [
  ['need_whole', (w) => w.need.whole],
  ['need_part', (w) => w.need.part],
  ['committed_whole', (w) => w.committed.whole],
  ['committed_part', (w) => w.committed.part],
  ['pipeline_whole', (w) => w.pipeline.whole],
  ['pipeline_part', (w) => w.pipeline.part],
];

/**
 * Replaces the kept figures of the initiatives (`rows`, one per initiative), evaluated for `asOf`.
 * Like the gaps (syncGaps), they are compared first and only the differences written: each row's
 * fingerprint (a digest of all it keeps and the day) against the one kept, so a scan that finds
 * what the last one found writes nothing at all. Call inside the transaction that locked the
 * initiatives.
 */
export async function keepFigures(trx: Knex.Transaction, asOf: IsoDate, settings: DomainSettings, rows: readonly KeptRow[]): Promise<void> {
  if (!rows.length) return;
  const settingsKey = settingsKeyOf(settings);
  const { firstYear, lastYear } = keptYears(asOf);
  const windowFrom = firstDayOfMonth(monthOf(asOf));
  const ids = rows.map((r) => r.initiativeId);
  const kept = new Map(
    (
      await trx('kept_figures')
        .whereIn('initiative_id', ids)
        .whereBetween('initiative_id', [Math.min(...ids), Math.max(...ids)])
        .select<{ initiative_id: number; fingerprint: string | null }[]>('initiative_id', 'fingerprint')
    ).map((k) => [k.initiative_id, k.fingerprint]),
  );
  const changed: { row: KeptRow; fingerprint: string }[] = [];
  for (const row of rows) {
    const fingerprint = fingerprintOf(asOf, settingsKey, row);
    if (kept.get(row.initiativeId) !== fingerprint) changed.push({ row, fingerprint });
  }
  if (!changed.length) return;

  // The risk figures as one JSON document (jsonb, written as it is kept), whatever the count.
  const figures = changed.map(({ row, fingerprint }) => ({ initiative_id: row.initiativeId, risk: row.risk, fingerprint }));
  await trx.raw(
    `INSERT INTO kept_figures (initiative_id, as_of, risk, first_year, last_year, fingerprint, settings_key)
     SELECT f.initiative_id, :asOf::date, f.risk, :firstYear::int, :lastYear::int, f.fingerprint, :settingsKey
     FROM json_to_recordset(:figures::json) AS f(initiative_id int, risk jsonb, fingerprint text)
     ON CONFLICT (initiative_id) DO UPDATE
     SET as_of = excluded.as_of, risk = excluded.risk, first_year = excluded.first_year, last_year = excluded.last_year,
         fingerprint = excluded.fingerprint, settings_key = excluded.settings_key, computed_at = now()`,
    { asOf, firstYear, lastYear, settingsKey, figures: JSON.stringify(figures) },
  );
  // A column an array of every row's months, cut into each row's by its ordinal (binaryArrays.ts).
  const windows = changed.map((c) => c.row.window);
  const names = WINDOW_COLUMNS.map(([name]) => name);
  const slice = (k: number) => `w.c${k}[(r.n - 1) * ${KEPT_MONTHS} + 1 : r.n * ${KEPT_MONTHS}]`;
  await trx.raw(
    `INSERT INTO kept_windows (initiative_id, window_from, ${names.join(', ')})
     SELECT r.initiative_id, ?::date, ${names.map((_, k) => slice(k)).join(', ')}
     FROM unnest(?::int[]) WITH ORDINALITY AS r(initiative_id, n),
          (SELECT ${names.map((_, k) => `?::float8[] AS c${k}`).join(', ')}) AS w
     ON CONFLICT (initiative_id) DO UPDATE SET window_from = excluded.window_from, ${names.map((c) => `${c} = excluded.${c}`).join(', ')}`,
    [windowFrom, int4Array(changed.map((c) => c.row.initiativeId)), ...WINDOW_COLUMNS.map(([, pick]) => float8Array(windowColumn(windows, pick)))],
  );
  const changedIds = changed.map((c) => c.row.initiativeId);
  await keepPortfolioYears(
    trx,
    changedIds,
    changed.flatMap(({ row }) => row.years.map((money) => ({ initiativeId: row.initiativeId, money }))),
  );
}

/** One column of kept_windows for `windows`: each window's KEPT_MONTHS months after the one before's. */
function windowColumn(windows: readonly WindowMoney[], pick: (w: WindowMoney) => readonly number[]): Float64Array {
  const column = new Float64Array(windows.length * KEPT_MONTHS);
  windows.forEach((w, r) => column.set(monthsOf(pick(w)), r * KEPT_MONTHS));
  return column;
}

/** A window's running money, checked to hold the KEPT_MONTHS months its row's slice of the column takes. */
function monthsOf(running: readonly number[]): readonly number[] {
  if (running.length !== KEPT_MONTHS) throw new Error(`a kept window holds ${KEPT_MONTHS} months, not ${running.length}`);
  return running;
}

/** The thresholds as kept with the figures evaluated with them. */
export function settingsKeyOf(settings: DomainSettings): string {
  const sorted = Object.fromEntries(Object.entries(settings).sort(([a], [b]) => (a < b ? -1 : 1)));
  return createHash('sha256').update(JSON.stringify(sorted)).digest('base64url');
}

/**
 * The initiatives with ids from `from` to `to` whose kept figures are current for `asOf` and were
 * evaluated with `settings`: evaluating them again for that day would find exactly what is kept and
 * write nothing (a write that changed one since left its row in rescan_outbox, in its own
 * transaction, so it is not among them).
 */
export async function currentFor(trx: Knex.Transaction, from: number, to: number, asOf: IsoDate, settings: DomainSettings): Promise<Set<number>> {
  const rows = await trx('kept_figures as k')
    .whereBetween('k.initiative_id', [from, to])
    .where({ 'k.as_of': asOf, 'k.settings_key': settingsKeyOf(settings) })
    .whereNotExists((q) => q.select(trx.raw('1')).from('rescan_outbox as o').whereRaw('o.initiative_id = k.initiative_id'))
    .pluck<number[]>('k.initiative_id');
  return new Set(rows);
}

/** What the kept figures must cover: the day they were evaluated for, a span of years, or the months from a month's first day. */
export type KeptFor = { asOf: IsoDate } | { firstYear: number; lastYear: number } | { windowFrom: IsoDate };

/** Whether the kept figures of every initiative `ids` selects are current for what is asked. */
export async function keptAreCurrent(db: Knex, ids: Knex.QueryBuilder, wanted: KeptFor): Promise<boolean> {
  const kept =
    'windowFrom' in wanted
      ? 'SELECT 1 FROM kept_windows w WHERE w.initiative_id = s.id AND w.window_from = :windowFrom::date'
      : `SELECT 1 FROM kept_figures k WHERE k.initiative_id = s.id AND ${'asOf' in wanted ? 'k.as_of = :asOf::date' : 'k.first_year <= :firstYear::int AND k.last_year >= :lastYear::int'}`;
  const { rows } = await db.raw<{ rows: { stale: boolean }[] }>(
    `SELECT EXISTS (
       SELECT 1 FROM :ids AS s(id)
       WHERE NOT EXISTS (${kept})
          OR EXISTS (SELECT 1 FROM rescan_outbox o WHERE o.initiative_id = s.id)
     ) AS stale`,
    { ids, ...wanted },
  );
  return !rows[0]!.stale;
}

/** The kept risk figures of the initiatives `ids` selects that are at risk, with what the list shows of each. */
export async function keptRisks(
  db: Knex,
  ids: Knex.QueryBuilder,
): Promise<{ id: number; name: string; municipality: string; founded_on: IsoDate; risk: RiskFigures }[]> {
  return db('kept_figures as k')
    .join('initiatives as i', 'i.id', 'k.initiative_id')
    .whereIn('k.initiative_id', ids)
    .whereNotNull('k.risk')
    .select('i.id', 'i.name', 'i.municipality', 'i.founded_on', 'k.risk');
}
