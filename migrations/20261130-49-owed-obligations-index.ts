import type { Knex } from 'knex';

// The obligations still owed (open or rejected) of a commitment by due date: what a scan batch
// looks up for its `obligation.*` notifications (server/data/obligationEvents.ts), without reading
// the many answered ones.
export async function up(knex: Knex): Promise<void> {
  await knex.raw("CREATE INDEX obligations_owed_idx ON obligations (commitment_id, due_on) WHERE status IN ('open', 'rejected')");
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX obligations_owed_idx');
}
