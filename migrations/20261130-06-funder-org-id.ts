import type { Knex } from 'knex';

// A funder's org-id (https://org-id.guide), e.g. NL-KVK-41202535: how 360Giving files and
// spreadsheet imports recognise a funder. Optional; unique among the funders that have one.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('funders', (t) => {
    t.text('org_id');
  });
  await knex.raw("ALTER TABLE funders ADD CONSTRAINT funders_org_id_check CHECK (org_id ~ '^[A-Z]{2}-[A-Z0-9]{2,}-.+$')");
  await knex.raw('CREATE UNIQUE INDEX funders_org_id_unique ON funders (org_id) WHERE org_id IS NOT NULL');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX funders_org_id_unique');
  await knex.schema.alterTable('funders', (t) => {
    t.dropColumn('org_id');
  });
}
