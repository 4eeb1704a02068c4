// What the generic list/get/create/update/delete service needs to know about one resource: its
// contract (server/contract/) resolved to SQL, and what a write of it means — its rules, who may
// do it, which initiatives it makes stale.
import type { Knex } from 'knex';
import type { z } from 'zod';
import type { Role } from '../domain/enums.js';
import { columnOf, inputFields, isWritable, type FieldFacts, type RecordOf, type ResourceContract, type WritableContract } from '../contract/resource.js';
import type { Actor } from '../services/actor.js';

export interface FieldSpec extends FieldFacts {
  /** SQL giving the value, e.g. `funders.name`; computed fields use a subquery. */
  sql: string;
  /** Column to write; absent for computed and read-only fields. */
  column?: string;
}

/** The initiative and funder a record belongs to: what the access rules are about. */
export interface Tenant {
  initiativeId: number | null;
  funderId: number | null;
}

export type ApiRecord = Record<string, unknown> & { id: number };

export type WriteVerb = 'create' | 'update' | 'delete';

/** Who may read a resource and who may write it how (DESIGN.md, "Who may see and do what"); services/access.ts applies it. */
export interface Policy {
  read: readonly Role[];
  write: Readonly<Partial<Record<WriteVerb, readonly Role[]>>>;
}

export const ANY_ROLE: readonly Role[] = ['admin', 'funder', 'initiative'];
export const ADMIN_ONLY: readonly Role[] = ['admin'];
/** The same roles for create, update and delete. */
export const writesBy = (roles: readonly Role[]) => ({ create: roles, update: roles, delete: roles });

/**
 * The behaviour of one resource. The hooks are methods, so that a definition typed by its own row
 * and input still serves where any resource's is wanted.
 */
export interface ResourceDef<Row extends { id: number } = ApiRecord, Created extends object = Record<string, unknown>, Written extends object = Record<string, unknown>> {
  /** The URL segment and the name in audit events. */
  name: string;
  table: string;
  fields: Record<string, FieldSpec>;
  /** SQL searched by the `q` filter. */
  search: readonly string[];
  defaultSort: readonly [string, 'ASC' | 'DESC'];
  /** Absent for lists that are not resources (the risk list): nobody may use them as one. */
  access?: Policy;
  /** What a create takes: the complete new record. */
  create?: z.ZodType<Created>;
  /** What an update takes: the stored record with the sent fields over it. */
  update?: z.ZodType<Written>;
  /** Referenced records, checked to exist and be visible to the writer: field → resource name. */
  references?: Readonly<Record<string, string>>;
  /** Extra FROM clauses, e.g. a join a computed field needs. */
  from?: (q: Knex.QueryBuilder) => void;
  /** SQL giving the initiative id of a row, for visibility; absent for resources without one. */
  initiativeSql?: string;
  /**
   * SQL with one `?` for the funder's id that narrows a funder user's reads instead of the
   * initiatives it funds or that are shared: an obligation of its own commitments, a report that
   * answers one of them, its own webhook. Without `initiativeSql` an initiative user sees none.
   */
  funderScope?: string;
  /**
   * Resolves the tenant of a record about to be written (fields in API names), loading a parent
   * where the record itself does not carry it (a tranche's commitment).
   */
  tenantOf?(trx: Knex, record: Partial<Row>): Promise<Tenant | null>;
  /** Business rules checked inside the write transaction; throw ApiError(422) to refuse. */
  check?(trx: Knex.Transaction, next: Written, prev: Row | null, actor: Actor): Promise<void>;
  /**
   * Called after an insert with the new record, e.g. to generate tranches; answers the records it
   * created (resource → ids), which get their own audit rows.
   */
  afterCreate?(trx: Knex.Transaction, created: Row, input: Created): Promise<Readonly<Record<string, readonly number[]>>>;
  /** Called after an update with the body as sent, e.g. to end a user's sessions when the password changed. */
  afterUpdate?(trx: Knex.Transaction, prev: Row, next: Row, body: Record<string, unknown>): Promise<void>;
  /** Facts about an update the audit row records beside the record (`passwordChanged`), never a secret. */
  auditNotes?(body: Record<string, unknown>): Record<string, unknown>;
  /** The initiatives whose gaps may change with this write (before is null on create, after on delete). */
  staleInitiatives?(trx: Knex.Transaction, before: Row | null, after: Row | null): Promise<number[]>;
  /**
   * Records the database removes with this one (ON DELETE CASCADE): resource → its column that
   * points here. Each gets its own audit row.
   */
  cascades?: Readonly<Record<string, string>>;
  /** Columns derived from the input besides the plain fields (a password becomes its hash). */
  extraColumns?(input: Written, prev: Row | null): Promise<Record<string, unknown>>;
  /** Input fields that are not stored as such (`trancheSchedule` on create, a user's `password`). */
  extraInput?: readonly string[];
  /** Input fields refused on update. */
  createOnly?: readonly string[];
  /** Text shown for 409 when a delete is refused because other records still refer to this one. */
  inUseMessage?: string;
}

// A definition's types from its contract: the record it answers, a create and an update as validated.
type Row<C extends ResourceContract> = RecordOf<C> & { id: number };
type Created<C extends ResourceContract> = C extends WritableContract ? z.output<C['create']> & object : Record<string, unknown>;
type Written<C extends ResourceContract> = C extends WritableContract ? z.output<C['update']> & object : Record<string, unknown>;

type Derived = 'name' | 'table' | 'fields' | 'search' | 'defaultSort' | 'create' | 'update' | 'extraInput' | 'createOnly';

/** What a definition says beyond its contract. */
export type ResourceSpec<C extends ResourceContract> = Omit<ResourceDef<Row<C>, Created<C>, Written<C>>, Derived | 'access'> & {
  access: Policy;
  /** Defaults to the resource's name with `_` for `-`. */
  table?: string;
  /** The SQL of each computed field. */
  computed?: Readonly<Partial<Record<keyof C['fields'], string>>>;
};

/**
 * A resource definition from its contract: each field reads `table.column`, the column named after
 * the field (`startDate` → `start_date`); computed fields give their SQL. Fields a create or update
 * takes are written to their columns; what else those take is extra input.
 */
export function defineResource<const C extends ResourceContract>(contract: C, spec: ResourceSpec<C>): ResourceDef<Row<C>, Created<C>, Written<C>> {
  const { computed = {}, table = contract.name.replaceAll('-', '_'), ...behaviour } = spec;
  const sqlOf = computed as Readonly<Record<string, string | undefined>>;
  const created = isWritable(contract) ? inputFields(contract.create) : [];
  const written = isWritable(contract) ? inputFields(contract.update) : [];
  const fields = Object.fromEntries(
    Object.entries(contract.fields).map(([name, facts]): [string, FieldSpec] => {
      const { value: _value, ...rest } = facts;
      const sql = facts.computed ? sqlOf[name] : `${table}.${columnOf(name)}`;
      if (!sql) throw new Error(`${contract.name}.${name} is computed: its definition must give its SQL`);
      const writable = !facts.computed && (created.includes(name) || written.includes(name));
      return [name, { ...rest, sql, ...(writable ? { column: columnOf(name) } : {}) }];
    }),
  );
  const writes = isWritable(contract) ? { create: contract.create, update: contract.update } : {};
  return {
    ...behaviour,
    ...(writes as Pick<ResourceDef<Row<C>, Created<C>, Written<C>>, 'create' | 'update'>),
    name: contract.name,
    table,
    fields,
    search: contract.search.map((name) => fields[name]!.sql),
    defaultSort: contract.defaultSort,
    extraInput: [...new Set([...created, ...written])].filter((name) => !(name in fields)),
    createOnly: created.filter((name) => !written.includes(name)),
  };
}

/** The initiatives of the records before and after a write, for a resource whose records name theirs. */
export const initiativesOf = (...records: ({ initiativeId: number } | null)[]): number[] => records.flatMap((r) => (r ? [r.initiativeId] : []));
