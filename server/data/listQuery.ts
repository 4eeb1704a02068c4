// The list conventions of react-admin's ra-data-simple-rest in SQL (and in memory, for figures no
// column holds): sort, a page of the range, and the filter, all checked before they come here
// (server/http/listParams.ts) and always bound as parameters.
import type { Knex } from 'knex';
import { countRows, type Counter } from './countCache.js';

/** The kinds of value a listed field holds. */
export type ListFieldKind = 'id' | 'int' | 'text' | 'date' | 'timestamp' | 'bool' | 'enum' | 'textArray' | 'json';

/** What listing needs of a field; a resource definition's fields satisfy it as they are. */
export interface ListField {
  /** SQL giving the value, e.g. `funders.name`. */
  sql: string;
  kind: ListFieldKind;
  sortable?: boolean;
  filterable?: boolean;
  /** Enumeration values, for filter validation. */
  values?: readonly string[];
  /** Computed by the `from` joins: sorting by it needs them before the page is cut. */
  computed?: boolean;
  /** May be null: sorting puts nulls last. */
  nullable?: boolean;
}

/** What listing needs of a resource (or of a list of figures with the same conventions). */
export interface Listable {
  name: string;
  table: string;
  fields: Readonly<Record<string, ListField>>;
  /** Columns searched by the `q` filter. */
  search: readonly string[];
  defaultSort: readonly [string, 'ASC' | 'DESC'];
  /** Extra FROM clauses, e.g. a join a computed field needs. */
  from?: (q: Knex.QueryBuilder) => void;
}

export interface ListParams {
  sort: readonly [string, 'ASC' | 'DESC'];
  range: readonly [number, number];
  filter: Record<string, unknown>;
}

const RANGE_SUFFIXES = ['_gte', '_lte', '_gt', '_lt'] as const;
const RANGE_OPERATORS: Record<(typeof RANGE_SUFFIXES)[number], string> = { _gte: '>=', _lte: '<=', _gt: '>', _lt: '<' };

/** The field a filter key is about (`foundedOn_gte` → `foundedOn` and `>=`), or null when it may not be filtered by. */
export function filterTarget(def: Listable, key: string): { field: string; spec: ListField; op?: string } | null {
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

/** Adds the validated filter to a query. */
export function applyFilter(q: Knex.QueryBuilder, def: Listable, filter: Record<string, unknown>): void {
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
    const { spec, op } = filterTarget(def, key)!;
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

export function applySort(q: Knex.QueryBuilder, def: Listable, sort: ListParams['sort']): void {
  const [field, order] = sort;
  const spec = def.fields[field]!;
  q.orderByRaw(`${spec.sql} ${order}${spec.nullable ? ' NULLS LAST' : ''}`);
  if (field !== 'id') q.orderByRaw(`${def.fields.id!.sql} ${order}`);
}

/** The resource's fields under their API names. */
export function selectFields(knex: Knex, def: Listable): Knex.Raw[] {
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
 * `counter` may answer totals from a cache (countCache.ts).
 */
export async function fetchPage<T>(rows: Knex.QueryBuilder, count: Knex.QueryBuilder, def: Listable, params: ListParams, counter: Counter = countRows): Promise<Page<T>> {
  applyFilter(rows, def, params.filter);
  applyFilter(count, def, params.filter);
  const [first, last] = params.range;
  applySort(rows, def, params.sort);
  const [records, total] = await Promise.all([rows.offset(first).limit(last - first + 1) as Promise<T[]>, counter(count.clearSelect().clearOrder())]);
  return { records, first, total };
}

/**
 * A page of a resource from `base` (its table with the access scope). Fields computed by joins
 * (a commitment's tranche totals) are computed for the page's rows only: the page is cut from the
 * table first, unless the sort needs them.
 */
export async function fetchResourcePage<T>(knex: Knex, def: Listable, base: () => Knex.QueryBuilder, params: ListParams, counter: Counter = countRows): Promise<Page<T>> {
  if (!def.from || def.fields[params.sort[0]]?.computed) {
    const rows = base().select(selectFields(knex, def));
    def.from?.(rows);
    return fetchPage(rows, base(), def, params, counter);
  }
  const page = await fetchPage<{ id: number }>(base().select(`${def.table}.id`), base(), def, params, counter);
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

/**
 * Every record of a resource from `base` (its table with the access scope and the fields selected),
 * filtered and sorted exactly as its list pages are, as a stream read from a database cursor: an
 * export of a national list holds a few hundred rows at a time, never the list.
 */
export function streamResource<T>(def: Listable, base: Knex.QueryBuilder, params: Pick<ListParams, 'sort' | 'filter'>): AsyncIterable<T> {
  applyFilter(base, def, params.filter);
  applySort(base, def, params.sort);
  return base.stream({ batchSize: 500 }) as unknown as AsyncIterable<T>;
}

function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'string' && typeof b === 'string') return a.localeCompare(b, 'nl');
  return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
}

/** Whether an in-memory record passes the filter, with the same meaning as `applyFilter` in SQL. */
function matches(def: Listable, record: Record<string, unknown>, filter: Record<string, unknown>): boolean {
  return Object.entries(filter).every(([key, value]) => {
    if (key === 'q') {
      const text = def.search.map((f) => String(record[f] ?? '')).join(' ').toLowerCase();
      return (value as string)
        .toLowerCase()
        .split(/\s+/)
        .filter(Boolean)
        .every((word) => text.includes(word));
    }
    const { field, spec, op } = filterTarget(def, key)!;
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
export function pageInMemory<T extends { id: number }>(records: readonly T[], def: Listable, params: ListParams): Page<T> {
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
