import type { Knex } from 'knex';
import { checkIn, timestamps } from './helpers.js';

// The values as of this migration, written out so it means the same thing forever.
const OBLIGATION_KINDS = ['activity_report', 'financial_report', 'audit_statement', 'outcome_report', 'other'];
const OBLIGATION_STATUSES = ['open', 'submitted', 'accepted', 'rejected', 'waived'];

// What a funder asks to be reported on a commitment, and by when; `report_id` is the latest
// report that answered it.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('obligations', (t) => {
    t.bigIncrements('id');
    t.integer('commitment_id').notNullable().references('commitments.id').onDelete('CASCADE');
    t.text('kind').notNullable();
    t.text('title').notNullable();
    t.date('period_start').notNullable();
    t.date('period_end').notNullable();
    t.date('due_on').notNullable();
    t.text('status').notNullable().defaultTo('open');
    t.date('submitted_on');
    t.date('decided_on');
    t.bigInteger('report_id').references('reports.id').onDelete('SET NULL');
    t.text('note');
    t.integer('version').notNullable().defaultTo(1);
    timestamps(t, knex);
    t.check(checkIn('kind', OBLIGATION_KINDS), [], 'obligations_kind_check');
    t.check(checkIn('status', OBLIGATION_STATUSES), [], 'obligations_status_check');
    t.check('period_end >= period_start', [], 'obligations_period_check');
    t.index(['commitment_id', 'due_on']);
    t.index(['due_on']);
    t.index(['status']);
    t.index(['report_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('obligations');
}
