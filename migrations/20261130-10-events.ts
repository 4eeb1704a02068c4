import type { Knex } from 'knex';

// TEMPORARY stand-in for the lead's events migration (reverted before merging main).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('events', (t) => {
    t.bigIncrements('id');
    t.text('type').notNullable();
    t.text('subject_type').notNullable();
    t.bigInteger('subject_id').notNullable();
    t.text('cause').notNullable().defaultTo('');
    t.integer('initiative_id');
    t.specificType('funder_ids', 'integer[]').notNullable().defaultTo('{}');
    t.boolean('admins').notNullable().defaultTo(false);
    t.jsonb('data').notNullable().defaultTo('{}');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['type', 'subject_type', 'subject_id', 'cause']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('events');
}
