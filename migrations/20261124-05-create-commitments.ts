import type { Knex } from 'knex';
import { checkIn, timestamps } from './helpers.js';

// The values as of this migration, written out so it means the same thing forever.
const COMMITMENT_KINDS = ['subsidy', 'grant', 'sponsorship', 'donation', 'loan', 'contract', 'in_kind'];
const COMMITMENT_STATUSES = ['requested', 'conditional', 'committed', 'completed', 'declined', 'withdrawn'];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('commitments', (t) => {
    t.increments('id');
    t.integer('initiative_id').notNullable().references('initiatives.id').onDelete('RESTRICT');
    t.integer('funder_id').notNullable().references('funders.id').onDelete('RESTRICT');
    t.text('title').notNullable();
    t.text('reference');
    t.text('programme');
    t.text('kind').notNullable();
    t.text('status').notNullable();
    t.date('start_date').notNullable();
    t.date('end_date').notNullable();
    t.bigInteger('amount_cents').notNullable();
    t.date('decision_date');
    t.boolean('renewable').notNullable().defaultTo(false);
    t.text('condition_note');
    t.integer('version').notNullable().defaultTo(1);
    timestamps(t, knex);
    t.check(checkIn('kind', COMMITMENT_KINDS), [], 'commitments_kind_check');
    t.check(checkIn('status', COMMITMENT_STATUSES), [], 'commitments_status_check');
    t.check('end_date >= start_date', [], 'commitments_period_check');
    t.check('amount_cents >= 0', [], 'commitments_amount_cents_check');
    t.check("length(btrim(title)) > 0", [], 'commitments_title_check');
    t.index(['initiative_id']);
    t.index(['funder_id']);
    t.index(['title']);
    t.index(['kind']);
    t.index(['status']);
    // The console's most common filter: a funder's or the coalition's committed subsidies.
    t.index(['status', 'kind']);
    t.index(['start_date']);
    t.index(['end_date']);
    t.index(['amount_cents']);
    t.index(['decision_date']);
    t.index(['renewable']);
  });
  await knex.raw('CREATE INDEX commitments_title_trgm ON commitments USING gin (title gin_trgm_ops)');
  // Text filters match case-insensitively: lower(column) = lower(value).
  for (const column of ['title', 'reference', 'programme']) {
    await knex.raw(`CREATE INDEX commitments_${column}_lower ON commitments (lower(${column}))`);
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('commitments');
}
