import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('audit_events', (t) => {
    t.bigIncrements('id');
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('user_id').references('users.id').onDelete('SET NULL');
    t.text('action').notNullable();
    t.text('resource').notNullable();
    t.text('record_id').notNullable();
    t.jsonb('before');
    t.jsonb('after');
    t.check("action IN ('create', 'update', 'delete')", [], 'audit_events_action_check');
    t.index(['at']);
    t.index(['user_id']);
    t.index(['resource', 'record_id']);
    t.index(['record_id']);
    t.index(['action']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('audit_events');
}
