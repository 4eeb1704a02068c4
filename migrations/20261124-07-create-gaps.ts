import type { Knex } from 'knex';
import { checkIn } from './helpers.js';

// The values as of this migration, written out so it means the same thing forever.
const GAP_KINDS = ['shortfall', 'cliff', 'expiring', 'funder_limit', 'five_year_risk'];
const GAP_SEVERITIES = ['high', 'medium', 'low'];

// subject_id is what a gap is about besides its initiative: the commitment of an `expiring` gap,
// the funder of a `funder_limit` gap, 0 otherwise. Two open gaps of one initiative, kind and
// subject may never overlap in time, so a scan that runs twice cannot duplicate one. The check
// waits for the end of the transaction: a scan that merges two runs into one updates rows one at
// a time, and may overlap for a moment in between.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('gaps', (t) => {
    t.bigIncrements('id');
    t.integer('initiative_id').notNullable().references('initiatives.id').onDelete('CASCADE');
    t.text('kind').notNullable();
    t.bigInteger('subject_id').notNullable().defaultTo(0);
    t.date('period_start').notNullable();
    t.date('period_end').notNullable();
    t.bigInteger('shortfall_cents').notNullable().defaultTo(0);
    t.text('severity').notNullable();
    t.jsonb('details').notNullable().defaultTo('{}');
    t.timestamp('detected_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('resolved_at', { useTz: true });
    t.check(checkIn('kind', GAP_KINDS), [], 'gaps_kind_check');
    t.check(checkIn('severity', GAP_SEVERITIES), [], 'gaps_severity_check');
    t.check('period_end >= period_start', [], 'gaps_period_check');
    t.check('shortfall_cents >= 0', [], 'gaps_shortfall_cents_check');
    t.index(['initiative_id']);
    t.index(['kind']);
    t.index(['severity']);
    t.index(['period_start']);
    t.index(['period_end']);
    t.index(['shortfall_cents']);
    t.index(['detected_at']);
    t.index(['resolved_at']);
  });
  // What every scan batch asks ("the open gaps of these initiatives"), whatever the statistics say:
  // without them the planner reads every open gap through the resolved_at index.
  await knex.raw('CREATE INDEX gaps_open_initiative ON gaps (initiative_id) WHERE resolved_at IS NULL');
  await knex.raw(`
    ALTER TABLE gaps ADD CONSTRAINT gaps_no_overlapping_open
    EXCLUDE USING gist (
      initiative_id WITH =, kind WITH =, subject_id WITH =,
      daterange(period_start, period_end, '[]') WITH &&
    ) WHERE (resolved_at IS NULL)
    DEFERRABLE INITIALLY DEFERRED`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('gaps');
}
