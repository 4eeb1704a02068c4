// Every write that changes an initiative's funding picture records, in its own transaction, that
// the initiative needs a rescan (the outbox server/queues/outbox.ts hands to the queue). Which initiatives
// a write makes stale is the resource's own knowledge (`staleInitiatives` on its definition).
import type { Knex } from 'knex';
import { RESOURCES } from '../resources/index.js';
import type { ChangeListener } from './crud.js';

/** Records, in the write's transaction, that these initiatives wait for a rescan. */
export async function markStale(trx: Knex.Transaction, initiativeIds: readonly number[]): Promise<void> {
  const ids = [...new Set(initiativeIds)];
  if (ids.length) await trx('rescan_outbox').insert(ids.map((initiative_id) => ({ initiative_id })));
}

export const recordRescans: ChangeListener = async (trx, resource, before, after) => {
  await markStale(trx, (await RESOURCES[resource]?.staleInitiatives?.(trx, before, after)) ?? []);
};
