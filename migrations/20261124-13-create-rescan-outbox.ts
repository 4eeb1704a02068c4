import type { Knex } from 'knex';

// Initiatives whose funding picture changed, written in the same transaction as the change and
// handed to the queue afterwards: a rescan is never lost when Redis is briefly down.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('rescan_outbox', (t) => {
    t.bigIncrements('id');
    t.integer('initiative_id').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['created_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('rescan_outbox');
}
