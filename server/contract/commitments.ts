import { z } from 'zod';
import { COMMITMENT_KINDS, COMMITMENT_STATUSES, REPORTING_SCHEDULES, TRANCHE_SCHEDULES } from '../domain/enums.js';
import { zodReason } from './errorCodes.js';
import { bool, cents, enumOf, id, isoDate, optional, optionalText, text } from './fields.js';
import { field, nullable, writableContract, type CreateOf, type RecordOf } from './resource.js';

const writable = {
  initiativeId: id(),
  funderId: id(),
  title: text(),
  reference: optionalText(200),
  programme: optionalText(200),
  kind: enumOf(COMMITMENT_KINDS),
  status: enumOf(COMMITMENT_STATUSES),
  startDate: isoDate(),
  endDate: isoDate(),
  amountCents: cents(),
  decisionDate: optional(isoDate()),
  renewable: bool().default(false),
  conditionNote: optionalText(5000),
};

const endsAfterStart = <T extends z.ZodObject<typeof writable>>(schema: T) =>
  schema.refine((c) => c.endDate >= c.startDate, { path: ['endDate'], error: zodReason('field.on_or_after', { field: 'startDate' }) });

export const commitments = writableContract({
  name: 'commitments',
  fields: {
    id: field.id({ sortable: true, filterable: true }),
    initiativeId: field.id({ sortable: true, filterable: true, fixed: true }),
    funderId: field.id({ sortable: true, filterable: true, fixed: true }),
    title: field.text({ sortable: true, filterable: true }),
    reference: nullable(field.text({ filterable: true })),
    programme: nullable(field.text({ sortable: true, filterable: true })),
    kind: field.enum(COMMITMENT_KINDS, { sortable: true, filterable: true }),
    status: field.enum(COMMITMENT_STATUSES, { sortable: true, filterable: true }),
    startDate: field.date({ sortable: true, filterable: true }),
    endDate: field.date({ sortable: true, filterable: true }),
    amountCents: field.int({ sortable: true, filterable: true }),
    decisionDate: nullable(field.date({ sortable: true, filterable: true })),
    renewable: field.bool({ sortable: true, filterable: true }),
    conditionNote: nullable(field.text()),
    // The tranche totals: scheduled counts every tranche but the cancelled ones.
    scheduledCents: field.int({ sortable: true, computed: true }),
    receivedCents: field.int({ sortable: true, computed: true }),
    unscheduledCents: field.int({ sortable: true, computed: true }),
    remainingCents: field.int({ sortable: true, computed: true }),
    version: field.int(),
  },
  search: ['title', 'reference'],
  defaultSort: ['startDate', 'ASC'],
  // A new commitment may have its tranches and its reporting obligations generated on a
  // schedule; an update refuses both.
  create: endsAfterStart(
    z.object({
      ...writable,
      trancheSchedule: optional(enumOf(TRANCHE_SCHEDULES)),
      reportingSchedule: optional(enumOf(REPORTING_SCHEDULES)),
      reportDueMonths: optional(
        z
          .number({ error: zodReason('field.whole_number_between', { min: 0, max: 24 }) })
          .int({ error: zodReason('field.whole_number_between', { min: 0, max: 24 }) })
          .min(0, { error: zodReason('field.whole_number_between', { min: 0, max: 24 }) })
          .max(24, { error: zodReason('field.whole_number_between', { min: 0, max: 24 }) }),
      ),
    }),
  ).refine((c) => c.reportingSchedule !== 'per_tranche' || c.trancheSchedule, {
    path: ['reportingSchedule'],
    error: zodReason('commitment.per_tranche_needs_tranches'),
  }),
  update: endsAfterStart(z.object(writable)),
});

export type Commitment = RecordOf<typeof commitments>;
export type CommitmentCreate = CreateOf<typeof commitments>;
