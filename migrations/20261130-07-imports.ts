import type { Knex } from 'knex';

// Spreadsheet and 360Giving imports: the file as read (`rows`), what applying it would do per sheet
// and row (`preview`), and what it did (`result`). Nothing here touches the portfolio itself.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('imports', (t) => {
    t.bigIncrements('id');
    t.integer('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.text('file_name').notNullable();
    t.text('kind').notNullable();
    t.text('status').notNullable();
    t.jsonb('rows').notNullable();
    t.jsonb('preview');
    t.jsonb('counts');
    t.integer('progress').notNullable().defaultTo(0);
    t.integer('total').notNullable().defaultTo(0);
    t.boolean('skip_errors').notNullable().defaultTo(false);
    t.jsonb('result');
    t.text('error');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('applied_at', { useTz: true });
    t.index(['user_id', 'created_at']);
  });
  await knex.raw("ALTER TABLE imports ADD CONSTRAINT imports_kind_check CHECK (kind IN ('xlsx', 'csv', '360giving-json', '360giving-csv'))");
  await knex.raw("ALTER TABLE imports ADD CONSTRAINT imports_status_check CHECK (status IN ('previewing', 'previewed', 'applying', 'applied', 'failed'))");
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('imports');
}
