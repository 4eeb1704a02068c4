// design/reporting.md: what a funder asks to be reported on a commitment, and by when.
import { z } from 'zod';
import { OBLIGATION_KINDS, OBLIGATION_STATUSES } from '../domain/enums.js';
import { zodReason } from './errorCodes.js';
import { enumOf, id, isoDate, optionalText, text } from './fields.js';
import { field, nullable, writableContract, type CreateOf, type RecordOf } from './resource.js';

const writable = {
  commitmentId: id(),
  kind: enumOf(OBLIGATION_KINDS),
  title: text(),
  periodStart: isoDate(),
  periodEnd: isoDate(),
  dueOn: isoDate(),
  note: optionalText(5000),
};

const endsAfterStart = <T extends z.ZodObject<typeof writable>>(schema: T) =>
  schema.refine((o) => o.periodEnd >= o.periodStart, { path: ['periodEnd'], error: zodReason('field.on_or_after', { field: 'periodStart' }) });

/**
 * The status is never written as a field: submitting a report sets `submitted`, and the funder's
 * accept, reject and waive actions (`POST /api/obligations/{id}/accept|reject|waive`) the rest.
 */
export const obligations = writableContract({
  name: 'obligations',
  fields: {
    id: field.id({ sortable: true, filterable: true }),
    commitmentId: field.id({ sortable: true, filterable: true, fixed: true }),
    initiativeId: field.id({ sortable: true, filterable: true, computed: true }),
    funderId: field.id({ sortable: true, filterable: true, computed: true }),
    kind: field.enum(OBLIGATION_KINDS, { sortable: true, filterable: true }),
    title: field.text({ sortable: true, filterable: true }),
    periodStart: field.date({ sortable: true, filterable: true }),
    periodEnd: field.date({ sortable: true, filterable: true }),
    dueOn: field.date({ sortable: true, filterable: true }),
    status: field.enum(OBLIGATION_STATUSES, { sortable: true, filterable: true }),
    submittedOn: nullable(field.date({ sortable: true, filterable: true })),
    decidedOn: nullable(field.date({ sortable: true, filterable: true })),
    reportId: nullable(field.id({ sortable: true, filterable: true })),
    note: nullable(field.text()),
    /** Still owed (open or rejected) and due before today (Europe/Amsterdam). */
    overdue: field.bool({ sortable: true, filterable: true, computed: true }),
    /** Whole days since the due date while overdue; 0 otherwise. */
    daysOverdue: field.int({ sortable: true, computed: true }),
    version: field.int(),
  },
  search: ['title'],
  defaultSort: ['dueOn', 'ASC'],
  create: endsAfterStart(z.object(writable)),
});

/** The body of accept, reject and waive: the version read, and a note (required to reject). */
export const obligationDecision = z.object({
  version: z.number({ error: zodReason('field.whole_number') }).int({ error: zodReason('field.whole_number') }),
  note: optionalText(5000),
});

export const OBLIGATION_DECISIONS = ['accept', 'reject', 'waive'] as const;
export type ObligationDecision = (typeof OBLIGATION_DECISIONS)[number];

export type Obligation = RecordOf<typeof obligations>;
export type ObligationCreate = CreateOf<typeof obligations>;
