// Root hooks: a fresh, migrated test database for the whole run, and no queue left behind.
import { Redis } from 'ioredis';
import pg from 'pg';
import { createDb, migrateLatest } from '../server/data/db.js';
import { TEST_DATABASE_URL, TEST_QUEUE_PREFIX, TEST_REDIS_URL } from './support/env.js';

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

/** Removes this run's queues from the shared Redis. */
export async function mochaGlobalTeardown(): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${TEST_QUEUE_PREFIX}*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } catch {
    // Redis gone (a test stopped its own): nothing to clean.
  } finally {
    redis.disconnect();
  }
}
