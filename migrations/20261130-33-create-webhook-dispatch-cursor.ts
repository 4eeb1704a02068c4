import type { Knex } from 'knex';

// How far the webhook relay has read the events: one row, the transaction horizon up to which
// every event was turned into deliveries. It starts at the horizon of now, so the history of an
// installation is not replayed to its first webhooks.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('webhook_dispatch_cursor', (t) => {
    t.boolean('id').primary().defaultTo(true);
    t.specificType('next_xid', 'xid8').notNullable();
    t.check('id', [], 'webhook_dispatch_cursor_one_row');
  });
  await knex.raw('INSERT INTO webhook_dispatch_cursor (next_xid) SELECT pg_snapshot_xmin(pg_current_snapshot())');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('webhook_dispatch_cursor');
}
