import type { Knex } from 'knex';

// The outbox stays the record of a pending rescan until the rescan has run: the relay only marks
// when it last handed a row to the queue (and hands it over again when no rescan took it away in
// time, e.g. because Redis lost the job); the rescan deletes its initiative's rows when it commits.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('rescan_outbox', (t) => {
    t.timestamp('queued_at', { useTz: true });
    t.index(['initiative_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('rescan_outbox', (t) => {
    t.dropIndex(['initiative_id']);
    t.dropColumn('queued_at');
  });
}
