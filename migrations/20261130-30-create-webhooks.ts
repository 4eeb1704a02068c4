import type { Knex } from 'knex';
import { timestamps } from './helpers.js';

// Webhooks: a funder's (or the coalition's) own system told of events by signed POSTs. The secret
// is stored as it is, not hashed: the server signs every delivery with it. `events` empty means
// every event; its values are checked by the API (they grow with the event types), not here.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('webhooks', (t) => {
    t.increments('id');
    // Null: a coalition admin's webhook, told of every event.
    t.integer('funder_id').references('funders.id').onDelete('RESTRICT');
    t.text('url').notNullable();
    t.specificType('events', 'text[]').notNullable().defaultTo('{}');
    t.boolean('active').notNullable().defaultTo(true);
    t.text('description');
    t.text('secret').notNullable();
    t.integer('consecutive_failures').notNullable().defaultTo(0);
    t.timestamp('disabled_at', { useTz: true });
    t.integer('version').notNullable().defaultTo(1);
    timestamps(t, knex);
    t.check("url ~ '^(http|https)://'", [], 'webhooks_url_check');
    t.check('consecutive_failures >= 0', [], 'webhooks_consecutive_failures_check');
    t.index(['funder_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('webhooks');
}
