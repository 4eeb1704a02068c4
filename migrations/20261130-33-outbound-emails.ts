import type { Knex } from 'knex';
import { checkIn } from './helpers.js';

// The values as of this migration, written out so it means the same thing forever.
const STATUSES = ['pending', 'sent', 'not_sent', 'failed'];

// Every e-mail Vangnet sends, or would have sent: written before it goes to the SMTP server and
// updated after, so a crash in between leaves the evidence. Without SMTP_URL the message is kept
// here with status `not_sent`, for the admins to read. One per digest.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('outbound_emails', (t) => {
    t.bigIncrements('id');
    t.integer('user_id').references('users.id').onDelete('SET NULL');
    t.bigInteger('digest_id').references('digests.id').onDelete('SET NULL');
    t.text('period');
    t.text('to').notNullable();
    t.text('subject').notNullable();
    t.text('html').notNullable();
    t.text('text').notNullable();
    t.jsonb('headers').notNullable().defaultTo('{}');
    t.text('status').notNullable();
    t.integer('attempts').notNullable().defaultTo(0);
    t.text('last_error');
    t.timestamp('sent_at', { useTz: true });
    t.text('message_id');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['digest_id'], { indexName: 'outbound_emails_digest_unique' });
    t.index(['user_id', 'created_at']);
    t.index(['status', 'created_at']);
    t.index(['period']);
    t.check(checkIn('status', STATUSES), [], 'outbound_emails_status_check');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('outbound_emails');
}
