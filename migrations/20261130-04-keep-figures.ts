import type { Knex } from 'knex';

// Figures the scans keep per initiative (README "Kept figures"), so portfolio views read them
// instead of recomputing every initiative per request: the day they were computed for, and the
// initiative's risk figures around year five (null when it is not at risk). A row is current for
// its `as_of` until a change of the initiative waits in rescan_outbox; its rescan writes it anew.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('kept_figures', (t) => {
    t.integer('initiative_id').primary().references('initiatives.id').onDelete('CASCADE');
    t.date('as_of').notNullable();
    t.jsonb('risk');
    t.timestamp('computed_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('kept_figures');
}
