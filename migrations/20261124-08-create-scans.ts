import type { Knex } from 'knex';
import { checkIn } from './helpers.js';

// The values as of this migration, written out so it means the same thing forever.
const SCAN_STATUSES = ['queued', 'running', 'completed', 'failed'];
const SCAN_TRIGGERS = ['schedule', 'manual', 'change'];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('scans', (t) => {
    t.increments('id');
    t.text('trigger').notNullable();
    t.text('status').notNullable().defaultTo('queued');
    t.date('as_of').notNullable();
    t.timestamp('started_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('finished_at', { useTz: true });
    t.integer('batches_total').notNullable().defaultTo(0);
    t.integer('batches_done').notNullable().defaultTo(0);
    t.integer('initiatives_total').notNullable().defaultTo(0);
    t.integer('initiatives_scanned').notNullable().defaultTo(0);
    t.integer('gaps_opened').notNullable().defaultTo(0);
    t.integer('gaps_resolved').notNullable().defaultTo(0);
    t.text('error');
    // The batches as planned, [[firstId, lastId], ...]: a start job that runs again re-queues
    // these instead of planning anew.
    t.jsonb('plan');
    // Set for scans a scheduler started: the scheduled job's id, so a retried job finds its scan.
    t.text('job_key').unique();
    t.check(checkIn('trigger', SCAN_TRIGGERS), [], 'scans_trigger_check');
    t.check(checkIn('status', SCAN_STATUSES), [], 'scans_status_check');
    t.index(['status']);
    t.index(['trigger']);
    t.index(['as_of']);
    t.index(['started_at']);
  });
  // One row per finished batch: a batch that runs again (retried, duplicated, taken over from a
  // killed worker) finds its row and does nothing, so no scan counts anything twice.
  await knex.schema.createTable('scan_batches', (t) => {
    t.integer('scan_id').notNullable().references('scans.id').onDelete('CASCADE');
    t.integer('batch_no').notNullable();
    t.timestamp('finished_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('initiatives').notNullable();
    t.integer('gaps_opened').notNullable();
    t.integer('gaps_resolved').notNullable();
    t.primary(['scan_id', 'batch_no']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('scan_batches');
  await knex.schema.dropTable('scans');
}
