import { z } from 'zod';
import { cents, id, optionalText } from './fields.js';
import { conflict } from '../errors.js';
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
    year: z
      .number({ error: 'must be a year like 2027' })
      .int({ error: 'must be a year like 2027' })
      .min(1900, { error: 'must be 1900 or later' })
      .max(2200, { error: 'must be 2200 or earlier' }),
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
    if (twin) throw conflict(`This initiative already has a budget for ${String(next.year)}.`, { year: 'already has a budget for this initiative' });
  },
};
