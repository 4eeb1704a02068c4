import type { Knex } from 'knex';
import { timestamps } from './helpers.js';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('budgets', (t) => {
    t.increments('id');
    t.integer('initiative_id').notNullable().references('initiatives.id').onDelete('CASCADE');
    t.integer('year').notNullable();
    t.bigInteger('amount_cents').notNullable();
    t.text('note');
    t.integer('version').notNullable().defaultTo(1);
    timestamps(t, knex);
    t.unique(['initiative_id', 'year'], { indexName: 'budgets_initiative_year_unique' });
    t.check('year BETWEEN 1900 AND 2200', [], 'budgets_year_check');
    t.check('amount_cents >= 0', [], 'budgets_amount_cents_check');
    t.index(['year']);
    t.index(['amount_cents']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('budgets');
}
