// Every write that changes an initiative's funding picture records, in its own transaction, that
// the initiative needs a rescan (the outbox server/queues/outbox.ts hands to the queue). Which initiatives
// a write makes stale is the resource's own knowledge (`staleInitiatives` on its definition).
import { RESOURCES } from '../resources/index.js';
import type { ChangeListener } from './crud.js';

export const recordRescans: ChangeListener = async (trx, resource, before, after) => {
  const stale = (await RESOURCES[resource]?.staleInitiatives?.(trx, before, after)) ?? [];
  const ids = [...new Set(stale)];
  if (ids.length) await trx('rescan_outbox').insert(ids.map((initiative_id) => ({ initiative_id })));
};
