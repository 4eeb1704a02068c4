import { z } from 'zod';
import { TRANCHE_STATUSES } from '../domain/enums.js';
import { zodReason } from './errorCodes.js';
import { cents, enumOf, id, isoDate, optional } from './fields.js';
import { field, nullable, writableContract, type CreateOf, type RecordOf } from './resource.js';

export const tranches = writableContract({
  name: 'tranches',
  fields: {
    id: field.id({ sortable: true, filterable: true }),
    commitmentId: field.id({ sortable: true, filterable: true, fixed: true }),
    periodStart: field.date({ sortable: true, filterable: true }),
    periodEnd: field.date({ sortable: true, filterable: true }),
    amountCents: field.int({ sortable: true, filterable: true }),
    dueOn: nullable(field.date({ sortable: true, filterable: true })),
    status: field.enum(TRANCHE_STATUSES, { sortable: true, filterable: true }),
    receivedOn: nullable(field.date({ sortable: true, filterable: true })),
    version: field.int(),
  },
  defaultSort: ['periodStart', 'ASC'],
  create: z
    .object({
      commitmentId: id(),
      periodStart: isoDate(),
      periodEnd: isoDate(),
      amountCents: cents(),
      dueOn: optional(isoDate()),
      status: enumOf(TRANCHE_STATUSES).default('planned'),
      receivedOn: optional(isoDate()),
    })
    .refine((t) => t.periodEnd >= t.periodStart, { path: ['periodEnd'], error: zodReason('field.on_or_after', { field: 'periodStart' }) }),
});

export type Tranche = RecordOf<typeof tranches>;
export type TrancheCreate = CreateOf<typeof tranches>;
