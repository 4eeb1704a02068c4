import type { Knex } from 'knex';
import { timestamps } from './helpers.js';

// Saved what-if scenarios: a named set of changes to one initiative's funding (design/cofinancing.md).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('scenarios', (t) => {
    t.increments('id');
    t.integer('initiative_id').notNullable().references('initiatives.id').onDelete('CASCADE');
    t.text('name').notNullable();
    t.text('note');
    t.jsonb('changes').notNullable();
    t.integer('version').notNullable().defaultTo(1);
    timestamps(t, knex);
    t.index(['initiative_id', 'name']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('scenarios');
}
