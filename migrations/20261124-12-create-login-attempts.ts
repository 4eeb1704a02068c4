import type { Knex } from 'knex';

// Login attempts, for rate limiting that holds across any number of API processes.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('login_attempts', (t) => {
    t.bigIncrements('id');
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.text('ip').notNullable();
    t.text('email').notNullable();
    t.boolean('success').notNullable();
    t.index(['ip', 'at']);
    t.index(['email', 'at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('login_attempts');
}
