// What the generic list/get/create/update/delete service needs to know about one resource.
import type { Knex } from 'knex';
import type { z } from 'zod';
import type { Actor } from '../services/actor.js';

export type FieldKind = 'id' | 'int' | 'text' | 'date' | 'timestamp' | 'bool' | 'enum' | 'textArray' | 'json';

export interface FieldSpec {
  /** SQL giving the value, e.g. `funders.name`; computed fields use a subquery. */
  sql: string;
  kind: FieldKind;
  sortable?: boolean;
  /** Equality (or membership, for an array of values) filter; dates and numbers also get `_gte`/`_lte`. */
  filterable?: boolean;
  /** Enumeration values, for filter validation. */
  values?: readonly string[];
  /** Column to write; absent for computed and read-only fields. */
  column?: string;
  /** Computed by the resource's `from` joins: sorting by it needs them before the page is cut. */
  computed?: boolean;
  /** May be null: sorting puts nulls last (the clause costs other columns their index order). */
  nullable?: boolean;
  /** Set once on create and never changed (a commitment's initiative): an update that changes it is a 422. */
  fixed?: boolean;
}

/** The initiative and funder a record belongs to: what the access rules are about. */
export interface Tenant {
  initiativeId: number | null;
  funderId: number | null;
}

export type ApiRecord = Record<string, unknown> & { id: number };

export interface ResourceDef {
  /** The URL segment and the name in audit events. */
  name: string;
  table: string;
  fields: Record<string, FieldSpec>;
  /** Columns searched by the `q` filter. */
  search: readonly string[];
  defaultSort: readonly [string, 'ASC' | 'DESC'];
  /** The complete writable record: create validates against it, update against the merged record. */
  input?: z.ZodType<Record<string, unknown>>;
  /** Referenced records, checked to exist and be visible to the writer: field → resource name. */
  references?: Readonly<Record<string, string>>;
  /** Extra FROM clauses, e.g. a join a computed field needs. */
  from?: (q: Knex.QueryBuilder) => void;
  /** SQL giving the initiative id of a row, for visibility; absent for resources without one. */
  initiativeSql?: string;
  /**
   * Resolves the tenant of a record about to be written (fields in API names), loading a parent
   * where the record itself does not carry it (a tranche's commitment).
   */
  tenantOf?: (trx: Knex, record: Record<string, unknown>) => Promise<Tenant | null>;
  /** Business rules checked inside the write transaction; throw ApiError(422) to refuse. */
  check?: (trx: Knex.Transaction, next: Record<string, unknown>, prev: ApiRecord | null, actor: Actor) => Promise<void>;
  /**
   * Called after an insert with the new record, e.g. to generate tranches; answers the records it
   * created (resource → ids), which get their own audit rows.
   */
  afterCreate?: (trx: Knex.Transaction, created: ApiRecord, input: Record<string, unknown>) => Promise<Readonly<Record<string, readonly number[]>>>;
  /** Called after an update, e.g. to end a user's sessions when the password changed. */
  afterUpdate?: (trx: Knex.Transaction, prev: ApiRecord, next: ApiRecord, input: Record<string, unknown>) => Promise<void>;
  /** Facts about an update the audit row records beside the record (`passwordChanged`), never a secret. */
  auditNotes?: (input: Record<string, unknown>) => Record<string, unknown>;
  /**
   * Records the database removes with this one (ON DELETE CASCADE): resource → its column that
   * points here. Each gets its own audit row.
   */
  cascades?: Readonly<Record<string, string>>;
  /** Columns derived from the input besides the plain fields (a password becomes its hash). */
  extraColumns?: (input: Record<string, unknown>, prev: ApiRecord | null) => Promise<Record<string, unknown>>;
  /** Input fields that are not stored as such (`trancheSchedule` on create, a user's `password`). */
  extraInput?: readonly string[];
  /** Extra input fields refused on update. */
  createOnly?: readonly string[];
  /** Text shown for 409 when a delete is refused because other records still refer to this one. */
  inUseMessage?: string;
}
