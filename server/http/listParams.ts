// Reads the list parameters of react-admin's ra-data-simple-rest: `sort=["field","ASC"]`,
// `range=[0,24]`, `filter={"q":"...","field":value,"id":[1,2]}`. Only declared fields may be
// sorted or filtered, and every value is checked against its field's kind before it reaches SQL
// (server/data/listQuery.ts, where it is always a bound parameter).
import { z } from 'zod';
import { MAX_PAGE, rangeSchema } from '../contract/resources.js';
import { filterTarget, type Listable, type ListField, type ListParams } from '../data/listQuery.js';
import { nulPath } from '../data/nul.js';
import { badRequest, fieldError, reason, type FieldReason } from '../errors.js';

/** The list parameters as they come in the query string. */
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

export function parseListParams(def: Listable, raw: RawListQuery): ListParams {
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

function sortableFields(def: Listable): string[] {
  return Object.entries(def.fields)
    .filter(([, f]) => f.sortable)
    .map(([name]) => name);
}

function scalarProblem(spec: ListField, value: unknown): FieldReason | null {
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

function checkFilter(def: Listable, key: string, value: unknown): void {
  if (key === 'q') {
    if (typeof value !== 'string' || value.length > 200) throw badRequest('filter.q: must be text', { q: reason('field.text') });
    return;
  }
  const found = filterTarget(def, key);
  if (!found) throw badRequest(`filter: cannot filter ${def.name} by "${key}"`, { [key]: reason('list.not_filterable') });
  const values = Array.isArray(value) && !found.op ? value : [value];
  if (values.length > MAX_PAGE) throw badRequest(`filter.${key}: at most ${MAX_PAGE} values`, { [key]: reason('list.filter_values', { max: MAX_PAGE }) });
  for (const v of values) {
    if (v === null && !found.op) continue;
    const problem = scalarProblem(found.spec, v);
    if (problem) throw badRequest(`filter.${key}: ${problem.text}`, { [key]: problem });
  }
}
