import type { Knex } from 'knex';

// The transaction that recorded each event. Event ids are handed out when a transaction inserts,
// not when it commits, so a relay reading "every id after the last one" would skip an event whose
// transaction commits late; every transaction older than the oldest one still running has ended,
// so the webhook relay reads events by recording transaction up to that horizon instead.
export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE events ADD COLUMN recorded_xid xid8 NOT NULL DEFAULT pg_current_xact_id()');
  await knex.raw('CREATE INDEX events_recorded_xid ON events (recorded_xid)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE events DROP COLUMN recorded_xid');
}
