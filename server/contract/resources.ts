// The list parameters of a REST resource (sort and filter; the page range is the same for all:
// `range`, at most MAX_PAGE records),
// derived from its contract: which fields are sortable and filterable, and their values.
import { z } from 'zod';
import { SCALARS, type FieldFacts, type FieldKind } from './resource.js';

/** The most records one page holds. */
export const MAX_PAGE = 1000;

/** The `range` parameter: `[first, last]`, zero-based, both ends included. */
export const rangeSchema = z.tuple([z.number().int().min(0), z.number().int().min(0)]).describe(`zero-based, both ends included; at most ${MAX_PAGE} records`);

/** What the list parameters follow: a resource's contract or definition, or a list with their conventions (the risk list). */
export interface ListFacts {
  fields: Readonly<Record<string, FieldFacts>>;
  search: readonly unknown[];
}

/** The `sort` parameter: `["field","ASC"]` over the sortable fields. */
export function sortSchema(contract: ListFacts): z.ZodType {
  const sortable = Object.entries(contract.fields)
    .filter(([, f]) => f.sortable)
    .map(([name]) => name);
  return z.tuple([z.enum(sortable as [string, ...string[]]), z.enum(['ASC', 'DESC', 'asc', 'desc'])]);
}

const RANGE_KINDS: readonly FieldKind[] = ['id', 'int', 'date', 'timestamp', 'text'];

/** One value a filter compares with: a list field is filtered by the values it may hold. */
function filterValue(f: FieldFacts): z.ZodType {
  if (f.kind === 'enum' || f.kind === 'textArray') return f.values ? z.enum(f.values as [string, ...string[]]) : z.string();
  return f.kind === 'json' ? z.unknown() : SCALARS[f.kind];
}

/** The `filter` parameter: `q`, each filterable field (a value, an array of values or null) and its range operators. */
export function filterSchema(contract: ListFacts): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  if (contract.search.length) shape.q = z.string().max(200).describe('every word must occur in the name').optional();
  for (const [name, f] of Object.entries(contract.fields)) {
    if (!f.filterable) continue;
    const value = filterValue(f);
    shape[name] = z.union([value, z.null(), z.array(value.nullable())]).optional();
    if (RANGE_KINDS.includes(f.kind)) for (const op of ['gte', 'lte', 'gt', 'lt']) shape[`${name}_${op}`] = value.optional();
  }
  return z.object(shape).strict();
}
