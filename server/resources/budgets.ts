import { budgets as contract } from '../contract/budgets.js';
import { conflict, reason } from '../errors.js';
import { ANY_ROLE, defineResource, initiativesOf, writesBy } from './resource.js';

export const budgets = defineResource(contract, {
  access: { read: ANY_ROLE, write: writesBy(['admin', 'initiative']) },
  initiativeSql: 'budgets.initiative_id',
  references: { initiativeId: 'initiatives' },
  tenantOf: async (_trx, r) => ({ initiativeId: r.initiativeId ?? null, funderId: null }),
  check: async (trx, next, prev) => {
    const twin = await trx('budgets')
      .where({ initiative_id: next.initiativeId, year: next.year })
      .modify((q) => {
        if (prev) q.whereNot({ id: prev.id });
      })
      .first('id');
    if (twin) throw conflict('conflict.duplicate', `This initiative already has a budget for ${String(next.year)}.`, {
        year: reason('budget.duplicate', { year: next.year }),
      });
  },
  staleInitiatives: async (_trx, before, after) => initiativesOf(before, after),
});
