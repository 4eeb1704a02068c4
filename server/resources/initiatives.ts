import { initiatives as contract } from '../contract/initiatives.js';
import { ADMIN_ONLY, ANY_ROLE, defineResource } from './resource.js';

export const initiatives = defineResource(contract, {
  access: { read: ANY_ROLE, write: { create: ADMIN_ONLY, update: ['admin', 'initiative'], delete: ADMIN_ONLY } },
  initiativeSql: 'initiatives.id',
  tenantOf: async (_trx, r) => ({ initiativeId: r.id ?? null, funderId: null }),
  // A deleted initiative takes its gaps with it.
  staleInitiatives: async (_trx, _before, after) => (after ? [after.id] : []),
  // Gaps go too, unaudited: the scans write them, their rows are never audited, and the
  // initiative's own audit row says what went.
  cascades: { budgets: 'initiative_id', scenarios: 'initiative_id', 'cofinancing-rounds': 'initiative_id' },
  inUseMessage: 'This initiative still has commitments or users: remove those first.',
});
