import type { Knex } from 'knex';
import { checkIn, timestamps } from './helpers.js';

// The values as of this migration, written out so it means the same thing forever.
const FUNDER_TYPES = ['municipality', 'province', 'national', 'foundation', 'company', 'health_insurer', 'other'];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('funders', (t) => {
    t.increments('id');
    t.text('name').notNullable();
    t.text('type').notNullable();
    t.text('municipality_code');
    t.integer('max_funding_years');
    t.text('website');
    t.integer('version').notNullable().defaultTo(1);
    timestamps(t, knex);
    t.check(checkIn('type', FUNDER_TYPES), [], 'funders_type_check');
    t.check("municipality_code ~ '^GM[0-9]{4}$'", [], 'funders_municipality_code_check');
    t.check('max_funding_years BETWEEN 1 AND 100', [], 'funders_max_funding_years_check');
    t.check("length(btrim(name)) > 0", [], 'funders_name_check');
    t.index(['name']);
    t.index(['type']);
    t.index(['municipality_code']);
  });
  await knex.raw('CREATE INDEX funders_name_trgm ON funders USING gin (name gin_trgm_ops)');
  // Text filters match case-insensitively: lower(column) = lower(value).
  await knex.raw('CREATE INDEX funders_name_lower ON funders (lower(name))');
  await knex.raw('CREATE INDEX funders_municipality_code_lower ON funders (lower(municipality_code))');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('funders');
}
