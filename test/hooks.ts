// Root hooks: a fresh, migrated test database for the whole run.
import pg from 'pg';
import { createDb, migrateLatest } from '../server/data/db.js';
import { TEST_DATABASE_URL } from './support/env.js';

export async function mochaGlobalSetup(): Promise<void> {
  const url = new URL(TEST_DATABASE_URL);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const db = createDb(TEST_DATABASE_URL);
  await migrateLatest(db);
  await db.destroy();
}
