import { indicatorValues as valueContract, indicators as contract } from '../contract/indicators.js';
import { conflict, reason } from '../errors.js';
import { ANY_ROLE, defineResource, writesBy } from './resource.js';

// An initiative writes its own indicators and values; funders read those of the initiatives they
// may see (the usual rule); admins all.
export const indicators = defineResource(contract, {
  access: { read: ANY_ROLE, write: writesBy(['admin', 'initiative']) },
  references: { initiativeId: 'initiatives' },
  initiativeSql: 'indicators.initiative_id',
  tenantOf: async (_trx, r) => ({ initiativeId: r.initiativeId ?? null, funderId: null }),
});

const initiativeOfValue = '(SELECT i.initiative_id FROM indicators i WHERE i.id = indicator_values.indicator_id)';

export const indicatorValues = defineResource(valueContract, {
  computed: { initiativeId: initiativeOfValue },
  access: { read: ANY_ROLE, write: writesBy(['admin', 'initiative']) },
  references: { indicatorId: 'indicators' },
  initiativeSql: initiativeOfValue,
  tenantOf: async (trx, r) => {
    const i = r.indicatorId === undefined ? undefined : await trx('indicators').where({ id: r.indicatorId }).first<{ initiative_id: number } | undefined>('initiative_id');
    return i ? { initiativeId: i.initiative_id, funderId: null } : null;
  },
  check: async (trx, next, prev) => {
    const twin = await trx('indicator_values')
      .where({ indicator_id: next.indicatorId, year: next.year })
      .modify((q) => {
        if (prev) q.whereNot({ id: prev.id });
      })
      .first('id');
    if (twin) throw conflict('conflict.duplicate', `This indicator already has a value for ${String(next.year)}.`, { year: reason('indicator_value.duplicate', { year: next.year }) });
  },
});
