import type { Knex } from 'knex';

// What a scan writes, it writes for hundreds of thousands of rows at once (issue 14: a first full
// scan within 10 s): the gaps and the kept figures. Their foreign keys checked every written row
// against its initiative (and a kept burden row against its funder): a per-row trigger, some 8 µs a
// row, most of the cost of writing the kept figures. Every one of those rows is written in a scan
// batch's transaction, which holds its initiatives locked, so the initiative is there. What the
// keys did besides, remove the rows with their initiative (or funder), statement-level triggers now
// do, once per DELETE, as for the events (migration 50).
const INITIATIVE_KEYS = [
  ['gaps', 'gaps_initiative_id_foreign'],
  ['kept_figures', 'kept_figures_initiative_id_foreign'],
  ['kept_years', 'kept_years_initiative_id_foreign'],
  ['kept_windows', 'kept_windows_initiative_id_foreign'],
  ['kept_obligations', 'kept_obligations_initiative_id_foreign'],
] as const;

export async function up(knex: Knex): Promise<void> {
  for (const [table, key] of INITIATIVE_KEYS) await knex.raw(`ALTER TABLE ${table} DROP CONSTRAINT ${key}`);
  await knex.raw('ALTER TABLE kept_obligations DROP CONSTRAINT kept_obligations_funder_id_foreign');
  await knex.raw(`
    CREATE FUNCTION delete_initiative_derived() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      ${INITIATIVE_KEYS.map(([table]) => `DELETE FROM ${table} WHERE initiative_id IN (SELECT id FROM gone);`).join('\n      ')}
      RETURN NULL;
    END $$`);
  await knex.raw(`
    CREATE TRIGGER initiatives_delete_derived AFTER DELETE ON initiatives
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION delete_initiative_derived()`);
  await knex.raw(`
    CREATE FUNCTION delete_funder_derived() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      DELETE FROM kept_obligations WHERE funder_id IN (SELECT id FROM gone);
      RETURN NULL;
    END $$`);
  await knex.raw(`
    CREATE TRIGGER funders_delete_derived AFTER DELETE ON funders
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION delete_funder_derived()`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TRIGGER funders_delete_derived ON funders');
  await knex.raw('DROP FUNCTION delete_funder_derived()');
  await knex.raw('DROP TRIGGER initiatives_delete_derived ON initiatives');
  await knex.raw('DROP FUNCTION delete_initiative_derived()');
  for (const [table, key] of INITIATIVE_KEYS) {
    await knex.raw(`DELETE FROM ${table} WHERE initiative_id NOT IN (SELECT id FROM initiatives)`);
    await knex.raw(`ALTER TABLE ${table} ADD CONSTRAINT ${key} FOREIGN KEY (initiative_id) REFERENCES initiatives(id) ON DELETE CASCADE`);
  }
  await knex.raw('DELETE FROM kept_obligations WHERE funder_id NOT IN (SELECT id FROM funders)');
  await knex.raw('ALTER TABLE kept_obligations ADD CONSTRAINT kept_obligations_funder_id_foreign FOREIGN KEY (funder_id) REFERENCES funders(id) ON DELETE CASCADE');
}
