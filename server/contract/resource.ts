// A REST resource as the API shows it, written once: each field's value and the facts the list
// conventions need (sortable, filterable, nullable, fixed, enumeration values), and what a create
// and an update take. The server's definitions (server/resources/), the OpenAPI document, the
// console's types and the tests' factories all derive from it; the database columns follow from
// the field names (`startDate` → `start_date`).
import { z } from 'zod';
import { isoDate, recordId, timestamp } from './values.js';

export type FieldKind = 'id' | 'int' | 'text' | 'date' | 'timestamp' | 'bool' | 'enum' | 'textArray' | 'json';

export interface FieldFacts {
  kind: FieldKind;
  sortable?: boolean;
  /** Equality (or membership, for an array of values) filter; dates and numbers also get `_gte`/`_lte`. */
  filterable?: boolean;
  /** Enumeration values, for filter validation. */
  values?: readonly string[];
  /** May be null: sorting puts nulls last (the clause costs other columns their index order). */
  nullable?: boolean;
  /** Set once on create and never changed (a commitment's initiative): an update that changes it is a 422. */
  fixed?: boolean;
  /** Not a column of the resource's table: the server computes it (a join, a subquery, an expression). */
  computed?: boolean;
}

/** One field: its facts and the schema of its value when it is not null. */
export interface Field<S extends z.ZodType = z.ZodType, N extends boolean = boolean> extends FieldFacts {
  value: S;
  nullable: N;
}

type Options = Pick<FieldFacts, 'sortable' | 'filterable' | 'fixed' | 'computed'>;

const make = <S extends z.ZodType>(kind: FieldKind, value: S, options: Options = {}): Field<S, false> => ({ kind, value, nullable: false, ...options });

/** The value of each kind of field that holds one plain value. */
export const SCALARS = { id: recordId, int: z.number().int(), text: z.string(), date: isoDate, timestamp, bool: z.boolean() };

/** The fields a contract is written in, by kind. */
export const field = {
  id: (options?: Options) => make('id', SCALARS.id, options),
  int: (options?: Options) => make('int', SCALARS.int, options),
  text: (options?: Options) => make('text', SCALARS.text, options),
  date: (options?: Options) => make('date', SCALARS.date, options),
  timestamp: (options?: Options) => make('timestamp', SCALARS.timestamp, options),
  bool: (options?: Options) => make('bool', SCALARS.bool, options),
  enum: <const V extends readonly [string, ...string[]]>(values: V, options?: Options) => ({ ...make('enum', z.enum(values), options), values }),
  /** A list of enumeration values; its filter takes records holding any of the values asked for. */
  textArray: <const V extends readonly [string, ...string[]]>(values: V, options?: Options) => ({ ...make('textArray', z.array(z.enum(values)), options), values }),
  /** A JSON document, answered as it is stored; never filtered or sorted by. */
  json: <S extends z.ZodType>(value: S) => make('json', value),
};

/** The field, answered as null when not set. */
export const nullable = <F extends Field<z.ZodType, false>>(f: F): Omit<F, 'nullable'> & { nullable: true } => ({ ...f, nullable: true });

export type Fields = Record<string, Field>;

type ReadSchema<F> = F extends { value: infer S extends z.ZodType; nullable: infer N } ? (N extends true ? z.ZodNullable<S> : S) : never;

/** The record's schema shape: each field's value, nullable where the field is. */
export type RecordShape<F extends Fields> = { [K in keyof F]: ReadSchema<F[K]> };

export interface ResourceContract<F extends Fields = Fields> {
  /** The URL segment and the name in audit events. */
  name: string;
  fields: F;
  /** The record `GET /api/{name}/{id}` answers. */
  record: z.ZodObject<RecordShape<F>>;
  /** Fields the `q` filter searches. */
  search: readonly (keyof F & string)[];
  defaultSort: readonly [keyof F & string, 'ASC' | 'DESC'];
}

/**
 * A resource the API writes: `create` is the whole new record, `update` the whole record after an
 * update (the stored record with the sent fields over it). Fields of `create` or `update` that are
 * not fields of the record (a user's `password`) are taken but never answered.
 */
export interface WritableContract<F extends Fields = Fields, C extends z.ZodType = z.ZodType, U extends z.ZodType = z.ZodType> extends ResourceContract<F> {
  create: C;
  update: U;
}

interface Spec<F extends Fields> {
  name: string;
  fields: F;
  search?: readonly (keyof F & string)[];
  defaultSort: readonly [keyof F & string, 'ASC' | 'DESC'];
}

function recordOf<F extends Fields>(fields: F): z.ZodObject<RecordShape<F>> {
  const shape = Object.fromEntries(Object.entries(fields).map(([name, f]) => [name, f.nullable ? f.value.nullable() : f.value]));
  return z.object(shape) as unknown as z.ZodObject<RecordShape<F>>;
}

/** A resource the API only reads (gaps, scans, audit events). */
export function readOnlyContract<const F extends Fields>(spec: Spec<F>): ResourceContract<F> {
  return { search: [], ...spec, record: recordOf(spec.fields) };
}

/** A resource the API writes; `update` is `create` unless the two differ. */
export function writableContract<const F extends Fields, C extends z.ZodType, U extends z.ZodType = C>(spec: Spec<F> & { create: C; update?: U }): WritableContract<F, C, U> {
  return { search: [], ...spec, update: (spec.update ?? spec.create) as U, record: recordOf(spec.fields) };
}

export const isWritable = (contract: ResourceContract): contract is WritableContract => 'create' in contract;

/** The top-level fields of an object schema (after its refinements); none for any other schema. */
export function inputFields(schema: z.ZodType): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

/** `startDate` → `start_date`: how a field's name becomes its column's. */
export const columnOf = (fieldName: string): string => fieldName.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

type SnakeCase<S extends string> = S extends `${infer Head}${infer Tail}` ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${SnakeCase<Tail>}` : S;

/** A record as its table's row: the same values under their column names. */
export type RowOf<T> = { [K in keyof T & string as SnakeCase<K>]: T[K] };

/** A record in field names as a row in column names, for writing it straight to its table. */
export const toColumns = (record: object): Record<string, unknown> => Object.fromEntries(Object.entries(record).map(([name, value]) => [columnOf(name), value]));

/** The record a contract answers, as TypeScript. */
export type RecordOf<C extends ResourceContract> = z.output<C['record']>;
/** What a create takes (fields with a default or an "absent means not set" may be left out). */
export type CreateOf<C extends WritableContract> = z.input<C['create']>;
/** A create as it resolves: every field present, defaults filled in. */
export type CreatedOf<C extends WritableContract> = z.output<C['create']>;
/** A new record as code writes it (seeds): the create's resolved fields, those that may be null left out at will. */
export type NewRecord<C extends WritableContract> = OptionalNulls<CreatedOf<C>>;
type OptionalNulls<T> = { [K in keyof T as null extends T[K] ? never : K]: T[K] } & { [K in keyof T as null extends T[K] ? K : never]?: T[K] };
/** What an update takes besides `version`. */
export type UpdateOf<C extends WritableContract> = z.input<C['update']>;
