import { funders as contract } from '../contract/funders.js';
import { conflict, reason } from '../errors.js';
import { ADMIN_ONLY, ANY_ROLE, defineResource, writesBy } from './resource.js';

export const funders = defineResource(contract, {
  access: { read: ANY_ROLE, write: writesBy(ADMIN_ONLY) },
  tenantOf: async (_trx, r) => ({ initiativeId: null, funderId: r.id ?? null }),
  // An org-id names one organisation: two funders never share one.
  check: async (trx, next, prev) => {
    if (!next.orgId) return;
    const twin = await trx('funders')
      .where({ org_id: next.orgId })
      .modify((q) => {
        if (prev) q.whereNot({ id: prev.id });
      })
      .first<{ name: string } | undefined>('name');
    if (twin) throw conflict('conflict.duplicate', `The funder ${twin.name} already has org-id ${next.orgId}.`, { orgId: reason('funder.org_id_taken', { name: twin.name }) });
  },
  // A funder's funding limit decides the gaps of every initiative it funds.
  staleInitiatives: async (trx, before, after) => {
    // Its limit changes the funder_limit gaps; its type, the kept money per funder type.
    if (!before || !after || (before.maxFundingYears === after.maxFundingYears && before.type === after.type)) return [];
    const rows = await trx('commitments').where({ funder_id: after.id }).distinct<{ initiative_id: number }[]>('initiative_id');
    return rows.map((r) => r.initiative_id);
  },
  inUseMessage: 'This funder still has commitments or users: remove those first.',
});
