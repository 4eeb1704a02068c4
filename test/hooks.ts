// Root hooks: a fresh, migrated test database for the whole run, and no queue left behind.
// Without TEST_DATABASE_URL the run starts one embedded PostgreSQL of its own (in a temporary
// folder, removed after the run), so a machine without PostgreSQL passes the suite too.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDb, migrateLatest } from '../server/data/db.js';
import { databaseUrl, startEmbeddedPostgres } from '../server/data/embeddedPostgres.js';
import { dropQueueKeys, recreateDatabase } from './support/infra.js';

// Before any test file reads TEST_DATABASE_URL (support/env.ts is imported below, after it is set).
const embedded = process.env.TEST_DATABASE_URL ? null : await startEmbeddedTestServer();
const { TEST_DATABASE_URL, TEST_QUEUE_PREFIX, REDIS_CANDIDATE_URL } = await import('./support/env.js');

async function startEmbeddedTestServer() {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'vangnet-test-'));
  const server = await startEmbeddedPostgres(dataDir);
  process.env.TEST_DATABASE_URL = databaseUrl(server.url, 'vangnet_test');
  console.log(`  (no TEST_DATABASE_URL: the tests run on an embedded PostgreSQL ${server.version} in ${dataDir})`);
  return {
    stop: async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function mochaGlobalSetup(): Promise<void> {
  await recreateDatabase(TEST_DATABASE_URL);
  const db = createDb(TEST_DATABASE_URL);
  await migrateLatest(db);
  await db.destroy();
}

export async function mochaGlobalTeardown(): Promise<void> {
  // Redis may be gone or never used (queues on PostgreSQL): then there is nothing to clean.
  await dropQueueKeys(REDIS_CANDIDATE_URL, TEST_QUEUE_PREFIX).catch(() => undefined);
  await embedded?.stop();
}
