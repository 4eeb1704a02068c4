import type { Knex } from 'knex';
import { checkIn, timestamps } from './helpers.js';

// Co-financing rounds: where several funders close one initiative's gap together (design/cofinancing.md).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('cofinancing_rounds', (t) => {
    t.increments('id');
    t.integer('initiative_id').notNullable().references('initiatives.id').onDelete('CASCADE');
    t.bigInteger('gap_id').references('gaps.id').onDelete('SET NULL');
    t.text('title').notNullable();
    t.date('period_start').notNullable();
    t.date('period_end').notNullable();
    t.bigInteger('target_cents').notNullable();
    t.text('status').notNullable().defaultTo('open');
    t.text('note');
    t.integer('version').notNullable().defaultTo(1);
    timestamps(t, knex);
    t.check(checkIn('status', ['open', 'closed']), [], 'cofinancing_rounds_status_check');
    t.check('period_end >= period_start', [], 'cofinancing_rounds_period_check');
    t.check('target_cents >= 0', [], 'cofinancing_rounds_target_check');
    t.index(['initiative_id', 'status']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('cofinancing_rounds');
}
