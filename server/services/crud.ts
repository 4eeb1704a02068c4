// List, get, create, update and delete for every resource, following the resource definitions
// and the access rules. Knows nothing of HTTP.
import type { Knex } from 'knex';
import { ApiError, conflict, notFound, reason, unprocessable, validationError, zodReasons } from '../errors.js';
import { fetchResourcePage, selectFields, streamResource, type ListParams, type Page } from '../data/listQuery.js';
import { CountCache } from '../data/countCache.js';
import { changeCommitted } from '../data/figuresVersion.js';
import type { ApiRecord, ResourceDef } from '../resources/resource.js';
import { assertOwnTenant, assertRoleMay, scopeRead, withOwnTenant } from './access.js';
import type { Actor } from './actor.js';
import { recordAudit } from './audit.js';

export type ListResult = Page<ApiRecord>;

/** Called inside each write transaction with the initiatives whose funding picture changed. */
export type ChangeListener = (trx: Knex.Transaction, resource: string, before: ApiRecord | null, after: ApiRecord | null) => Promise<void>;

function staleVersion(def: ResourceDef, current: unknown, sent: unknown): ApiError {
  return conflict('conflict.version', `This ${def.name} record was changed by someone else (version ${String(current)}, you sent ${String(sent)}). Reload it and try again.`, {
    version: reason('version.stale'),
  });
}

export class CrudService {
  private readonly listeners: ChangeListener[] = [];
  private readonly committed: (() => void)[] = [];

  private readonly counts: CountCache;

  /** `countCacheMs`: how long a list's total may be reused (COUNT_CACHE_MS); writes here forget them at once. */
  constructor(
    private readonly db: Knex,
    private readonly resources: Readonly<Record<string, ResourceDef>>,
    countCacheMs = 0,
  ) {
    this.counts = new CountCache(countCacheMs);
  }

  /** Runs inside every write transaction. */
  onChange(listener: ChangeListener): void {
    this.listeners.push(listener);
  }

  /** Runs after every write transaction that committed. */
  onCommitted(listener: () => void): void {
    this.committed.push(listener);
  }

  /**
   * Runs `work` in one transaction whose writes (`create`/`update` given the transaction) commit
   * or roll back together, then tells the listeners once: an import applies its rows so.
   */
  transaction<T>(work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
    return this.write(work);
  }

  /** In `outer`, a write joins that transaction and its caller's `transaction` reports the commit. */
  private async write<T>(work: (trx: Knex.Transaction) => Promise<T>, outer?: Knex.Transaction): Promise<T> {
    if (outer) return work(outer);
    const result = await this.db.transaction(work);
    for (const listener of this.committed) listener();
    // Before the answer goes out, so the writer's next portfolio question is not answered from
    // before the write; the write stands even if this fails (the database just went away).
    await changeCommitted(this.db).catch(() => undefined);
    return result;
  }

  /** The records the actor may see, with every field; `joins: false` leaves out what only computed fields need. */
  private select(knex: Knex, def: ResourceDef, actor: Actor, joins = true): Knex.QueryBuilder {
    const q = knex(def.table);
    if (joins) {
      q.select(selectFields(knex, def));
      def.from?.(q);
    }
    scopeRead(q, def, actor, knex);
    return q;
  }

  /** The actor's records of the resource, without any field selected. */
  private scoped(def: ResourceDef, actor: Actor): Knex.QueryBuilder {
    return this.select(this.db, def, actor, false);
  }

  async list(def: ResourceDef, actor: Actor, params: ListParams): Promise<ListResult> {
    assertRoleMay(actor, def.name, 'list');
    return fetchResourcePage(this.db, def, () => this.scoped(def, actor), params, this.counts.count);
  }

  /**
   * Every record of the list the actor would page through with these filters and this sort, one
   * at a time (exports); `extra` selects more values under their keys (the names of referenced records).
   */
  stream(def: ResourceDef, actor: Actor, params: Pick<ListParams, 'sort' | 'filter'>, extra: Readonly<Record<string, string>> = {}): AsyncIterable<ApiRecord> {
    assertRoleMay(actor, def.name, 'list');
    const q = this.select(this.db, def, actor);
    for (const [key, sql] of Object.entries(extra)) q.select(this.db.raw(`${sql} AS ??`, [key]));
    return streamResource<ApiRecord>(def, q, params);
  }

  /** One record the actor may see, or 404. */
  async get(def: ResourceDef, actor: Actor, id: number, knex: Knex = this.db): Promise<ApiRecord> {
    assertRoleMay(actor, def.name, 'get');
    return this.find(def, actor, id, knex);
  }

  private async find(def: ResourceDef, actor: Actor, id: number, knex: Knex): Promise<ApiRecord> {
    const record = (await this.select(knex, def, actor).whereRaw(`${def.fields.id!.sql} = ?::bigint`, [id]).first()) as ApiRecord | undefined;
    if (!record) throw notFound(`No ${def.name} record with id ${id}.`);
    return record;
  }

  /** `trx`: inside that transaction (see `transaction`) instead of one of its own. */
  async create(def: ResourceDef, actor: Actor, body: unknown, trx?: Knex.Transaction): Promise<ApiRecord> {
    assertRoleMay(actor, def.name, 'create');
    const input = withOwnTenant(actor, def, this.readBody(def, body));
    const next = this.validate(def, def.create, input);
    return this.write(async (trx) => {
      // References first: a record you may not see answers exactly like one that does not exist.
      await this.checkReferences(trx, def, actor, next);
      await this.checkTenant(trx, def, actor, next);
      await def.check?.(trx, next, null, actor);
      const [row] = await trx(def.table)
        .insert({ ...this.columns(def, next), ...(await def.extraColumns?.(next, null)) })
        .returning<{ id: number }[]>('id');
      const created = await this.find(def, actor, row!.id, trx);
      const children = await def.afterCreate?.(trx, created, next);
      const after = def.afterCreate ? await this.find(def, actor, row!.id, trx) : created;
      await recordAudit(trx, actor, 'create', def.name, after.id, null, after);
      for (const [resource, ids] of Object.entries(children ?? {})) {
        for (const child of await this.findMany(this.resources[resource]!, actor, ids, trx)) {
          await recordAudit(trx, actor, 'create', resource, child.id, null, child);
        }
      }
      for (const listener of this.listeners) await listener(trx, def.name, null, after);
      return after;
    }, trx);
  }

  async update(def: ResourceDef, actor: Actor, id: number, body: unknown, trx?: Knex.Transaction): Promise<ApiRecord> {
    assertRoleMay(actor, def.name, 'update');
    const input = this.readBody(def, body);
    if (def.createOnly) {
      const sent = def.createOnly.filter((k) => input[k] !== undefined && input[k] !== null);
      if (sent.length) throw validationError(Object.fromEntries(sent.map((k) => [k, reason('field.create_only')])));
    }
    const version = input.version;
    if (version === undefined || version === null) throw validationError({ version: reason('version.required') });
    if (!Number.isSafeInteger(version)) throw validationError({ version: reason('field.whole_number') });
    return this.write(async (trx) => {
      await trx(def.table).whereRaw('id = ?::bigint', [id]).forUpdate().first('id');
      const prev = await this.find(def, actor, id, trx);
      if (prev.version !== version) throw staleVersion(def, prev.version, version);
      await this.checkTenant(trx, def, actor, prev);
      const writable = Object.fromEntries(Object.entries(prev).filter(([k]) => def.fields[k]?.column));
      const next = this.validate(def, def.update, { ...writable, ...this.writableInput(def, input) });
      this.checkFixed(def, prev, next);
      await this.checkReferences(trx, def, actor, next);
      await this.checkTenant(trx, def, actor, { ...next, id });
      await def.check?.(trx, next, prev, actor);
      await trx(def.table)
        .whereRaw('id = ?::bigint', [id])
        .update({ ...this.columns(def, next), ...(await def.extraColumns?.(next, prev)), version: trx.raw('version + 1'), updated_at: trx.fn.now() });
      const after = await this.find(def, actor, id, trx);
      await def.afterUpdate?.(trx, prev, after, input);
      await recordAudit(trx, actor, 'update', def.name, id, prev, { ...after, ...def.auditNotes?.(input) });
      for (const listener of this.listeners) await listener(trx, def.name, prev, after);
      return after;
    }, trx);
  }

  /** Deletes a record; with a `version`, only when that is still the record's version (else 409). */
  async remove(def: ResourceDef, actor: Actor, id: number, version?: number): Promise<ApiRecord> {
    assertRoleMay(actor, def.name, 'delete');
    return this.write(async (trx) => {
      await trx(def.table).whereRaw('id = ?::bigint', [id]).forUpdate().first('id');
      const prev = await this.find(def, actor, id, trx);
      await this.checkTenant(trx, def, actor, prev);
      if (version !== undefined && prev.version !== version) throw staleVersion(def, prev.version, version);
      const cascaded = await this.cascadedBy(trx, def, actor, id);
      try {
        await trx(def.table).whereRaw('id = ?::bigint', [id]).delete();
      } catch (err) {
        if ((err as { code?: string }).code === '23503') {
          throw conflict('conflict.in_use', def.inUseMessage ?? `This ${def.name} record is still in use.`);
        }
        throw err;
      }
      await recordAudit(trx, actor, 'delete', def.name, id, prev, null);
      for (const [resource, records] of cascaded) {
        for (const record of records) await recordAudit(trx, actor, 'delete', resource, record.id, record, null);
      }
      for (const listener of this.listeners) await listener(trx, def.name, prev, null);
      return prev;
    });
  }

  /** The records (of any visibility the actor has) with these ids. */
  private async findMany(def: ResourceDef, actor: Actor, ids: readonly number[], knex: Knex): Promise<ApiRecord[]> {
    if (!ids.length) return [];
    return (await this.select(knex, def, actor).whereIn(def.fields.id!.sql, ids).orderBy(def.fields.id!.sql)) as ApiRecord[];
  }

  /** The records the database will remove with this one, as they are now, per resource. */
  private async cascadedBy(trx: Knex.Transaction, def: ResourceDef, actor: Actor, id: number): Promise<[string, ApiRecord[]][]> {
    const out: [string, ApiRecord[]][] = [];
    for (const [resource, column] of Object.entries(def.cascades ?? {})) {
      const child = this.resources[resource]!;
      const records = (await this.select(trx, child, actor).whereRaw(`${child.table}.${column} = ?::bigint`, [id]).orderBy(child.fields.id!.sql)) as ApiRecord[];
      out.push([resource, records]);
    }
    return out;
  }

  /** Fields fixed once created keep their value (the same value is fine: clients send the whole record back). */
  private checkFixed(def: ResourceDef, prev: ApiRecord, next: Record<string, unknown>): void {
    const changed = Object.entries(def.fields).filter(([name, spec]) => spec.fixed && next[name] !== undefined && String(next[name]) !== String(prev[name]));
    if (!changed.length) return;
    throw unprocessable(
      `${changed.map(([name]) => name).join(' and ')} of a ${def.name} record cannot be changed once created: delete the record and create it anew.`,
      Object.fromEntries(changed.map(([name]) => [name, reason('field.fixed')])),
    );
  }

  /** The body as an object of known fields; unknown fields are refused, read-only ones dropped later. */
  private readBody(def: ResourceDef, body: unknown): Record<string, unknown> {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw validationError({ body: reason('field.json_object') });
    const known = new Set([...Object.keys(def.fields), ...(def.extraInput ?? [])]);
    const unknown = Object.keys(body).filter((k) => !known.has(k));
    if (unknown.length) throw validationError(Object.fromEntries(unknown.map((k) => [k, reason('field.unknown', { resource: def.name })])));
    return body as Record<string, unknown>;
  }

  private writableInput(def: ResourceDef, input: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(Object.entries(input).filter(([k]) => def.fields[k]?.column || def.extraInput?.includes(k)));
  }

  private validate(def: ResourceDef, schema: ResourceDef['create'], input: Record<string, unknown>): Record<string, unknown> {
    if (!schema) throw new Error(`${def.name} is read-only`);
    const writable = this.writableInput(def, input);
    const parsed = schema.safeParse(writable);
    if (!parsed.success) throw validationError(zodReasons(parsed.error, writable));
    return parsed.data;
  }

  private columns(def: ResourceDef, record: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [name, spec] of Object.entries(def.fields)) {
      if (spec.column && record[name] !== undefined) out[spec.column] = record[name];
    }
    return out;
  }

  private async checkReferences(trx: Knex.Transaction, def: ResourceDef, actor: Actor, record: Record<string, unknown>): Promise<void> {
    for (const [field, resource] of Object.entries(def.references ?? {})) {
      const value = record[field];
      if (value === null || value === undefined) continue;
      const target = this.resources[resource]!;
      const found = await this.select(trx, target, actor, false).whereRaw(`${target.fields.id!.sql} = ?::bigint`, [value as number]).first(trx.raw('1 AS found'));
      if (!found) throw validationError({ [field]: reason('field.existing_record', { resource }) });
    }
  }

  private async checkTenant(trx: Knex.Transaction, def: ResourceDef, actor: Actor, record: Record<string, unknown>): Promise<void> {
    if (actor.role === 'admin' || !def.tenantOf) return;
    const tenant = await def.tenantOf(trx, record);
    if (tenant) assertOwnTenant(actor, tenant);
  }
}
