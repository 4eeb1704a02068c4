import type { Knex } from 'knex';

// The e-mail digests: one row per user and period (`daily:2026-12-01`, `weekly:2026-W49`), made
// once however many workers build that period or retry it, with the range of event ids it covers
// (after `from_event_id`, up to and including `to_event_id`): the next digest starts where this one
// ended, so no event is lost or told twice between periods. `digest_runs` keeps, per period, the
// last event id its build saw, so a retried or second build of a period covers the same events.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('digest_runs', (t) => {
    t.text('period_key').primary();
    t.bigInteger('to_event_id').notNullable();
    t.timestamp('run_at', { useTz: true }).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.schema.createTable('digests', (t) => {
    t.bigIncrements('id');
    t.integer('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.text('period_key').notNullable().references('digest_runs.period_key');
    t.bigInteger('from_event_id').notNullable();
    t.bigInteger('to_event_id').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['user_id', 'period_key'], { indexName: 'digests_user_period_unique' });
    t.index(['period_key']);
    t.check('to_event_id > from_event_id', [], 'digests_range_check');
  });
  // The previous digest of a user: the one that ends last.
  await knex.raw('CREATE INDEX digests_user_last ON digests (user_id, to_event_id DESC)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('digests');
  await knex.schema.dropTable('digest_runs');
}
