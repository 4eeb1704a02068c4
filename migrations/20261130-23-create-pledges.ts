import type { Knex } from 'knex';
import { checkIn, timestamps } from './helpers.js';

// Pledges of funders in a co-financing round; a confirmed one names the commitment it created.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('pledges', (t) => {
    t.increments('id');
    t.integer('round_id').notNullable().references('cofinancing_rounds.id').onDelete('CASCADE');
    t.integer('funder_id').notNullable().references('funders.id');
    t.bigInteger('amount_cents').notNullable();
    t.text('status').notNullable();
    t.text('condition').notNullable().defaultTo('none');
    t.integer('match_pledge_id').references('pledges.id').onDelete('SET NULL');
    t.integer('ratio_percent');
    t.text('note');
    t.integer('commitment_id').references('commitments.id').onDelete('SET NULL');
    t.integer('version').notNullable().defaultTo(1);
    timestamps(t, knex);
    t.check(checkIn('status', ['proposed', 'pledged', 'confirmed', 'withdrawn']), [], 'pledges_status_check');
    t.check(checkIn('condition', ['none', 'match']), [], 'pledges_condition_check');
    t.check('amount_cents >= 0', [], 'pledges_amount_check');
    t.check('ratio_percent IS NULL OR ratio_percent > 0', [], 'pledges_ratio_check');
    t.index(['round_id']);
    t.index(['funder_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('pledges');
}
