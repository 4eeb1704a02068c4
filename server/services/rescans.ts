// Every write that changes an initiative's funding picture records, in its own transaction, that
// the initiative needs a rescan (the outbox jobs/outbox.ts hands to the queue).
import type { Knex } from 'knex';
import type { ApiRecord } from '../resources/resource.js';
import type { ChangeListener } from './crud.js';

async function initiativesOfCommitments(trx: Knex.Transaction, commitmentIds: number[]): Promise<number[]> {
  if (!commitmentIds.length) return [];
  const rows = await trx('commitments').whereIn('id', commitmentIds).distinct<{ initiative_id: number }[]>('initiative_id');
  return rows.map((r) => r.initiative_id);
}

/** The initiatives whose gaps may change with this write. */
async function affected(trx: Knex.Transaction, resource: string, before: ApiRecord | null, after: ApiRecord | null): Promise<number[]> {
  const records = [before, after].filter((r): r is ApiRecord => r !== null);
  switch (resource) {
    case 'initiatives':
      // A deleted initiative takes its gaps with it.
      return after ? [after.id] : [];
    case 'budgets':
    case 'commitments':
      return records.map((r) => r.initiativeId as number);
    case 'tranches':
      return initiativesOfCommitments(trx, records.map((r) => r.commitmentId as number));
    case 'funders': {
      if (!before || !after || before.maxFundingYears === after.maxFundingYears) return [];
      const rows = await trx('commitments').where({ funder_id: after.id }).distinct<{ initiative_id: number }[]>('initiative_id');
      return rows.map((r) => r.initiative_id);
    }
    default:
      return [];
  }
}

export const recordRescans: ChangeListener = async (trx, resource, before, after) => {
  const ids = [...new Set(await affected(trx, resource, before, after))];
  if (ids.length) await trx('rescan_outbox').insert(ids.map((initiative_id) => ({ initiative_id })));
};
