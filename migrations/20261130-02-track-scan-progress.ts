import type { Knex } from 'knex';

// When a portfolio scan last moved (planned, a batch done, lost jobs queued again) and how often its
// lost jobs were queued again: a scan without progress is looked after instead of staying `running`.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('scans', (t) => {
    t.timestamp('progressed_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('requeues').notNullable().defaultTo(0);
  });
  await knex.raw("CREATE INDEX scans_unfinished_progressed_at_index ON scans (progressed_at) WHERE status IN ('queued', 'running')");
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX scans_unfinished_progressed_at_index');
  await knex.schema.alterTable('scans', (t) => {
    t.dropColumn('requeues');
    t.dropColumn('progressed_at');
  });
}
