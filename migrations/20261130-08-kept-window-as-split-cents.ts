import type { Knex } from 'knex';

// The kept need, committed and pipeline funding of the coming months (kept_figures) are computed
// by the scans from the funding they load (domain/keptMoney.ts) instead of in SQL: held as whole
// cents and the fraction of a cent left over (float8), as kept_years holds money, rather than as
// numeric. `fingerprint` is a digest of everything kept of the initiative (kept_years included), so
// a scan that finds the same writes nothing. Figures kept before are forgotten (window_from null:
// not current until the next scan).
const MEASURES = ['need', 'committed', 'pipeline'];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('kept_figures', (t) => {
    for (const m of MEASURES) {
      t.dropColumn(`${m}_cents`);
      t.specificType(`${m}_whole`, 'float8[]');
      t.specificType(`${m}_part`, 'float8[]');
    }
    t.text('fingerprint');
  });
  await knex('kept_figures').update({ window_from: null });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('kept_figures', (t) => {
    t.dropColumn('fingerprint');
    for (const m of MEASURES) {
      t.dropColumn(`${m}_whole`);
      t.dropColumn(`${m}_part`);
      t.specificType(`${m}_cents`, 'numeric[]');
    }
  });
  await knex('kept_figures').update({ window_from: null });
}
