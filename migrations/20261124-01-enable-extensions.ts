import type { Knex } from 'knex';

// btree_gist lets one exclusion constraint mix `=` on ids with `&&` on date ranges (open gaps);
// pg_trgm makes the `q` name search an index scan instead of a sequential one.
export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE EXTENSION IF NOT EXISTS btree_gist');
  await knex.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');
}

export async function down(): Promise<void> {
  // Extensions may be shared with other schemas; leave them.
}
