import type { Knex } from 'knex';

/** SQL literal array of enumeration values, for CHECK constraints. */
export function textArray(values: readonly string[]): string {
  return `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')}]::text[]`;
}

export function checkIn(column: string, values: readonly string[]): string {
  return `${column} = ANY (${textArray(values)})`;
}

export function timestamps(t: Knex.CreateTableBuilder, knex: Knex): void {
  t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
}
