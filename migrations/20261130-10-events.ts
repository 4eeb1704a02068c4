import type { Knex } from 'knex';
import { checkIn } from './helpers.js';

// What happened, recorded once, and who is told: the users of `initiative_id`, the users of each
// funder in `funder_ids`, and every admin when `admins`. A user's notifications are the events they
// are told of (no row per recipient, so a scan that opens many gaps writes one row per gap); what
// a user has read is `notification_reads`, plus everything up to `users.notifications_read_through`
// ("mark all read"). (type, subject, cause) is unique: a retried job or a scan run twice records
// nothing new.
const TYPES = [
  'gap.opened',
  'gap.escalated',
  'gap.resolved',
  'obligation.due_soon',
  'obligation.overdue',
  'round.pledge',
  'scan.failed',
  'webhook.disabled',
];
const SUBJECTS = ['gap', 'obligation', 'pledge', 'scan', 'webhook'];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('events', (t) => {
    t.bigIncrements('id');
    t.text('type').notNullable();
    t.text('subject_type').notNullable();
    t.bigInteger('subject_id').notNullable();
    t.text('cause').notNullable().defaultTo('');
    t.integer('initiative_id').references('initiatives.id').onDelete('CASCADE');
    t.specificType('funder_ids', 'int[]').notNullable().defaultTo('{}');
    t.boolean('admins').notNullable().defaultTo(false);
    t.jsonb('data').notNullable().defaultTo('{}');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['type', 'subject_type', 'subject_id', 'cause']);
    t.check(checkIn('type', TYPES), [], 'events_type_check');
    t.check(checkIn('subject_type', SUBJECTS), [], 'events_subject_type_check');
  });
  // An initiative user's notifications, newest first; a funder user's. An admin's are read along
  // the primary key: nearly every event is told to the admins.
  await knex.raw('CREATE INDEX events_initiative_idx ON events (initiative_id, id)');
  await knex.raw('CREATE INDEX events_funders_idx ON events USING gin (funder_ids)');
  await knex.schema.createTable('notification_reads', (t) => {
    t.integer('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.bigInteger('event_id').notNullable().references('events.id').onDelete('CASCADE');
    t.timestamp('read_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['user_id', 'event_id']);
  });
  await knex.raw('CREATE INDEX notification_reads_event_idx ON notification_reads (event_id)');
  await knex.schema.alterTable('users', (t) => {
    t.bigInteger('notifications_read_through').notNullable().defaultTo(0);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => t.dropColumn('notifications_read_through'));
  await knex.schema.dropTable('notification_reads');
  await knex.schema.dropTable('events');
}
