import type { Knex } from 'knex';

// The reporting burden the scans keep per initiative (README "Kept figures"): per year obligations
// are due in and funder asking them, how many count (waived ones left out) and how many of those
// were overdue on the kept figures' `as_of`. The portfolio burden (`GET /api/stats/burden`) adds
// them up, with the funder's type read from funders. Figures kept before held no obligations, so
// they are dropped: the portfolio computes live until the next scan keeps everything again.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('kept_obligations', (t) => {
    t.integer('initiative_id').notNullable().references('initiatives.id').onDelete('CASCADE');
    t.integer('year').notNullable();
    t.integer('funder_id').notNullable().references('funders.id').onDelete('CASCADE');
    t.integer('obligation_count').notNullable();
    t.integer('overdue_count').notNullable();
    t.primary(['initiative_id', 'year', 'funder_id']);
    t.index(['year', 'initiative_id']);
  });
  await knex('kept_figures').delete();
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('kept_obligations');
}
