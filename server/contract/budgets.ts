import { z } from 'zod';
import { cents, id, optionalText, year } from './fields.js';
import { field, nullable, writableContract, type CreateOf, type RecordOf } from './resource.js';

export const budgets = writableContract({
  name: 'budgets',
  fields: {
    id: field.id({ sortable: true, filterable: true }),
    initiativeId: field.id({ sortable: true, filterable: true }),
    year: field.int({ sortable: true, filterable: true }),
    amountCents: field.int({ sortable: true, filterable: true }),
    note: nullable(field.text()),
    version: field.int(),
  },
  search: ['note'],
  defaultSort: ['year', 'ASC'],
  create: z.object({
    initiativeId: id(),
    year: year(1900, 2200),
    amountCents: cents(),
    note: optionalText(2000),
  }),
});

export type Budget = RecordOf<typeof budgets>;
export type BudgetCreate = CreateOf<typeof budgets>;
