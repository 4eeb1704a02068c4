import type { Knex } from 'knex';

// The values as of this migration, written out so it means the same thing forever.
const FILE_TYPES = ['application/pdf', 'image/png', 'image/jpeg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text'];

// A report's attachments, kept in PostgreSQL beside it (at most 10 MB each).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('report_files', (t) => {
    t.bigIncrements('id');
    t.bigInteger('report_id').notNullable().references('reports.id').onDelete('CASCADE');
    t.text('file_name').notNullable();
    t.text('content_type').notNullable();
    t.integer('size_bytes').notNullable();
    t.binary('content').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.check(`content_type IN (${FILE_TYPES.map((v) => `'${v}'`).join(', ')})`, [], 'report_files_content_type_check');
    t.check('size_bytes BETWEEN 1 AND 10485760', [], 'report_files_size_check');
    t.index(['report_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('report_files');
}
