import type { Knex } from 'knex';

// Secrets the installation makes for itself once and keeps (the key that signs unsubscribe links
// when UNSUBSCRIBE_SECRET is not set), so that what they signed still holds after a restart.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('app_secrets', (t) => {
    t.text('name').primary();
    t.text('value').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('app_secrets');
}
