// Imports from start to finish (design/interop.md): a file is read and previewed (nothing written
// to the portfolio), then applied in one transaction through the CRUD service — its rules, access,
// audit and rescan outbox. Files of more than IMPORT_JOB_ROWS rows are previewed and applied by a job
// (`import` queue) that keeps its progress on the import record.
import type { Knex } from 'knex';
import { SHEET_TITLES, type ImportCounts, type ImportResult, type ImportRecord, type PreviewRow } from '../contract/imports.js';
import { ApiError, badRequest, notFound, reason } from '../errors.js';
import { readCsv, readXlsx, type SheetWarning } from '../interop/spreadsheetRead.js';
import { isThreeSixtyGivingCsv, readThreeSixtyGivingCsv, readThreeSixtyGivingJson } from '../interop/threeSixtyGivingImport.js';
import { RESOURCES } from '../resources/index.js';
import type { Actor } from './actor.js';
import type { CrudService } from './crud.js';
import { ImportPlanner, type PlannedRow, type PlanSheet } from './importPlan.js';

const PROGRESS_EVERY = 100;

export type ImportKind = ImportRecord['kind'];
export type ImportPhase = 'preview' | 'apply';

/** Where the service puts an import job (absent: everything runs in the request). */
export interface ImportQueue {
  queueImport(importId: number, phase: ImportPhase): Promise<void>;
}

export interface UploadedFile {
  name: string;
  buffer: Buffer;
  /** A CSV's sheet, when its header row should not decide. */
  sheet?: string;
}

interface ImportRow {
  id: number;
  user_id: number;
  file_name: string;
  kind: ImportKind;
  status: ImportRecord['status'];
  rows: PlanSheet[];
  preview: { rows: PreviewRow[]; warnings: SheetWarning[] } | null;
  counts: ImportCounts | null;
  progress: number;
  total: number;
  skip_errors: boolean;
  result: ImportResult | null;
  error: string | null;
  created_at: Date;
  applied_at: Date | null;
}

interface Stored {
  warnings: SheetWarning[];
}

const toRecord = (r: ImportRow): ImportRecord => ({
  id: Number(r.id),
  userId: r.user_id,
  fileName: r.file_name,
  kind: r.kind,
  status: r.status,
  counts: r.counts,
  warnings: r.preview?.warnings ?? [],
  rows: r.preview?.rows ?? null,
  progress: r.progress,
  total: r.total,
  skipErrors: r.skip_errors,
  result: r.result,
  error: r.error,
  createdAt: r.created_at.toISOString(),
  appliedAt: r.applied_at?.toISOString() ?? null,
});

function countsOf(rows: readonly PreviewRow[]): ImportCounts {
  const counts: ImportCounts = { create: 0, update: 0, unchanged: 0, error: 0 };
  for (const r of rows) counts[r.action] += 1;
  return counts;
}

/** What applying did: the ids created and updated, per sheet. */
function resultOf(rows: readonly PreviewRow[]): ImportResult {
  const result: ImportResult = { created: {}, updated: {} };
  for (const r of rows) {
    if (r.recordId === null || (r.action !== 'create' && r.action !== 'update')) continue;
    const into = r.action === 'create' ? result.created : result.updated;
    (into[r.sheet] ??= []).push(r.recordId);
  }
  return result;
}

/** As JSON PostgreSQL can store: no NUL character in any text (a file may hold them). */
const withoutNul = (value: unknown): string => JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? v.replace(/\0/g, '') : v));

const previewOf = ({ sheet, row, action, key, recordId, changes, errors }: PlannedRow): PreviewRow => ({ sheet, row, action, key, recordId, changes, errors });

/** The file as sheets of rows, by its kind. */
async function readFile(file: UploadedFile): Promise<{ kind: ImportKind; sheets: PlanSheet[] } & Stored> {
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  if (ext === 'xlsx') return { kind: 'xlsx', ...(await readXlsx(file.buffer)) };
  if (ext === 'json') return { kind: '360giving-json', ...readThreeSixtyGivingJson(file.buffer) };
  if (ext === 'csv' || ext === 'txt') {
    if (isThreeSixtyGivingCsv(file.buffer)) return { kind: '360giving-csv', ...readThreeSixtyGivingCsv(file.buffer) };
    return { kind: 'csv', ...readCsv(file.buffer, file.sheet) };
  }
  throw badRequest(`file: ${reason('import.file_type').text}`, { file: reason('import.file_type') });
}

export class ImportService {
  constructor(
    private readonly db: Knex,
    private readonly crud: CrudService,
    private readonly queue: ImportQueue | null,
    /** Files with more rows than this are previewed and applied by a job (IMPORT_JOB_ROWS). */
    private readonly jobRows = 2_000,
  ) {}

  /** Reads and previews a file: 201 with the import record; nothing is written to the portfolio. */
  async upload(actor: Actor, file: UploadedFile): Promise<ImportRecord> {
    const { kind, sheets, warnings } = await readFile(file);
    const total = sheets.reduce((n, s) => n + s.rows.length, 0);
    const [row] = await this.db('imports')
      .insert({ user_id: actor.userId, file_name: file.name.replace(/\0/g, '').slice(0, 255), kind, status: 'previewing', rows: withoutNul(sheets), preview: withoutNul({ rows: [], warnings }), total })
      .returning<ImportRow[]>('*');
    const id = Number(row!.id);
    if (total > this.jobRows && (await this.queued(id, 'preview'))) return toRecord(row!);
    await this.preview(id);
    return this.load(id);
  }

  /** The importer's own imports, newest first (an admin's: everyone's). */
  async list(actor: Actor): Promise<ImportRecord[]> {
    const q = this.db('imports').select('id', 'user_id', 'file_name', 'kind', 'status', 'counts', 'progress', 'total', 'skip_errors', 'result', 'error', 'created_at', 'applied_at').orderBy('id', 'desc').limit(100);
    if (actor.role !== 'admin') q.where({ user_id: actor.userId });
    return ((await q) as ImportRow[]).map((r) => toRecord({ ...r, preview: null }));
  }

  async get(actor: Actor, id: number): Promise<ImportRecord> {
    const row = await this.db('imports').where({ id }).first<ImportRow | undefined>();
    if (!row || (actor.role !== 'admin' && row.user_id !== actor.userId)) throw notFound(`No import with id ${id}.`);
    return toRecord(row);
  }

  /** Applies a previewed import: once, all or nothing; with errors only when `skipErrors`. */
  async apply(actor: Actor, id: number, skipErrors: boolean): Promise<ImportRecord> {
    const record = await this.get(actor, id);
    if (record.status !== 'previewed') throw new ApiError('import.not_appliable', `This import is ${record.status}: it can be applied once, after its preview.`);
    if (record.counts && record.counts.error > 0 && !skipErrors) {
      throw new ApiError('import.has_errors', `The preview has ${record.counts.error} rows with errors: correct the file, or apply with skipErrors to import only the good rows.`);
    }
    const claimed = await this.db('imports').where({ id, status: 'previewed' }).update({ status: 'applying', skip_errors: skipErrors, progress: 0, error: null });
    if (!claimed) throw new ApiError('import.not_appliable', 'This import is being applied already.');
    if (record.total > this.jobRows && (await this.queued(id, 'apply'))) return this.load(id);
    await this.applyNow(id);
    return this.load(id);
  }

  /** The work of an import job. */
  async runJob(importId: number, phase: ImportPhase): Promise<void> {
    const row = await this.db('imports').where({ id: importId }).first<ImportRow | undefined>('status');
    if (phase === 'preview' && row?.status === 'previewing') {
      await this.preview(importId).catch(async (err: unknown) => {
        await this.db('imports').where({ id: importId }).update({ status: 'failed', error: String(err instanceof Error ? err.message : err).slice(0, 2000) });
        throw err;
      });
    }
    if (phase === 'apply' && row?.status === 'applying') await this.applyNow(importId).catch(() => undefined);
  }

  /** Hands the work to a job; false when there is no queue or it cannot take the job now (then the request does it). */
  private async queued(id: number, phase: ImportPhase): Promise<boolean> {
    if (!this.queue) return false;
    try {
      await this.queue.queueImport(id, phase);
      return true;
    } catch {
      return false;
    }
  }

  private async load(id: number): Promise<ImportRecord> {
    return toRecord((await this.db('imports').where({ id }).first<ImportRow>())!);
  }

  private async actorOf(userId: number): Promise<Actor> {
    const u = await this.db('users').where({ id: userId }).first<{ id: number; email: string; role: Actor['role']; funder_id: number | null; initiative_id: number | null }>();
    return { userId: u!.id, email: u!.email, role: u!.role, funderId: u!.funder_id, initiativeId: u!.initiative_id };
  }

  private progress(id: number): (done: number) => Promise<void> {
    return async (done) => {
      if (done % PROGRESS_EVERY === 0) await this.db('imports').where({ id }).update({ progress: done });
    };
  }

  private async preview(id: number): Promise<void> {
    const row = (await this.db('imports').where({ id }).first<ImportRow>())!;
    const planned = await new ImportPlanner(this.db, await this.actorOf(row.user_id)).plan(row.rows, this.progress(id));
    const rows = planned.map(previewOf);
    await this.db('imports')
      .where({ id })
      .update({ status: 'previewed', preview: JSON.stringify({ rows, warnings: row.preview?.warnings ?? [] }), counts: JSON.stringify(countsOf(rows)), progress: row.total });
  }

  /** Plans again inside the transaction (the portfolio may have changed since the preview) and writes every good row. */
  private async applyNow(id: number): Promise<void> {
    const row = (await this.db('imports').where({ id }).first<ImportRow>())!;
    const actor = await this.actorOf(row.user_id);
    try {
      const rows = await this.crud.transaction(async (trx) => {
        const planned = await new ImportPlanner(trx, actor).plan(row.rows);
        const errors = planned.filter((r) => r.action === 'error').length;
        if (errors && !row.skip_errors) throw new ApiError('import.has_errors', `${errors} rows have errors now: preview the file again.`);
        await this.write(trx, actor, planned, this.progress(id));
        return planned.map(previewOf);
      });
      await this.db('imports')
        .where({ id })
        .update({
          status: 'applied',
          applied_at: this.db.fn.now(),
          progress: row.total,
          preview: JSON.stringify({ rows, warnings: row.preview?.warnings ?? [] }),
          counts: JSON.stringify(countsOf(rows)),
          result: JSON.stringify(resultOf(rows)),
        });
    } catch (err) {
      // Nothing was written: the import stays previewed, with what went wrong.
      const message = err instanceof Error ? err.message : String(err);
      await this.db('imports').where({ id }).update({ status: 'previewed', error: message.slice(0, 2000) });
      throw err;
    }
  }

  /** The obligation its commitment, created by an earlier row, made from its reporting schedule: the row updates or leaves it. */
  private async findGenerated(trx: Knex.Transaction, row: PlannedRow, created: ReadonlyMap<string, number>): Promise<void> {
    const { commitment, kind, periodStart } = row.generatedBy!;
    const found = await trx('obligations')
      .where({ commitment_id: created.get(commitment) ?? null, kind, period_start: periodStart })
      .orderBy('id')
      .first<{ id: number; version: number } | undefined>('id', 'version');
    if (!found) throw new Error(`${SHEET_TITLES[row.sheet].nl}, row ${row.row}: the obligation its commitment's schedule makes was not made.`);
    row.recordId = found.id;
    row.version = found.version;
  }

  private async write(trx: Knex.Transaction, actor: Actor, planned: PlannedRow[], onRow: (done: number) => Promise<void>): Promise<void> {
    const created = new Map<string, number>();
    let done = 0;
    for (const row of planned) {
      done += 1;
      if (row.generatedBy) await this.findGenerated(trx, row, created);
      if (row.action !== 'create' && row.action !== 'update') continue;
      const def = RESOURCES[row.sheet]!;
      const refs = Object.fromEntries(Object.entries(row.refs).flatMap(([field, ref]) => (def.fields[field]?.column ? [[field, 'id' in ref ? ref.id : created.get(ref.pending)]] : [])));
      try {
        if (row.action === 'create') {
          const record = await this.crud.create(def, actor, { ...row.input, ...refs }, trx);
          created.set(`${row.sheet}:${row.row}`, record.id);
          row.recordId = record.id;
        } else {
          await this.crud.update(def, actor, row.recordId!, { ...row.input, version: row.version }, trx);
        }
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        throw new ApiError(err.code, `${SHEET_TITLES[row.sheet].nl}, row ${row.row}: ${err.message}`, { fields: err.fields, status: err.status });
      }
      if (done % PROGRESS_EVERY === 0) await onRow(done);
    }
  }
}
