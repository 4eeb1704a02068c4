import type { Knex } from 'knex';
import type { Actor } from './actor.js';

export type AuditAction = 'create' | 'update' | 'delete';

/** Records a change in the same transaction as the change itself. */
export async function recordAudit(
  trx: Knex.Transaction,
  actor: Actor | null,
  action: AuditAction,
  resource: string,
  recordId: number | string,
  before: object | null,
  after: object | null,
): Promise<void> {
  await trx('audit_events').insert({
    user_id: actor?.userId ?? null,
    action,
    resource,
    record_id: String(recordId),
    before: before ? JSON.stringify(before) : null,
    after: after ? JSON.stringify(after) : null,
  });
}
