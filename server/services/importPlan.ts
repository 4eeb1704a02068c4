// What importing a file's rows would do, row by row (design/interop.md, "Spreadsheet import"):
// each row read as typed, its references resolved by natural keys (rows created earlier in the
// same file included), matched to the record it updates by its own natural key, validated with the
// resource's own create or update schema, and checked against the importer's access — so the
// preview tells every error before anything is written. Applying runs the same plan inside the
// apply transaction and hands each row to the CRUD service.
import type { Knex } from 'knex';
import { IMPORT_COLUMNS, SHEETS_BY_ROLE, SHEET_TITLES, type CellIssue, type ImportColumn, type ImportSheet, type PreviewRow } from '../contract/imports.js';
import { reason, zodReasons, type FieldReason } from '../errors.js';
import { selectFields } from '../data/listQuery.js';
import { isBlank, readBool, readDate, readEuros, readLabelCell, readLabelList, readText, readWholeNumber, type Cell, type Read } from '../interop/cellValues.js';
import type { RawRow, RawSheet } from '../interop/spreadsheetRead.js';
import { DEFAULT_REPORT_DUE_MONTHS, generateObligations, type GeneratedObligation } from '../domain/obligationSchedule.js';
import { generateTranches } from '../domain/schedule.js';
import type { ReportingSchedule, TrancheSchedule } from '../domain/enums.js';
import { RESOURCES } from '../resources/index.js';
import type { ApiRecord } from '../resources/resource.js';
import { scopeRead } from './access.js';
import type { Actor } from './actor.js';

/** A row as the plan reads it: its cells, and what a reader already knows (360Giving's defaults and errors). */
export interface PlanRow extends RawRow {
  /** Values used only when the row creates its record (a 360Giving funder's type). */
  defaults?: Record<string, Cell>;
  /** Errors the reader found (a grant in another currency). */
  issues?: CellIssue[];
}

export interface PlanSheet extends Omit<RawSheet, 'rows'> {
  rows: PlanRow[];
}

/** What the tranche rules need of a commitment. */
interface CommitmentFacts {
  startDate: string;
  endDate: string;
  amountCents: number;
  /** Its non-cancelled tranches, stored and planned so far. */
  scheduledCents: number;
}

/** A reference to a record: stored, or made by an earlier row of the same file (`sheet:row`). */
type Ref = { id: number } | { pending: string };

/** A planned row with what applying it needs. */
export interface PlannedRow extends PreviewRow {
  /** The API input, references as `Ref`s: the whole create, or the changed fields of an update. */
  input: Record<string, unknown>;
  refs: Record<string, Ref>;
  version: number | null;
  /**
   * An obligation row that is one its commitment, created earlier in the file, gets from its
   * reporting schedule: applying finds that obligation (after the commitment made it) rather than
   * creating a second one: the commitment row's token, and the obligation's kind and period start.
   */
  generatedBy?: { commitment: string; kind: string; periodStart: string };
}

/** A placeholder id for a record an earlier row creates: the schemas check its shape only. */
const PENDING_ID = 2 ** 31 - 1;

const REF_FIELDS: Readonly<Record<string, string>> = { initiatives: 'initiativeId', funders: 'funderId', commitments: 'commitmentId' };

/** Sheets whose rows belong to a commitment: their funder and initiative columns only tell commitments apart. */
const REFERS_BY_COMMITMENT: readonly ImportSheet[] = ['tranches', 'obligations'];

interface Pending {
  sheet: ImportSheet;
  token: string;
  /** What names it (lower case): a name, KvK number, org-id, reference or title. */
  names: string[];
  /** For a commitment: its funder and initiative, to tell apart commitments of the same title. */
  funder?: Ref;
  initiative?: Ref;
  /** A stored record the row updates (or leaves as it is): references by the file's names mean it. */
  id?: number;
}

const low = (s: string) => s.trim().toLowerCase();
const sameRef = (a: Ref | undefined, b: Ref | undefined) => !a || !b || JSON.stringify(a) === JSON.stringify(b);
const normal = (v: unknown): string => JSON.stringify(Array.isArray(v) ? [...(v as unknown[])].map(String).sort() : (v ?? null));

export class ImportPlanner {
  private readonly pending: Pending[] = [];
  private readonly seen = new Map<string, number>();
  private readonly names = new Map<string, string>();
  private readonly commitments = new Map<string, CommitmentFacts>();
  /** The obligations commitments created by this file get from their reporting schedule, by the commitment row's token. */
  private readonly generated = new Map<string, GeneratedObligation[]>();
  /** Stored records a reference cell found (or not), by what it said: a file names the same ones row after row. */
  private readonly stored = new Map<string, { ref: Ref } | { issue: FieldReason }>();

  constructor(
    private readonly knex: Knex,
    private readonly actor: Actor,
  ) {}

  /** Every row of every sheet, in the order of the sheets; `onRow` after each (progress). */
  async plan(sheets: readonly PlanSheet[], onRow?: (done: number) => Promise<void>): Promise<PlannedRow[]> {
    const out: PlannedRow[] = [];
    for (const sheet of sheets) {
      for (const row of sheet.rows) {
        out.push(await this.planRow(sheet, row));
        if (onRow) await onRow(out.length);
      }
    }
    return out;
  }

  private scoped(resource: string): Knex.QueryBuilder {
    const def = RESOURCES[resource]!;
    const q = this.knex(def.table);
    scopeRead(q, def, this.actor, this.knex);
    return q;
  }

  private async planRow(sheet: PlanSheet, raw: PlanRow): Promise<PlannedRow> {
    const columns = IMPORT_COLUMNS[sheet.sheet];
    const title = (key: string) => sheet.titles[key] ?? columns.find((c) => c.key === key)?.nl ?? key;
    const errors: CellIssue[] = [...(raw.issues ?? [])];
    const fail = (column: string, r: FieldReason) => {
      if (!errors.some((e) => e.column === column)) errors.push({ column, ...r });
    };
    const base = { sheet: sheet.sheet, row: raw.row, key: '', recordId: null, changes: {}, input: {}, refs: {}, version: null, errors: [] as CellIssue[] };
    if (!SHEETS_BY_ROLE[this.actor.role].includes(sheet.sheet)) {
      return { ...base, action: 'error', errors: [{ column: 'row', ...reason('import.sheet_not_allowed', { sheet: SHEET_TITLES[sheet.sheet].nl }) }] };
    }
    if (errors.length) return { ...base, action: 'error', errors };

    // The cells, read as typed.
    const values: Record<string, unknown> = {};
    const refTexts: Record<string, string> = {};
    for (const column of columns) {
      const cell = raw.cells[column.key] ?? null;
      if (isBlank(cell)) continue;
      if (column.type === 'ref') {
        refTexts[column.key] = readText(cell);
        continue;
      }
      const read = readCell(column, cell!);
      if (read.ok) values[column.field] = read.value;
      else fail(title(column.key), read.reason);
    }
    const creatingDefaults: Record<string, unknown> = {};
    for (const [key, cell] of Object.entries(raw.defaults ?? {})) {
      const column = columns.find((c) => c.key === key);
      if (!column || column.type === 'ref' || isBlank(cell) || !isBlank(raw.cells[key] ?? null)) continue;
      const read = readCell(column, cell);
      if (read.ok) creatingDefaults[column.field] = read.value;
    }

    // References by natural key; the own initiative or funder where the column is left out.
    const refs: Record<string, Ref> = {};
    // A tranche's commitment last: its funder and initiative tell commitments of one title apart.
    for (const column of columns.filter((c) => c.type === 'ref').sort((a, b) => Number(a.field === 'commitments') - Number(b.field === 'commitments'))) {
      const text = refTexts[column.key];
      const field = REF_FIELDS[column.field]!;
      if (text === undefined) {
        const own = column.field === 'initiatives' ? this.actor.initiativeId : column.field === 'funders' ? this.actor.funderId : null;
        if (own && !REFERS_BY_COMMITMENT.includes(sheet.sheet)) {
          refs[field] = { id: own };
          refTexts[column.key] = await this.nameOf(column.field, own);
        }
        continue;
      }
      const found = await this.resolve(column.field, text, refs);
      if ('issue' in found) fail(title(column.key), found.issue);
      else refs[field] = found.ref;
    }
    // A funder writes its own funder's commitments only, an initiative its own initiative's records.
    if (this.actor.role === 'funder' && refs.funderId && 'id' in refs.funderId && refs.funderId.id !== this.actor.funderId) fail(title('funder'), reason('access.own_funder'));
    if (this.actor.role === 'initiative' && refs.initiativeId && 'id' in refs.initiativeId && refs.initiativeId.id !== this.actor.initiativeId) {
      fail(title('initiative'), reason('access.own_initiative'));
    }
    if (REFERS_BY_COMMITMENT.includes(sheet.sheet) && refs.commitmentId && 'id' in refs.commitmentId && this.actor.role !== 'admin') {
      const c = await this.knex('commitments').where({ id: refs.commitmentId.id }).first<{ funder_id: number; initiative_id: number }>('funder_id', 'initiative_id');
      if (this.actor.role === 'funder' && c?.funder_id !== this.actor.funderId) fail(title('commitment'), reason('access.own_funder'));
      if (this.actor.role === 'initiative' && c?.initiative_id !== this.actor.initiativeId) fail(title('commitment'), reason('access.own_initiative'));
    }
    if (errors.length) return { ...base, action: 'error', errors };

    // The record it is (natural key), within the file and among the stored ones.
    const identity = this.keyOf(sheet.sheet, values, refs, refTexts);
    // What people read: the name beside an org-id or KvK number.
    const key = typeof values.name === 'string' && !identity.startsWith(values.name) ? `${values.name} (${identity})` : identity;
    const token = `${sheet.sheet}:${raw.row}`;
    const twin = this.seen.get(`${sheet.sheet}|${identity.toLowerCase()}`);
    if (twin !== undefined) return { ...base, key, action: 'error', errors: [{ column: 'row', ...reason('import.duplicate_row', { row: twin }) }] };
    this.seen.set(`${sheet.sheet}|${identity.toLowerCase()}`, raw.row);
    const generated = this.generatedMatch(sheet.sheet, values, refs);
    const existing = generated ? generated.record : await this.match(sheet.sheet, values, refs);

    const def = RESOURCES[sheet.sheet]!;
    const withIds = (refsIn: Record<string, Ref>) => Object.fromEntries(Object.entries(refsIn).map(([f, r]) => [f, 'id' in r ? r.id : PENDING_ID]));
    const columnOfField = (field: string) => {
      const refColumn = columns.find((c) => c.type === 'ref' && REF_FIELDS[c.field] === field);
      const column = refColumn ?? columns.find((c) => c.field === field);
      return column ? title(column.key) : field;
    };
    const zodIssues = (err: Parameters<typeof zodReasons>[0], input: unknown) => {
      for (const [field, r] of Object.entries(zodReasons(err, input))) fail(columnOfField(field), r);
    };

    if (!existing) {
      const input = { ...creatingDefaults, ...values, ...withIds(refs) };
      const parsed = def.create!.safeParse(input);
      if (!parsed.success) zodIssues(parsed.error, input);
      else await this.funding(sheet.sheet, { pending: token }, parsed.data as Record<string, unknown>, refs, null, fail, title);
      if (errors.length) return { ...base, key, action: 'error', errors };
      if (sheet.sheet === 'commitments') this.schedule(token, parsed.data as Record<string, unknown>);
      this.remember(sheet.sheet, token, values, refs);
      return { ...base, key, action: 'create', input: { ...creatingDefaults, ...values }, refs };
    }

    const writable = Object.fromEntries(Object.entries(existing).filter(([k]) => def.fields[k]?.column));
    const { trancheSchedule: _tranches, reportingSchedule: _reporting, reportDueMonths: _dueMonths, ...updating } = values;
    const merged = { ...writable, ...updating };
    const parsed = def.update!.safeParse(merged);
    const recordId = generated ? null : existing.id;
    if (!parsed.success) {
      zodIssues(parsed.error, merged);
      return { ...base, key, recordId, action: 'error', errors };
    }
    const next = parsed.data as Record<string, unknown>;
    if (!generated) await this.funding(sheet.sheet, { id: existing.id }, next, refs, existing, fail, title);
    if (errors.length) return { ...base, key, recordId, action: 'error', errors };
    const changes = Object.fromEntries(
      Object.keys(updating)
        .filter((field) => normal(next[field]) !== normal(existing[field]))
        .map((field) => [field, { from: existing[field] ?? null, to: next[field] ?? null }]),
    );
    const changed = Object.keys(changes).length > 0;
    // Later rows may name it as this row does (a funder renamed here, found by its org-id).
    if (generated) this.remember(sheet.sheet, token, values, refs);
    else this.remember(sheet.sheet, token, values, refs, existing.id);
    return {
      ...base,
      key,
      recordId,
      action: changed ? 'update' : 'unchanged',
      changes,
      input: Object.fromEntries(Object.entries(changes).map(([field, c]) => [field, c.to])),
      version: generated ? null : (existing.version as number),
      ...(generated ? { generatedBy: { commitment: generated.commitment, kind: values.kind as string, periodStart: values.periodStart as string } } : {}),
    };
  }

  /**
   * The funding rules that depend on other rows (README "Rules"), checked in the preview as the
   * rows before this one leave things: a tranche lies inside its commitment's period, and a
   * commitment's non-cancelled tranches add up to at most its amount. A commitment row records
   * its period and amount for the tranche rows after it.
   */
  private async funding(
    sheet: ImportSheet,
    self: Ref,
    next: Record<string, unknown>,
    refs: Record<string, Ref>,
    existing: ApiRecord | null,
    fail: (column: string, r: FieldReason) => void,
    title: (key: string) => string,
  ): Promise<void> {
    if (sheet === 'commitments') {
      const stored = 'id' in self ? await this.commitmentFacts(self) : null;
      const scheduledCents = stored?.scheduledCents ?? (next.trancheSchedule ? (next.amountCents as number) : 0);
      this.commitments.set(refKey(self), { startDate: next.startDate as string, endDate: next.endDate as string, amountCents: next.amountCents as number, scheduledCents });
      return;
    }
    if (sheet !== 'tranches' || !refs.commitmentId) return;
    const facts = await this.commitmentFacts(refs.commitmentId);
    if (!facts) return;
    const period = { startDate: facts.startDate, endDate: facts.endDate };
    const periodStart = next.periodStart as string;
    const periodEnd = next.periodEnd as string;
    if (periodStart < facts.startDate) fail(title('periodStart'), reason('tranche.starts_before_commitment', period));
    if (periodEnd > facts.endDate) fail(title('periodEnd'), reason('tranche.ends_after_commitment', period));
    if (next.status === 'cancelled') return;
    const own = existing && existing.status !== 'cancelled' ? Number(existing.amountCents) : 0;
    const scheduledCents = facts.scheduledCents - own;
    const amountCents = next.amountCents as number;
    if (scheduledCents + amountCents > facts.amountCents) {
      fail(title('amount'), reason('tranche.exceeds_commitment', { availableCents: facts.amountCents - scheduledCents, scheduledCents, amountCents: facts.amountCents }));
    } else facts.scheduledCents = scheduledCents + amountCents;
  }

  /** The obligations a commitment this file creates gets from its reporting schedule (resources/commitments.ts makes them). */
  private schedule(token: string, c: Record<string, unknown>): void {
    const schedule = c.reportingSchedule as ReportingSchedule | undefined;
    if (!schedule || schedule === 'none') return;
    const startDate = c.startDate as string;
    const endDate = c.endDate as string;
    const trancheSchedule = c.trancheSchedule as TrancheSchedule | undefined;
    const tranches = trancheSchedule ? generateTranches(startDate, endDate, c.amountCents as number, trancheSchedule) : [];
    this.generated.set(token, generateObligations({ startDate, endDate, tranches }, schedule, (c.reportDueMonths as number | undefined) ?? DEFAULT_REPORT_DUE_MONTHS));
  }

  /**
   * An obligation row that names one its commitment's schedule makes (same kind and period start),
   * when that commitment is created by an earlier row of this file: the obligation as it will be.
   */
  private generatedMatch(sheet: ImportSheet, v: Record<string, unknown>, refs: Record<string, Ref>): { commitment: string; record: ApiRecord } | null {
    const commitment = refs.commitmentId;
    if (sheet !== 'obligations' || !commitment || !('pending' in commitment)) return null;
    const o = this.generated.get(commitment.pending)?.find((g) => g.kind === v.kind && g.periodStart === v.periodStart);
    if (!o) return null;
    return { commitment: commitment.pending, record: { id: PENDING_ID, commitmentId: PENDING_ID, ...o, note: null, version: 1 } as ApiRecord };
  }

  /** A commitment's period, amount and scheduled tranches: as rows of this file left them, else as stored. */
  private async commitmentFacts(ref: Ref): Promise<CommitmentFacts | null> {
    const key = refKey(ref);
    const known = this.commitments.get(key);
    if (known || !('id' in ref)) return known ?? null;
    const c = await this.knex('commitments').where({ id: ref.id }).first<{ start_date: string; end_date: string; amount_cents: number } | undefined>('start_date', 'end_date', 'amount_cents');
    if (!c) return null;
    const t = await this.knex('tranches')
      .where({ commitment_id: ref.id })
      .whereNot({ status: 'cancelled' })
      .first<{ total: number }>(this.knex.raw('coalesce(sum(amount_cents), 0)::bigint AS total'));
    const facts = { startDate: c.start_date, endDate: c.end_date, amountCents: Number(c.amount_cents), scheduledCents: Number(t?.total ?? 0) };
    this.commitments.set(key, facts);
    return facts;
  }

  /** What the row is known by, as people read it. */
  private keyOf(sheet: ImportSheet, v: Record<string, unknown>, refs: Record<string, Ref>, texts: Record<string, string>): string {
    const s = (x: unknown) => String(x ?? '');
    switch (sheet) {
      case 'funders':
        return v.orgId ? s(v.orgId) : `${s(v.name)} (${s(v.type ?? '')})`;
      case 'initiatives':
        return v.kvkNumber ? `KvK ${s(v.kvkNumber)}` : `${s(v.name)}, ${s(v.municipality)}`;
      case 'budgets':
        return `${texts.initiative ?? refKey(refs.initiativeId)} ${s(v.year)}`;
      case 'commitments':
        return v.reference
          ? `${texts.funder ?? refKey(refs.funderId)}: ${s(v.reference)}`
          : `${texts.funder ?? refKey(refs.funderId)}: ${texts.initiative ?? refKey(refs.initiativeId)} ${s(v.startDate)} ${s(v.title)}`;
      case 'tranches':
        return `${texts.commitment ?? ''} ${s(v.periodStart)}`;
      case 'obligations':
        return `${texts.commitment ?? ''}: ${s(v.kind)} ${s(v.periodStart)}`;
    }
  }

  /** The stored record the row is (its natural key), as the importer may see it. */
  private async match(sheet: ImportSheet, v: Record<string, unknown>, refs: Record<string, Ref>): Promise<ApiRecord | null> {
    const id = (ref: Ref | undefined) => (ref && 'id' in ref ? ref.id : null);
    let q: Knex.QueryBuilder | null = null;
    switch (sheet) {
      case 'funders':
        if (v.orgId) q = this.scoped('funders').where('org_id', v.orgId as string);
        else if (v.name) {
          q = this.scoped('funders').whereRaw('lower(name) = ?', [low(String(v.name))]);
          if (v.type) q.where('type', v.type as string);
        }
        break;
      case 'initiatives':
        if (v.kvkNumber) q = this.scoped('initiatives').where('kvk_number', v.kvkNumber as string);
        else if (v.name && v.municipality) q = this.scoped('initiatives').whereRaw('lower(name) = ? AND lower(municipality) = ?', [low(String(v.name)), low(String(v.municipality))]);
        break;
      case 'budgets':
        if (id(refs.initiativeId) && v.year !== undefined) q = this.scoped('budgets').where({ initiative_id: id(refs.initiativeId), year: v.year as number });
        break;
      case 'commitments': {
        const funder = id(refs.funderId);
        if (!funder) break;
        if (v.reference) q = this.scoped('commitments').where({ funder_id: funder }).whereRaw('lower(reference) = ?', [low(String(v.reference))]);
        else if (id(refs.initiativeId) && v.startDate && v.title) {
          q = this.scoped('commitments').where({ funder_id: funder, initiative_id: id(refs.initiativeId), start_date: v.startDate as string }).whereRaw('lower(title) = ?', [low(String(v.title))]);
        }
        break;
      }
      case 'tranches':
        if (id(refs.commitmentId) && v.periodStart) q = this.scoped('tranches').where({ commitment_id: id(refs.commitmentId), period_start: v.periodStart as string });
        break;
      case 'obligations':
        if (id(refs.commitmentId) && v.kind && v.periodStart) {
          q = this.scoped('obligations').where({ commitment_id: id(refs.commitmentId), kind: v.kind as string, period_start: v.periodStart as string }).orderBy('obligations.id');
        }
        break;
    }
    if (!q) return null;
    const row = await q.first<{ id: number } | undefined>(`${RESOURCES[sheet]!.table}.id`);
    if (!row) return null;
    const def = RESOURCES[sheet]!;
    const record = this.knex(def.table).select(selectFields(this.knex, def)).where(`${def.table}.id`, row.id);
    def.from?.(record);
    return ((await record.first()) as ApiRecord | undefined) ?? null;
  }

  /** The name of the importer's own funder or initiative, for the keys people read. */
  private async nameOf(resource: string, id: number): Promise<string> {
    const key = `${resource}:${id}`;
    if (!this.names.has(key)) this.names.set(key, (await this.knex(resource).where({ id }).first<{ name: string } | undefined>('name'))?.name ?? `#${id}`);
    return this.names.get(key)!;
  }

  private remember(sheet: ImportSheet, token: string, v: Record<string, unknown>, refs: Record<string, Ref>, id?: number): void {
    const names = [v.name, v.orgId, v.kvkNumber, v.reference, v.title].filter((x): x is string => typeof x === 'string' && x !== '').map(low);
    this.pending.push({ sheet, token, names, funder: refs.funderId, initiative: refs.initiativeId, id });
  }

  /** A reference cell: a record made earlier in this file, else a stored one the importer may see. */
  private async resolve(resource: string, text: string, refs: Record<string, Ref>): Promise<{ ref: Ref } | { issue: FieldReason }> {
    const wanted = low(text);
    const sheetTitle = SHEET_TITLES[resource as ImportSheet].en.toLowerCase();
    const inFile = this.pending.filter((p) => p.sheet === resource && p.names.includes(wanted) && (resource !== 'commitments' || (sameRef(p.funder, refs.funderId) && sameRef(p.initiative, refs.initiativeId))));
    const one = inFile.length === 1 ? inFile[0]! : null;
    if (one) return { ref: one.id !== undefined ? { id: one.id } : { pending: one.token } };
    if (inFile.length > 1) return { issue: reason('import.ambiguous', { sheet: sheetTitle, key: text }) };
    // The whole file is planned before anything is written, so what is stored stays as it was.
    const memo = `${resource}|${wanted}|${resource === 'commitments' ? `${refKey(refs.funderId)}|${refKey(refs.initiativeId)}` : ''}`;
    const known = this.stored.get(memo);
    if (known) return known;
    const found = await this.findStored(resource, text, wanted, sheetTitle, refs);
    this.stored.set(memo, found);
    return found;
  }

  /** A stored record the importer may see that a reference cell names. */
  private async findStored(resource: string, text: string, wanted: string, sheetTitle: string, refs: Record<string, Ref>): Promise<{ ref: Ref } | { issue: FieldReason }> {
    const q = this.scoped(resource);
    if (resource === 'initiatives') q.where((w) => w.where('kvk_number', text.trim()).orWhereRaw('lower(name) = ?', [wanted]));
    else if (resource === 'funders') q.where((w) => w.where('org_id', text.trim()).orWhereRaw('lower(name) = ?', [wanted]));
    else {
      q.where((w) => w.whereRaw('lower(reference) = ?', [wanted]).orWhereRaw('lower(title) = ?', [wanted]));
      const funder = refs.funderId;
      const initiative = refs.initiativeId;
      if (funder && 'id' in funder) q.where('commitments.funder_id', funder.id);
      if (initiative && 'id' in initiative) q.where('commitments.initiative_id', initiative.id);
    }
    const rows = await q.limit(2).select<{ id: number }[]>(`${RESOURCES[resource]!.table}.id`);
    if (rows.length === 1) return { ref: { id: rows[0]!.id } };
    if (rows.length > 1) return { issue: reason('import.ambiguous', { sheet: sheetTitle, key: text }) };
    // Never says whether a record exists that the importer may not see.
    return { issue: reason('import.not_found', { sheet: sheetTitle, key: text }) };
  }
}

function refKey(ref: Ref | undefined): string {
  if (!ref) return '';
  return 'id' in ref ? `#${ref.id}` : ref.pending;
}

function readCell(column: ImportColumn, cell: Cell): Read<unknown> {
  switch (column.type) {
    case 'euros':
      return readEuros(cell);
    case 'date':
      return readDate(cell);
    case 'bool':
      return readBool(cell);
    case 'int':
      return readWholeNumber(cell);
    case 'enum':
      return readLabelCell(cell, column.labels!);
    case 'enumList':
      return readLabelList(cell, column.labels!);
    case 'text':
    case 'ref': {
      const text = readText(cell);
      // Spreadsheets drop a KvK number's leading zeros.
      return { ok: true, value: column.key === 'kvkNumber' && /^\d{1,7}$/.test(text) ? text.padStart(8, '0') : text };
    }
  }
}
