import type { Knex } from 'knex';

// How many of a portfolio scan's initiatives it left out because nothing changed for them since
// they were evaluated for the scan's day (README "Gap scans"): the console says so when the scan
// is done, and offers a full scan.
export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE scans ADD COLUMN initiatives_unchanged integer NOT NULL DEFAULT 0');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE scans DROP COLUMN initiatives_unchanged');
}
