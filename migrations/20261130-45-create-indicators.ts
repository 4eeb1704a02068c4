import type { Knex } from 'knex';
import { checkIn, timestamps } from './helpers.js';

// The values as of this migration, written out so it means the same thing forever.
const INDICATOR_DIRECTIONS = ['higher_is_better', 'lower_is_better'];

// What an initiative measures of its impact; `targets` holds a target per year ({"2027": 120}).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('indicators', (t) => {
    t.increments('id');
    t.integer('initiative_id').notNullable().references('initiatives.id').onDelete('CASCADE');
    t.text('name').notNullable();
    t.text('unit').notNullable();
    t.text('direction').notNullable().defaultTo('higher_is_better');
    t.text('description');
    t.jsonb('targets').notNullable().defaultTo('{}');
    t.integer('version').notNullable().defaultTo(1);
    timestamps(t, knex);
    t.check(checkIn('direction', INDICATOR_DIRECTIONS), [], 'indicators_direction_check');
    t.index(['initiative_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('indicators');
}
