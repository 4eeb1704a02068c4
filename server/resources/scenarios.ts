import { scenarios as contract } from '../contract/scenarios.js';
import { loadFunding } from '../data/funding.js';
import { resolveChanges } from '../data/scenarioChanges.js';
import { ANY_ROLE, defineResource, writesBy } from './resource.js';

// Initiative users and admins write an initiative's scenarios; funders who may see the initiative read them.
export const scenarios = defineResource(contract, {
  access: { read: ANY_ROLE, write: writesBy(['admin', 'initiative']) },
  initiativeSql: 'scenarios.initiative_id',
  references: { initiativeId: 'initiatives' },
  tenantOf: async (_trx, r) => ({ initiativeId: r.initiativeId ?? null, funderId: null }),
  check: async (trx, next) => {
    const [funding] = await loadFunding(trx, [next.initiativeId]);
    if (funding) await resolveChanges(trx, funding, next.changes, 'changes.');
  },
});
