import type { Knex } from 'knex';

// A portfolio scan for the day the kept figures were evaluated for leaves out the initiatives
// nothing changed for since (README "Kept figures"): only when their figures were evaluated with
// the thresholds (domain/settings.ts) the scan has — `settings_key` — and unless the scan is `full`
// (`POST /api/scans` with `full: true`, after changes made straight in the database).
export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE kept_figures ADD COLUMN settings_key text');
  await knex.raw('ALTER TABLE scans ADD COLUMN "full" boolean NOT NULL DEFAULT false');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE scans DROP COLUMN "full"');
  await knex.raw('ALTER TABLE kept_figures DROP COLUMN settings_key');
}
