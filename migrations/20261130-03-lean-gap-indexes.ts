import type { Knex } from 'knex';

// A full scan of a national portfolio inserts some 400,000 gaps, and each insert paid for ten
// indexes, one per column, most of which no query uses. What is asked of gaps is asked of the
// open ones: a scan batch reads an initiative's open gaps, the console lists open gaps by start
// (all of them, or one severity such as the dashboard's "open, high") and an initiative's page
// shows its own. Those get partial composite indexes; resolved gaps are history, found through
// their initiative (the one full index, which the cascade of a deleted initiative needs too).
const SINGLE_COLUMN = ['kind', 'severity', 'period_start', 'period_end', 'shortfall_cents', 'detected_at', 'resolved_at'];

export async function up(knex: Knex): Promise<void> {
  for (const column of SINGLE_COLUMN) await knex.raw(`DROP INDEX IF EXISTS gaps_${column}_index`);
  await knex.raw('DROP INDEX IF EXISTS gaps_open_initiative');
  await knex.raw('CREATE INDEX gaps_open_initiative_start ON gaps (initiative_id, period_start) WHERE resolved_at IS NULL');
  await knex.raw('CREATE INDEX gaps_open_start ON gaps (period_start, id) WHERE resolved_at IS NULL');
  await knex.raw('CREATE INDEX gaps_open_severity_start ON gaps (severity, period_start, id) WHERE resolved_at IS NULL');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX gaps_open_severity_start');
  await knex.raw('DROP INDEX gaps_open_start');
  await knex.raw('DROP INDEX gaps_open_initiative_start');
  await knex.raw('CREATE INDEX gaps_open_initiative ON gaps (initiative_id) WHERE resolved_at IS NULL');
  for (const column of SINGLE_COLUMN) await knex.raw(`CREATE INDEX gaps_${column}_index ON gaps (${column})`);
}
