import type { Knex } from 'knex';
import { timestamps } from './helpers.js';

// One measured value of an indicator in a year.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('indicator_values', (t) => {
    t.bigIncrements('id');
    t.integer('indicator_id').notNullable().references('indicators.id').onDelete('CASCADE');
    t.integer('year').notNullable();
    t.double('value').notNullable();
    t.text('note');
    t.integer('version').notNullable().defaultTo(1);
    timestamps(t, knex);
    t.unique(['indicator_id', 'year']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('indicator_values');
}
