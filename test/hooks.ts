// Root hooks: a fresh, migrated test database for the whole run, and no queue left behind.
import { createDb, migrateLatest } from '../server/data/db.js';
import { TEST_DATABASE_URL, TEST_QUEUE_PREFIX, TEST_REDIS_URL } from './support/env.js';
import { dropQueueKeys, recreateDatabase } from './support/infra.js';

export async function mochaGlobalSetup(): Promise<void> {
  await recreateDatabase(TEST_DATABASE_URL);
  const db = createDb(TEST_DATABASE_URL);
  await migrateLatest(db);
  await db.destroy();
}

export async function mochaGlobalTeardown(): Promise<void> {
  // Redis may be gone (a test stopped its own): then there is nothing to clean.
  await dropQueueKeys(TEST_REDIS_URL, TEST_QUEUE_PREFIX).catch(() => undefined);
}
