import type { Knex } from 'knex';
import { checkIn, textArray, timestamps } from './helpers.js';

// The values as of this migration, written out so it means the same thing forever.
const DOMAINS = ['care', 'welfare', 'participation', 'climate', 'food', 'housing', 'education'];
const INITIATIVE_STATUSES = ['active', 'stopped'];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('initiatives', (t) => {
    t.increments('id');
    t.text('name').notNullable();
    t.date('founded_on').notNullable();
    t.text('municipality').notNullable();
    t.text('municipality_code');
    t.specificType('domains', 'text[]').notNullable().defaultTo('{}');
    t.text('kvk_number');
    t.bigInteger('reserves_cents').notNullable().defaultTo(0);
    t.boolean('shared_with_funders').notNullable().defaultTo(false);
    t.text('status').notNullable().defaultTo('active');
    t.text('description');
    t.integer('version').notNullable().defaultTo(1);
    timestamps(t, knex);
    t.check(checkIn('status', INITIATIVE_STATUSES), [], 'initiatives_status_check');
    t.check(`domains <@ ${textArray(DOMAINS)}`, [], 'initiatives_domains_check');
    t.check("kvk_number ~ '^[0-9]{8}$'", [], 'initiatives_kvk_number_check');
    t.check("municipality_code ~ '^GM[0-9]{4}$'", [], 'initiatives_municipality_code_check');
    t.check('reserves_cents >= 0', [], 'initiatives_reserves_cents_check');
    t.check("length(btrim(name)) > 0", [], 'initiatives_name_check');
    t.index(['name']);
    t.index(['founded_on']);
    t.index(['municipality']);
    t.index(['municipality_code']);
    t.index(['status']);
    t.index(['shared_with_funders']);
    t.index(['reserves_cents']);
  });
  await knex.raw('CREATE INDEX initiatives_domains_gin ON initiatives USING gin (domains)');
  await knex.raw('CREATE INDEX initiatives_name_trgm ON initiatives USING gin (name gin_trgm_ops)');
  // Text filters match case-insensitively: lower(column) = lower(value).
  for (const column of ['name', 'municipality', 'municipality_code', 'kvk_number']) {
    await knex.raw(`CREATE INDEX initiatives_${column}_lower ON initiatives (lower(${column}))`);
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('initiatives');
}
