import type { Knex } from 'knex';
import { checkIn, timestamps } from './helpers.js';

// The values as of this migration, written out so it means the same thing forever.
const TRANCHE_STATUSES = ['planned', 'requested', 'received', 'cancelled'];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('tranches', (t) => {
    t.bigIncrements('id');
    t.integer('commitment_id').notNullable().references('commitments.id').onDelete('CASCADE');
    t.date('period_start').notNullable();
    t.date('period_end').notNullable();
    t.bigInteger('amount_cents').notNullable();
    t.date('due_on');
    t.text('status').notNullable().defaultTo('planned');
    t.date('received_on');
    t.integer('version').notNullable().defaultTo(1);
    timestamps(t, knex);
    t.check(checkIn('status', TRANCHE_STATUSES), [], 'tranches_status_check');
    t.check('period_end >= period_start', [], 'tranches_period_check');
    t.check('amount_cents >= 0', [], 'tranches_amount_cents_check');
    t.index(['commitment_id', 'period_start']);
    t.index(['period_start']);
    t.index(['period_end']);
    t.index(['status']);
    t.index(['due_on']);
    t.index(['received_on']);
    t.index(['amount_cents']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('tranches');
}
