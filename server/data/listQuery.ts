// The list conventions of react-admin's ra-data-simple-rest: `sort=["field","ASC"]`,
// `range=[0,24]`, `filter={"q":"...","field":value,"id":[1,2]}`. Only declared fields may be
// sorted or filtered, and every value is checked against its field's kind before it reaches SQL
// (always as a bound parameter).
import type { Knex } from 'knex';
import { z } from 'zod';
import { badRequest, fieldError, reason, type FieldReason } from '../errors.js';
import type { FieldSpec, ResourceDef } from '../resources/resource.js';
import { nulPath } from './nul.js';

export const MAX_PAGE = 1000;

export interface ListParams {
  sort: readonly [string, 'ASC' | 'DESC'];
  range: readonly [number, number];
  filter: Record<string, unknown>;
}

export interface RawListQuery {
  sort?: unknown;
  range?: unknown;
  filter?: unknown;
}

function parseJson(name: string, raw: unknown): unknown {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string') throw fieldError(name, reason('list.json_once'));
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw fieldError(name, reason('list.json'));
  }
  const nul = nulPath(parsed, name);
  if (nul) throw fieldError(nul, reason('field.no_nul'));
  return parsed;
}

const sortSchema = z.tuple([z.string(), z.enum(['ASC', 'DESC', 'asc', 'desc'])]);
const rangeSchema = z.tuple([z.number().int().min(0), z.number().int().min(0)]);

export function parseListParams(def: ResourceDef, raw: RawListQuery): ListParams {
  const sortJson = parseJson('sort', raw.sort);
  let sort: ListParams['sort'] = def.defaultSort;
  if (sortJson !== undefined) {
    const parsed = sortSchema.safeParse(sortJson);
    if (!parsed.success) throw fieldError('sort', reason('list.sort'));
    const [field, order] = parsed.data;
    if (!def.fields[field]?.sortable) throw fieldError('sort', reason('list.not_sortable', { resource: def.name, field, sortable: sortableFields(def) }));
    sort = [field, order.toUpperCase() as 'ASC' | 'DESC'];
  }

  const rangeJson = parseJson('range', raw.range);
  let range: ListParams['range'] = [0, MAX_PAGE - 1];
  if (rangeJson !== undefined) {
    const parsed = rangeSchema.safeParse(rangeJson);
    if (!parsed.success) throw fieldError('range', reason('list.range'));
    const [first, last] = parsed.data;
    if (last < first) throw fieldError('range', reason('list.range_order'));
    if (last - first + 1 > MAX_PAGE) throw fieldError('range', reason('list.page_size', { max: MAX_PAGE }));
    range = [first, last];
  }

  const filterJson = parseJson('filter', raw.filter) ?? {};
  if (typeof filterJson !== 'object' || filterJson === null || Array.isArray(filterJson)) {
    throw fieldError('filter', reason('field.json_object'));
  }
  const filter = filterJson as Record<string, unknown>;
  for (const [key, value] of Object.entries(filter)) checkFilter(def, key, value);
  return { sort, range, filter };
}

function sortableFields(def: ResourceDef): string[] {
  return Object.entries(def.fields)
    .filter(([, f]) => f.sortable)
    .map(([name]) => name);
}

const RANGE_SUFFIXES = ['_gte', '_lte', '_gt', '_lt'] as const;
const RANGE_OPERATORS: Record<(typeof RANGE_SUFFIXES)[number], string> = { _gte: '>=', _lte: '<=', _gt: '>', _lt: '<' };

function splitKey(def: ResourceDef, key: string): { field: string; spec: FieldSpec; op?: string } | null {
  const spec = def.fields[key];
  if (spec?.filterable) return { field: key, spec };
  for (const suffix of RANGE_SUFFIXES) {
    if (!key.endsWith(suffix)) continue;
    const field = key.slice(0, -suffix.length);
    const base = def.fields[field];
    if (base?.filterable && ['id', 'int', 'date', 'timestamp', 'text'].includes(base.kind)) return { field, spec: base, op: RANGE_OPERATORS[suffix] };
  }
  return null;
}

function scalarProblem(spec: FieldSpec, value: unknown): FieldReason | null {
  switch (spec.kind) {
    case 'id':
    case 'int':
      return Number.isSafeInteger(value) ? null : reason('field.whole_number');
    case 'bool':
      return typeof value === 'boolean' ? null : reason('field.bool');
    case 'date':
      return typeof value === 'string' && z.iso.date().safeParse(value).success ? null : reason('field.date');
    case 'timestamp':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? null : reason('field.datetime');
    case 'enum':
    case 'textArray':
      return typeof value === 'string' && (!spec.values || spec.values.includes(value)) ? null : reason('field.one_of', { values: spec.values ?? [] });
    case 'text':
      return typeof value === 'string' && value.length <= 500 ? null : reason('field.text');
    case 'json':
      return reason('list.cannot_filter');
  }
}

function checkFilter(def: ResourceDef, key: string, value: unknown): void {
  if (key === 'q') {
    if (typeof value !== 'string' || value.length > 200) throw badRequest('filter.q: must be text', { q: reason('field.text') });
    return;
  }
  const found = splitKey(def, key);
  if (!found) throw badRequest(`filter: cannot filter ${def.name} by "${key}"`, { [key]: reason('list.not_filterable') });
  const values = Array.isArray(value) && !found.op ? value : [value];
  if (values.length > MAX_PAGE) throw badRequest(`filter.${key}: at most ${MAX_PAGE} values`, { [key]: reason('list.filter_values', { max: MAX_PAGE }) });
  for (const v of values) {
    if (v === null && !found.op) continue;
    const problem = scalarProblem(found.spec, v);
    if (problem) throw badRequest(`filter.${key}: ${problem.text}`, { [key]: problem });
  }
}

/** Adds the validated filter to a query. */
export function applyFilter(q: Knex.QueryBuilder, def: ResourceDef, filter: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(filter)) {
    if (key === 'q') {
      const words = (value as string).trim().split(/\s+/).filter(Boolean);
      if (!def.search.length || !words.length) continue;
      for (const word of words) {
        const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        q.where((w) => {
          for (const col of def.search) w.orWhereRaw(`${col} ILIKE ?`, [pattern]);
        });
      }
      continue;
    }
    const { spec, op } = splitKey(def, key)!;
    const sql = spec.sql;
    if (op) {
      q.whereRaw(`${sql} ${op} ?`, [value as string | number]);
    } else if (spec.kind === 'textArray') {
      // Records having any of the given values.
      const wanted = Array.isArray(value) ? value : [value];
      q.whereRaw(`${spec.sql} && ?::text[]`, [wanted]);
    } else if (Array.isArray(value)) {
      const present = value.filter((v) => v !== null);
      q.where((w) => {
        const [column, param] = spec.kind === 'id' ? [sql, '?::bigint'] : spec.kind === 'text' ? [`lower(${sql})`, 'lower(?)'] : [sql, '?'];
        if (present.length) w.whereRaw(`${column} IN (${present.map(() => param).join(', ')})`, present as (string | number | boolean)[]);
        else w.whereRaw('false');
        if (present.length < value.length) w.orWhereRaw(`${sql} IS NULL`);
      });
    } else if (value === null) {
      q.whereRaw(`${sql} IS NULL`);
    } else if (spec.kind === 'text') {
      q.whereRaw(`lower(${spec.sql}) = lower(?)`, [value as string]);
    } else {
      q.whereRaw(`${sql} = ?${spec.kind === 'id' ? '::bigint' : ''}`, [value as string | number | boolean]);
    }
  }
}

export function applySort(q: Knex.QueryBuilder, def: ResourceDef, sort: ListParams['sort']): void {
  const [field, order] = sort;
  const spec = def.fields[field]!;
  q.orderByRaw(`${spec.sql} ${order}${spec.nullable ? ' NULLS LAST' : ''}`);
  if (field !== 'id') q.orderByRaw(`${def.fields.id!.sql} ${order}`);
}

/** The resource's fields under their API names. */
export function selectFields(knex: Knex, def: ResourceDef): Knex.Raw[] {
  return Object.entries(def.fields).map(([name, f]) => knex.raw(`${f.sql} AS ??`, [name]));
}

export interface Page<T> {
  records: T[];
  first: number;
  total: number;
}

/**
 * One page of `rows` (a query selecting the resource's fields) with the total for `Content-Range`,
 * counted on `count`: the same table and scope without the joins only computed fields need, so
 * counting never computes them. Filters only use plain columns, so both take the same filter.
 */
export async function fetchPage<T>(rows: Knex.QueryBuilder, count: Knex.QueryBuilder, def: ResourceDef, params: ListParams): Promise<Page<T>> {
  applyFilter(rows, def, params.filter);
  applyFilter(count, def, params.filter);
  const [first, last] = params.range;
  applySort(rows, def, params.sort);
  const [records, counted] = await Promise.all([
    rows.offset(first).limit(last - first + 1) as Promise<T[]>,
    count.clearSelect().clearOrder().count<{ total: number }[]>({ total: '*' }),
  ]);
  return { records, first, total: Number(counted[0]?.total ?? 0) };
}

/**
 * A page of a resource from `base` (its table with the access scope). Fields computed by joins
 * (a commitment's tranche totals) are computed for the page's rows only: the page is cut from the
 * table first, unless the sort needs them.
 */
export async function fetchResourcePage<T>(knex: Knex, def: ResourceDef, base: () => Knex.QueryBuilder, params: ListParams): Promise<Page<T>> {
  if (!def.from || def.fields[params.sort[0]]?.computed) {
    const rows = base().select(selectFields(knex, def));
    def.from?.(rows);
    return fetchPage(rows, base(), def, params);
  }
  const page = await fetchPage<{ id: number }>(base().select(`${def.table}.id`), base(), def, params);
  if (!page.records.length) return { records: [], first: page.first, total: page.total };
  const rows = knex(def.table)
    .select(selectFields(knex, def))
    .whereIn(
      `${def.table}.id`,
      page.records.map((r) => r.id),
    );
  def.from(rows);
  applySort(rows, def, params.sort);
  return { records: (await rows) as T[], first: page.first, total: page.total };
}

function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'string' && typeof b === 'string') return a.localeCompare(b, 'nl');
  return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
}

/** Whether an in-memory record passes the filter, with the same meaning as `applyFilter` in SQL. */
function matches(def: ResourceDef, record: Record<string, unknown>, filter: Record<string, unknown>): boolean {
  return Object.entries(filter).every(([key, value]) => {
    if (key === 'q') {
      const text = def.search.map((f) => String(record[f] ?? '')).join(' ').toLowerCase();
      return (value as string)
        .toLowerCase()
        .split(/\s+/)
        .filter(Boolean)
        .every((word) => text.includes(word));
    }
    const { field, spec, op } = splitKey(def, key)!;
    const actual = record[field];
    if (op) {
      if (actual === null || actual === undefined) return false;
      const c = compareValues(actual, value);
      return op === '>=' ? c >= 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c < 0;
    }
    const wanted = Array.isArray(value) ? value : [value];
    if (spec.kind === 'textArray') return wanted.some((v) => (actual as unknown[] | null)?.includes(v));
    const norm = (v: unknown) => (spec.kind === 'text' && typeof v === 'string' ? v.toLowerCase() : v);
    return wanted.some((v) => (v === null ? actual === null || actual === undefined : norm(v) === norm(actual)));
  });
}

/**
 * A page of records computed in memory (figures no SQL column holds), with the conventions of a
 * resource list: the same filters as `applyFilter`, nulls last, ties by id in the same direction.
 */
export function pageInMemory<T extends { id: number }>(records: readonly T[], def: ResourceDef, params: ListParams): Page<T> {
  const kept = records.filter((r) => matches(def, r as unknown as Record<string, unknown>, params.filter));
  const [field, order] = params.sort;
  const sign = order === 'ASC' ? 1 : -1;
  kept.sort((a, b) => {
    const x = (a as unknown as Record<string, unknown>)[field];
    const y = (b as unknown as Record<string, unknown>)[field];
    if (x === null || x === undefined || y === null || y === undefined) {
      if (x === y || ((x === null || x === undefined) && (y === null || y === undefined))) return sign * (a.id - b.id);
      return x === null || x === undefined ? 1 : -1;
    }
    return sign * (compareValues(x, y) || a.id - b.id);
  });
  const [first, last] = params.range;
  return { records: kept.slice(first, last + 1), first, total: kept.length };
}
