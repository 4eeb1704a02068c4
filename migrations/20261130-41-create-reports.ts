import type { Knex } from 'knex';
import { timestamps } from './helpers.js';

// One report an initiative submits; it may answer the obligations of several funders at once.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('reports', (t) => {
    t.bigIncrements('id');
    t.integer('initiative_id').notNullable().references('initiatives.id').onDelete('CASCADE');
    t.text('title').notNullable();
    t.date('period_start').notNullable();
    t.date('period_end').notNullable();
    t.date('submitted_on').notNullable();
    t.text('summary');
    t.integer('version').notNullable().defaultTo(1);
    timestamps(t, knex);
    t.check('period_end >= period_start', [], 'reports_period_check');
    t.index(['initiative_id', 'submitted_on']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('reports');
}
