import type { Knex } from 'knex';

// Figures the scans keep per initiative (README "Kept figures"), so portfolio views read them
// instead of recomputing every initiative per request: the day they were computed for, and the
// initiative's risk figures around year five (null when it is not at risk), its need and funding
// per month of the coming year, and which calendar years its money per year (kept_years) covers. A row is current for its `as_of` until a change
// of the initiative waits in rescan_outbox; its rescan writes it anew.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('kept_figures', (t) => {
    t.integer('initiative_id').primary().references('initiatives.id').onDelete('CASCADE');
    t.date('as_of').notNullable();
    t.jsonb('risk');
    t.integer('first_year').notNullable();
    t.integer('last_year').notNullable();
    // need, committed and pipeline funding over the first 1, 2, ..., 12 months from window_from on,
    // exact decimals as the live sum (numeric), so both round to the same cent
    t.date('window_from');
    t.specificType('need_cents', 'numeric[]');
    t.specificType('committed_cents', 'numeric[]');
    t.specificType('pipeline_cents', 'numeric[]');
    t.timestamp('computed_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  // Per initiative and year: the rows the portfolio statistics aggregate (server/data/portfolioStats.ts),
  // exact money as whole cents and the fraction of a cent, and per funder type group in a fixed order.
  await knex.schema.createTable('kept_years', (t) => {
    t.integer('initiative_id').notNullable().references('initiatives.id').onDelete('CASCADE');
    t.integer('year').notNullable();
    t.double('whole_cents').notNullable();
    t.double('part_cents').notNullable();
    t.double('cents').notNullable();
    t.double('short_cents').notNullable();
    t.double('hhi');
    t.specificType('type_whole_cents', 'float8[]').notNullable();
    t.specificType('type_part_cents', 'float8[]').notNullable();
    t.specificType('type_cents', 'float8[]').notNullable();
    t.specificType('type_short_cents', 'float8[]').notNullable();
    t.primary(['initiative_id', 'year']);
  });
  // Moves on with every committed write and scan batch (server/data/figuresVersion.ts).
  await knex.raw('CREATE SEQUENCE figures_version');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP SEQUENCE figures_version');
  await knex.schema.dropTable('kept_years');
  await knex.schema.dropTable('kept_figures');
}
