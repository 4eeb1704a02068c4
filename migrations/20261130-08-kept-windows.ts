import type { Knex } from 'knex';

// The kept need, committed and pipeline funding of the coming months move out of kept_figures into
// a table of their own, kept_windows: the scans compute them from the funding they load
// (domain/keptMoney.ts) instead of in SQL, as whole cents and the fraction of a cent left over
// (float8) rather than numeric, and kept_figures stays narrow for the risk list, which reads it
// whole. `fingerprint` is a digest of everything kept of an initiative (kept_years and
// kept_windows included), so a scan that finds the same writes nothing. The windows kept before
// are forgotten: the next scan or rescan keeps them anew (until then the funding answer is live).
const MEASURES = ['need', 'committed', 'pipeline'];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('kept_figures', (t) => {
    t.dropColumn('window_from');
    for (const m of MEASURES) t.dropColumn(`${m}_cents`);
    t.text('fingerprint');
  });
  await knex.schema.createTable('kept_windows', (t) => {
    t.integer('initiative_id').primary().references('initiatives.id').onDelete('CASCADE');
    // over the first 1, 2, ..., 12 months from window_from on, as running totals
    t.date('window_from').notNullable();
    for (const m of MEASURES) {
      t.specificType(`${m}_whole`, 'float8[]').notNullable();
      t.specificType(`${m}_part`, 'float8[]').notNullable();
    }
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('kept_windows');
  await knex.schema.alterTable('kept_figures', (t) => {
    t.dropColumn('fingerprint');
    t.date('window_from');
    for (const m of MEASURES) t.specificType(`${m}_cents`, 'numeric[]');
  });
}
