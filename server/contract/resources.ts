// The shapes of a REST resource, derived from its definition (resources/*.ts): the record it
// answers from its fields, what create and update take from its input schema, and its list
// parameters (sort, range, filter) from which fields are sortable and filterable.
import { z } from 'zod';
import { MAX_PAGE } from '../data/listQuery.js';
import type { FieldSpec, ResourceDef } from '../resources/resource.js';
import { isoDate, timestamp } from './figures.js';

type Shape = Record<string, z.ZodType>;

function inputShape(def: ResourceDef): Shape {
  return def.input instanceof z.ZodObject ? (def.input.shape as Shape) : {};
}

const oneOf = (spec: FieldSpec): z.ZodType => (spec.values ? z.enum(spec.values as [string, ...string[]]) : z.string());

function valueSchema(spec: FieldSpec): z.ZodType {
  switch (spec.kind) {
    case 'id':
      return z.number().int().positive();
    case 'int':
      return z.number().int();
    case 'text':
      return z.string();
    case 'date':
      return isoDate;
    case 'timestamp':
      return timestamp;
    case 'bool':
      return z.boolean();
    case 'enum':
      return oneOf(spec);
    case 'textArray':
      return z.array(oneOf(spec));
    case 'json':
      return z.unknown();
  }
}

/** A field may be null when its definition says so or its input takes null as "not set". */
function mayBeNull(spec: FieldSpec, input: z.ZodType | undefined): boolean {
  if (spec.kind === 'json') return false;
  return Boolean(spec.nullable) || (input?.safeParse(null).success ?? false);
}

/** The record `GET /api/{resource}/{id}` answers. */
export function readSchema(def: ResourceDef): z.ZodObject {
  const input = inputShape(def);
  const shape: Shape = {};
  for (const [name, spec] of Object.entries(def.fields)) {
    const value = valueSchema(spec);
    shape[name] = mayBeNull(spec, input[name]) ? value.nullable() : value;
  }
  return z.object(shape);
}

/** Fields the answer carries but a write ignores: computed, read-only, id and version. */
export function readOnlyFields(def: ResourceDef): string[] {
  const input = inputShape(def);
  return Object.keys(def.fields).filter((name) => !(name in input));
}

/** Input fields a create may leave out: those with a default or an "absent means not set". */
export function optionalInputs(def: ResourceDef): string[] {
  return Object.entries(inputShape(def))
    .filter(([, schema]) => schema.safeParse(undefined).success)
    .map(([name]) => name);
}

/** The `sort` parameter: `["field","ASC"]` over the sortable fields. */
export function sortSchema(def: ResourceDef): z.ZodType {
  const sortable = Object.entries(def.fields)
    .filter(([, spec]) => spec.sortable)
    .map(([name]) => name);
  return z.tuple([z.enum(sortable as [string, ...string[]]), z.enum(['ASC', 'DESC', 'asc', 'desc'])]);
}

/** The `range` parameter: `[first, last]`, at most MAX_PAGE records. */
export const rangeSchema = z.tuple([z.number().int().min(0), z.number().int().min(0)]).describe(`zero-based, both ends included; at most ${MAX_PAGE} records`);

const RANGE_KINDS: readonly FieldSpec['kind'][] = ['id', 'int', 'date', 'timestamp', 'text'];

/** The `filter` parameter: `q`, each filterable field (a value, an array of values or null) and its range operators. */
export function filterSchema(def: ResourceDef): z.ZodObject {
  const shape: Shape = {};
  if (def.search.length) shape.q = z.string().max(200).describe('every word must occur in the name').optional();
  for (const [name, spec] of Object.entries(def.fields)) {
    if (!spec.filterable) continue;
    const value = spec.kind === 'textArray' ? oneOf(spec) : valueSchema(spec);
    shape[name] = z.union([value, z.null(), z.array(value.nullable())]).optional();
    if (RANGE_KINDS.includes(spec.kind)) for (const op of ['gte', 'lte', 'gt', 'lt']) shape[`${name}_${op}`] = value.optional();
  }
  return z.object(shape).strict();
}
