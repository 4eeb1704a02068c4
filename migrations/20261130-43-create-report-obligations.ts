import type { Knex } from 'knex';

// Which obligations a report answers: kept after a rejected obligation is answered again by a
// later report, so a funder keeps seeing every report ever sent for its obligations.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('report_obligations', (t) => {
    t.bigInteger('report_id').notNullable().references('reports.id').onDelete('CASCADE');
    t.bigInteger('obligation_id').notNullable().references('obligations.id').onDelete('CASCADE');
    t.primary(['report_id', 'obligation_id']);
    t.index(['obligation_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('report_obligations');
}
