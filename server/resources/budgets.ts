import { z } from 'zod';
import { conflict, reason } from '../errors.js';
import { cents, id, optionalText, year } from './fields.js';
import type { ResourceDef } from './resource.js';

export const budgets: ResourceDef = {
  name: 'budgets',
  table: 'budgets',
  fields: {
    id: { sql: 'budgets.id', kind: 'id', sortable: true, filterable: true },
    initiativeId: { sql: 'budgets.initiative_id', kind: 'id', sortable: true, filterable: true, column: 'initiative_id' },
    year: { sql: 'budgets.year', kind: 'int', sortable: true, filterable: true, column: 'year' },
    amountCents: { sql: 'budgets.amount_cents', kind: 'int', sortable: true, filterable: true, column: 'amount_cents' },
    note: { sql: 'budgets.note', kind: 'text', column: 'note' },
    version: { sql: 'budgets.version', kind: 'int' },
  },
  search: ['budgets.note'],
  defaultSort: ['year', 'ASC'],
  input: z.object({
    initiativeId: id(),
    year: year(1900, 2200),
    amountCents: cents(),
    note: optionalText(2000),
  }),
  initiativeSql: 'budgets.initiative_id',
  references: { initiativeId: 'initiatives' },
  tenantOf: async (_trx, r) => ({ initiativeId: r.initiativeId as number, funderId: null }),
  check: async (trx, next, prev) => {
    const twin = await trx('budgets')
      .where({ initiative_id: next.initiativeId as number, year: next.year as number })
      .modify((q) => {
        if (prev) q.whereNot({ id: prev.id });
      })
      .first('id');
    if (twin) throw conflict('conflict.duplicate', `This initiative already has a budget for ${String(next.year)}.`, {
        year: reason('budget.duplicate', { year: next.year as number }),
      });
  },
};
