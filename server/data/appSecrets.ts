// Secrets an installation makes for itself, once: the first process to ask stores a random one,
// every later process (and restart) reads that same one.
import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';

export async function keptSecret(db: Knex, name: string): Promise<string> {
  await db('app_secrets').insert({ name, value: randomBytes(32).toString('base64url') }).onConflict('name').ignore();
  const row = await db('app_secrets').where({ name }).first<{ value: string }>('value');
  return row.value;
}
