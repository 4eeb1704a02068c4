// design/reporting.md: one report of an initiative, answering obligations of any of its funders.
import { z } from 'zod';
import { zodReason } from './errorCodes.js';
import { id, isoDate, optionalText, text } from './fields.js';
import { field, nullable, writableContract, type CreateOf, type RecordOf } from './resource.js';
import { recordId } from './values.js';

export const MAX_REPORT_OBLIGATIONS = 100;

const writable = {
  initiativeId: id(),
  title: text(),
  periodStart: isoDate(),
  periodEnd: isoDate(),
  summary: optionalText(20000),
};

const endsAfterStart = <T extends z.ZodObject>(schema: T) =>
  schema.refine((r) => (r as { periodEnd: string }).periodEnd >= (r as { periodStart: string }).periodStart, {
    path: ['periodEnd'],
    error: zodReason('field.on_or_after', { field: 'periodStart' }),
  });

/** A report is submitted once (`POST /api/reports`, which sets its obligations to submitted) and never deleted. */
export const reports = writableContract({
  name: 'reports',
  fields: {
    id: field.id({ sortable: true, filterable: true }),
    initiativeId: field.id({ sortable: true, filterable: true, fixed: true }),
    title: field.text({ sortable: true, filterable: true }),
    periodStart: field.date({ sortable: true, filterable: true }),
    periodEnd: field.date({ sortable: true, filterable: true }),
    submittedOn: field.date({ sortable: true, filterable: true }),
    summary: nullable(field.text()),
    /** The obligations it answers (of any of the initiative's funders). */
    obligationIds: { ...field.json(z.array(recordId)), computed: true },
    fileCount: field.int({ sortable: true, computed: true }),
    version: field.int(),
  },
  search: ['title'],
  defaultSort: ['submittedOn', 'DESC'],
  create: endsAfterStart(
    z.object({
      ...writable,
      obligationIds: z
        .array(id(), { error: zodReason('report.obligations') })
        .min(1, { error: zodReason('report.obligations') })
        .max(MAX_REPORT_OBLIGATIONS, { error: zodReason('field.at_most', { max: MAX_REPORT_OBLIGATIONS }) })
        .transform((ids) => [...new Set(ids)]),
    }),
  ),
  // The obligations a report answers are fixed once submitted; an update may send them back unchanged.
  update: endsAfterStart(z.object({ ...writable, obligationIds: z.unknown().optional().describe('ignored: fixed once submitted') })),
});

export type Report = RecordOf<typeof reports>;
export type ReportCreate = CreateOf<typeof reports>;
