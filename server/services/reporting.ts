// Reporting (design/reporting.md): submitting one report for obligations of several funders, the
// funder's decision on its own obligation, a report's files, and the reporting burden figures.
// Knows nothing of HTTP; access follows the resource definitions (a record you may not see is 404).
import type { Knex } from 'knex';
import { z } from 'zod';
import { zodReason } from '../contract/errorCodes.js';
import { obligationDecision, type ObligationDecision } from '../contract/obligations.js';
import { reports as reportContract } from '../contract/reports.js';
import type { BurdenAnswer, Computed, PortfolioBurden } from '../contract/figures.js';
import { keptAreCurrent } from '../data/keptFigures.js';
import { portfolioBurdenCounts, type BurdenCounts } from '../data/portfolioBurden.js';
import { burdenOf, per10k } from '../domain/burden.js';
import { FUNDER_TYPES, OWED_OBLIGATION_STATUSES, type FunderType, type ObligationStatus } from '../domain/enums.js';
import type { IsoDate } from '../domain/types.js';
import { ApiError, conflict, notFound, reason, unprocessable, validationError, zodReasons } from '../errors.js';
import { nameFits, sniffFileType } from '../interop/fileType.js';
import { RESOURCES } from '../resources/index.js';
import type { ApiRecord } from '../resources/resource.js';
import { assertOwnTenant, assertRoleMay, scopeRead, withOwnTenant } from './access.js';
import type { Actor } from './actor.js';
import type { AnalyticsService } from './analytics.js';
import { recordAudit } from './audit.js';
import { markStale } from './rescans.js';
import { today } from './clock.js';
import type { CrudService } from './crud.js';

export const MAX_REPORT_FILE_BYTES = 10 * 1024 * 1024;

/** The query of `GET /api/stats/burden`. */
export const portfolioBurdenQuery = z.object({
  year: z.coerce
    .number({ error: zodReason('field.year') })
    .int({ error: zodReason('field.year') })
    .min(1900, { error: zodReason('field.year_from', { min: 1900 }) })
    .max(2199, { error: zodReason('field.year_through', { max: 2199 }) })
    .optional(),
});

export interface UploadedReportFile {
  name: string;
  buffer: Buffer;
}

const def = (name: string) => RESOURCES[name]!;

function parse<T>(schema: { safeParse(input: unknown): { success: true; data: T } | { success: false; error: Parameters<typeof zodReasons>[0] } }, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationError(zodReasons(parsed.error, input));
  return parsed.data;
}

/** The status each decision needs, and the status it leaves. */
const DECISIONS: Record<ObligationDecision, { from: readonly ObligationStatus[]; to: ObligationStatus }> = {
  accept: { from: ['submitted'], to: 'accepted' },
  reject: { from: ['submitted'], to: 'rejected' },
  waive: { from: ['open', 'submitted', 'rejected'], to: 'waived' },
};

export class ReportingService {
  constructor(
    private readonly db: Knex,
    private readonly crud: CrudService,
    private readonly analytics: AnalyticsService,
  ) {}

  /**
   * Submits a report for obligations of the initiative (of any of its funders): each must be open
   * or rejected; each becomes `submitted` today, answered by this report. One transaction.
   */
  async submit(actor: Actor, body: unknown): Promise<ApiRecord> {
    assertRoleMay(actor, 'reports', 'create');
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw validationError({ body: reason('field.json_object') });
    const known = new Set(['initiativeId', 'title', 'periodStart', 'periodEnd', 'summary', 'obligationIds']);
    const unknown = Object.keys(body).filter((k) => !known.has(k));
    if (unknown.length) throw validationError(Object.fromEntries(unknown.map((k) => [k, reason('field.unknown', { resource: 'reports' })])));
    const input = parse(reportContract.create, withOwnTenant(actor, def('reports'), body as Record<string, unknown>));
    return this.crud.transaction(async (trx) => {
      const initiative = await this.crud.get(def('initiatives'), actor, input.initiativeId, trx).catch((err: unknown) => {
        if (err instanceof ApiError && err.status === 404) throw validationError({ initiativeId: reason('field.existing_record', { resource: 'initiatives' }) });
        throw err;
      });
      if (actor.role !== 'admin') assertOwnTenant(actor, { initiativeId: initiative.id, funderId: null });
      const owed = await trx('obligations as o')
        .join('commitments as c', 'c.id', 'o.commitment_id')
        .whereIn('o.id', input.obligationIds)
        .forUpdate('o')
        .select<{ id: number; status: ObligationStatus; initiative_id: number }[]>('o.id', 'o.status', 'c.initiative_id');
      for (const obligationId of input.obligationIds) {
        const row = owed.find((o) => Number(o.id) === obligationId);
        if (!row || row.initiative_id !== initiative.id) throw unprocessable(`Obligation ${obligationId} is not an obligation of this initiative.`, { obligationIds: reason('report.obligation_unknown', { obligationId }) });
        if (!OWED_OBLIGATION_STATUSES.includes(row.status)) {
          throw unprocessable(`Obligation ${obligationId} is ${row.status}: only open or rejected obligations can be answered.`, {
            obligationIds: reason('report.obligation_not_owed', { obligationId, status: row.status }),
          });
        }
      }
      const submittedOn = today();
      const [created] = await trx('reports')
        .insert({ initiative_id: initiative.id, title: input.title, period_start: input.periodStart, period_end: input.periodEnd, summary: input.summary, submitted_on: submittedOn })
        .returning<{ id: number }[]>('id');
      const reportId = Number(created!.id);
      await trx('report_obligations').insert(input.obligationIds.map((obligationId) => ({ report_id: reportId, obligation_id: obligationId })));
      const obligations = def('obligations');
      for (const obligationId of input.obligationIds) {
        const before = await this.crud.get(obligations, actor, obligationId, trx);
        await trx('obligations')
          .where({ id: obligationId })
          .update({ status: 'submitted', submitted_on: submittedOn, decided_on: null, report_id: reportId, version: trx.raw('version + 1'), updated_at: trx.fn.now() });
        await recordAudit(trx, actor, 'update', 'obligations', obligationId, before, await this.crud.get(obligations, actor, obligationId, trx));
      }
      const report = await this.crud.get(def('reports'), actor, reportId, trx);
      await recordAudit(trx, actor, 'create', 'reports', reportId, null, report);
      // Submitted obligations are no longer overdue: the kept burden waits for the rescan.
      await markStale(trx, [initiative.id]);
      return report;
    });
  }

  /**
   * A funder's (or an admin's) decision on an obligation: accept or reject a submitted one (a
   * rejection says why in `note`), or waive one still owed. Carries the version read (409 when stale).
   */
  async decide(actor: Actor, id: number, decision: ObligationDecision, body: unknown): Promise<ApiRecord> {
    assertRoleMay(actor, 'obligations', 'update');
    const input = parse(obligationDecision, body ?? {});
    const rule = DECISIONS[decision];
    if (decision === 'reject' && !input.note) throw validationError({ note: reason('obligation.note_required') });
    const obligations = def('obligations');
    return this.crud.transaction(async (trx) => {
      await trx('obligations').where({ id }).forUpdate().first('id');
      const prev = await this.crud.get(obligations, actor, id, trx);
      if (actor.role !== 'admin') assertOwnTenant(actor, { initiativeId: prev.initiativeId as number, funderId: prev.funderId as number });
      if (prev.version !== input.version) {
        throw conflict('conflict.version', `This obligation was changed by someone else (version ${String(prev.version)}, you sent ${input.version}). Reload it and try again.`, { version: reason('version.stale') });
      }
      const status = prev.status as ObligationStatus;
      if (!rule.from.includes(status)) {
        const code = decision === 'waive' ? 'obligation.not_waivable' : 'obligation.not_submitted';
        throw unprocessable(`This obligation is ${status}: it cannot be ${rule.to}.`, { status: reason(code, { status }) });
      }
      await trx('obligations')
        .where({ id })
        .update({ status: rule.to, decided_on: today(), note: input.note ?? prev.note, version: trx.raw('version + 1'), updated_at: trx.fn.now() });
      const after = await this.crud.get(obligations, actor, id, trx);
      await recordAudit(trx, actor, 'update', 'obligations', id, prev, after);
      // A waived obligation counts no more, a rejected one is owed again: the kept burden waits for the rescan.
      await markStale(trx, [prev.initiativeId as number]);
      return after;
    });
  }

  /** Adds a file to a report: its type read from its content (PDF, DOCX, XLSX, ODT, PNG, JPEG), at most 10 MB. */
  async addFile(actor: Actor, reportId: number, file: UploadedReportFile): Promise<ApiRecord> {
    assertRoleMay(actor, 'reports', 'update');
    const report = await this.crud.get(def('reports'), actor, reportId);
    if (actor.role !== 'admin') assertOwnTenant(actor, { initiativeId: report.initiativeId as number, funderId: null });
    if (file.buffer.length > MAX_REPORT_FILE_BYTES) throw new ApiError('payload_too_large', `The file is larger than ${MAX_REPORT_FILE_BYTES} bytes.`, { fields: { file: reason('file.too_large', { maxBytes: MAX_REPORT_FILE_BYTES }) } });
    if (!file.buffer.length) throw validationError({ file: reason('file.required') });
    const type = await sniffFileType(file.buffer);
    if (!type) throw new ApiError('unsupported_media_type', 'This file is none of the types a report takes.', { fields: { file: reason('file.type', { types: ['pdf', 'docx', 'xlsx', 'odt', 'png', 'jpeg'] }) } });
    if (!nameFits(file.name, type)) throw new ApiError('unsupported_media_type', `The file's name does not fit its content (${type}).`, { fields: { file: reason('file.name_mismatch', { contentType: type }) } });
    const fileName = file.name.replace(/[\u0000-\u001f\u007f/\\]/g, '_').slice(0, 200);
    return this.crud.transaction(async (trx) => {
      const [row] = await trx('report_files')
        .insert({ report_id: reportId, file_name: fileName, content_type: type, size_bytes: file.buffer.length, content: file.buffer })
        .returning<{ id: number }[]>('id');
      const record = await this.crud.get(def('report-files'), actor, Number(row!.id), trx);
      await recordAudit(trx, actor, 'create', 'report-files', record.id, null, record);
      return record;
    });
  }

  /** A file's record and content, under the report's access rule. */
  async file(actor: Actor, id: number): Promise<{ record: ApiRecord; content: Buffer }> {
    const record = await this.crud.get(def('report-files'), actor, id);
    const row = await this.db('report_files').where({ id }).first<{ content: Buffer } | undefined>('content');
    if (!row) throw notFound();
    return { record, content: row.content };
  }

  /** The reporting burden of an initiative per year, from `from` for `years` years. */
  async burden(actor: Actor, initiativeId: number, q: { from?: number | undefined; years: number }): Promise<BurdenAnswer> {
    const coverage = await this.analytics.coverage(actor, initiativeId, q);
    const rows = await this.db('obligations as o')
      .join('commitments as c', 'c.id', 'o.commitment_id')
      .where('c.initiative_id', initiativeId)
      .whereBetween('o.due_on', [`${coverage.from}-01-01`, `${coverage.from + q.years - 1}-12-31`])
      .select<{ funder_id: number; due_on: string; status: ObligationStatus }[]>('c.funder_id', 'o.due_on', 'o.status');
    const obligations = rows.map((r) => ({ funderId: r.funder_id, dueOn: r.due_on, status: r.status }));
    return { initiativeId, from: coverage.from, years: coverage.years.map((y) => ({ year: y.year, ...burdenOf(obligations, y.year, y.committedCents) })) };
  }

  /**
   * The reporting burden per funder type over the active initiatives the actor may see: read from
   * the kept figures when every one of them was kept for today and has no change waiting for its
   * rescan, else counted for the request (`computed` says which; the money follows the portfolio
   * statistics, which answer kept or live on their own terms).
   */
  async portfolioBurden(actor: Actor, q: { year?: number | undefined }): Promise<PortfolioBurden> {
    const asOf = today();
    const year = q.year ?? Number(asOf.slice(0, 4));
    // Kept like the other portfolio answers while nothing changes; overdue is as of today, so
    // today is part of the question.
    return this.analytics.cached(actor, `burden:${year}:${asOf}`, () => this.computePortfolioBurden(actor, year, asOf));
  }

  private async computePortfolioBurden(actor: Actor, year: number, asOf: IsoDate): Promise<PortfolioBurden> {
    const money = await this.analytics.portfolioFragmentation(actor, { year, years: 1, groupBy: 'funderType' });
    const visible = this.db('initiatives').select('initiatives.id').where('initiatives.status', 'active');
    scopeRead(visible, def('initiatives'), actor, this.db);
    const computed: Computed = (await keptAreCurrent(this.db, visible.clone(), { asOf })) ? 'kept' : 'live';
    const { byType, total } = await portfolioBurdenCounts(this.db, visible, year, asOf, computed);
    const committedOf = (type: FunderType) => money.groups.find((g) => g.group === type && g.year === year)?.committedCents ?? 0;
    const figures = (c: BurdenCounts | undefined, committedCents: number) => {
      const obligationCount = c?.obligations ?? 0;
      return { initiativeCount: c?.initiatives ?? 0, obligationCount, funderCount: c?.funders ?? 0, committedCents, obligationsPer10k: per10k(obligationCount, committedCents), overdueCount: c?.overdue ?? 0 };
    };
    const groups = FUNDER_TYPES.flatMap((funderType) => {
      const c = byType.find((r) => r.type === funderType);
      const committedCents = committedOf(funderType);
      return !c && !committedCents ? [] : [{ funderType, ...figures(c, committedCents) }];
    });
    return {
      year,
      groups,
      totals: figures(total, money.totals.find((t) => t.year === year)?.committedCents ?? 0),
      computed: computed === 'kept' && money.computed === 'kept' ? 'kept' : 'live',
    };
  }
}
