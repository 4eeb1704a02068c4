import type { Knex } from 'knex';

// The commitment lists the console asks for most, each answerable from one index in its order
// (a page of 25 from 800,000 commitments without sorting them): all of them by start (the
// default), one status or status and kind by start or end, and one initiative's or one funder's
// by start. The composite indexes on initiative and funder also serve what the single-column
// ones did (lookups and the foreign keys), so those go.
const INDEXES: [string, string[]][] = [
  ['commitments_status_start', ['status', 'start_date', 'id']],
  ['commitments_status_end', ['status', 'end_date', 'id']],
  ['commitments_status_kind_start', ['status', 'kind', 'start_date', 'id']],
  ['commitments_status_kind_end', ['status', 'kind', 'end_date', 'id']],
  ['commitments_initiative_start', ['initiative_id', 'start_date', 'id']],
  ['commitments_funder_start', ['funder_id', 'start_date', 'id']],
];

export async function up(knex: Knex): Promise<void> {
  for (const [name, columns] of INDEXES) await knex.raw(`CREATE INDEX ${name} ON commitments (${columns.join(', ')})`);
  await knex.raw('DROP INDEX commitments_initiative_id_index');
  await knex.raw('DROP INDEX commitments_funder_id_index');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('CREATE INDEX commitments_initiative_id_index ON commitments (initiative_id)');
  await knex.raw('CREATE INDEX commitments_funder_id_index ON commitments (funder_id)');
  for (const [name] of INDEXES) await knex.raw(`DROP INDEX ${name}`);
}
