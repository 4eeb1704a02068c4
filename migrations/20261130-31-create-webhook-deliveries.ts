import type { Knex } from 'knex';
import { checkIn } from './helpers.js';

// The deliveries log: one row per webhook and event (never two: the unique pair is what makes
// dispatching idempotent), keeping the exact payload so every retry sends the same body. A test
// delivery ("send test event") has no event.
const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('webhook_deliveries', (t) => {
    t.bigIncrements('id');
    t.integer('webhook_id').notNullable().references('webhooks.id').onDelete('CASCADE');
    t.bigInteger('event_id').references('events.id').onDelete('SET NULL');
    t.text('event_type').notNullable();
    t.jsonb('payload').notNullable();
    t.text('status').notNullable().defaultTo('pending');
    t.integer('attempts').notNullable().defaultTo(0);
    t.integer('last_status_code');
    t.text('last_error');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    // When the relay handed it to the queue (null: not yet), so a lost job is handed over again.
    t.timestamp('queued_at', { useTz: true });
    // A worker sending it now holds it until then, so no second worker sends it at the same time.
    t.timestamp('claimed_until', { useTz: true });
    t.timestamp('last_attempt_at', { useTz: true });
    t.timestamp('delivered_at', { useTz: true });
    t.check(checkIn('status', DELIVERY_STATUSES), [], 'webhook_deliveries_status_check');
    t.unique(['webhook_id', 'event_id']);
    t.index(['webhook_id', 'created_at']);
  });
  await knex.raw("CREATE INDEX webhook_deliveries_pending ON webhook_deliveries (queued_at) WHERE status = 'pending'");
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('webhook_deliveries');
}
