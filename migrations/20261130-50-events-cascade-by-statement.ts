import type { Knex } from 'knex';

// A scan records hundreds of thousands of events in its batches (issue 16: at most 20% of the
// scan). The foreign key from events to initiatives checked every inserted row against the
// initiative (a per-row trigger, some 7 µs an event); every event is recorded in the transaction
// of the change that caused it, with its initiative there (a scan batch holds its initiatives
// locked). What the key did besides, remove an initiative's events with it, a statement-level
// trigger now does, once per DELETE.
export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE events DROP CONSTRAINT events_initiative_id_foreign');
  await knex.raw(`
    CREATE FUNCTION delete_initiative_events() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      DELETE FROM events WHERE initiative_id IN (SELECT id FROM gone);
      RETURN NULL;
    END $$`);
  await knex.raw(`
    CREATE TRIGGER initiatives_delete_events AFTER DELETE ON initiatives
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION delete_initiative_events()`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TRIGGER initiatives_delete_events ON initiatives');
  await knex.raw('DROP FUNCTION delete_initiative_events()');
  await knex.raw('DELETE FROM events WHERE initiative_id IS NOT NULL AND initiative_id NOT IN (SELECT id FROM initiatives)');
  await knex.raw('ALTER TABLE events ADD CONSTRAINT events_initiative_id_foreign FOREIGN KEY (initiative_id) REFERENCES initiatives(id) ON DELETE CASCADE');
}
