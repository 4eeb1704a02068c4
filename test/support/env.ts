// The test run's own database and configuration, independent of the demo one.
import { loadConfig, type Config } from '../../server/config.js';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/vangnet_test';
/** Redis for the run's queues; unset: the queues run on PostgreSQL, as on a laptop without Redis. */
export const TEST_REDIS_URL: string | undefined = process.env.TEST_REDIS_URL || undefined;
/** The Redis the queue tests also run on when it answers: TEST_REDIS_URL, else a local one. */
export const REDIS_CANDIDATE_URL = TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Queues of this test run only, so a running demo worker never takes a test's jobs. */
export const TEST_QUEUE_PREFIX = `{vangnet-test-${process.pid}}`;

/** A configuration that always names its database (the run's, unless overridden). */
export type TestConfig = Config & { DATABASE_URL: string };

export function testConfig(overrides: Partial<Record<keyof Config, string>> = {}): TestConfig {
  const config = loadConfig({
    DATABASE_URL: TEST_DATABASE_URL,
    REDIS_URL: TEST_REDIS_URL ?? '',
    PORT: '0',
    DEMO_DATA: 'false',
    LOG_LEVEL: 'silent',
    QUEUE_PREFIX: TEST_QUEUE_PREFIX,
    START_WORKER: 'false',
    // Tests write with factories straight to the database and expect the next total to count it;
    // test/api/count-cache.test.ts turns the cache on.
    COUNT_CACHE_MS: '0',
    // Likewise for portfolio answers computed again ahead; test/analytics/answer-cache.test.ts turns it on.
    ANSWER_REFRESH_QUIET_MS: '0',
    // A digest run that cannot fire while the tests run (03:00 on 1 January); test/mail/ runs its own.
    DIGEST_SCHEDULE: '0 3 1 1 *',
    ...overrides,
  });
  return { ...config, DATABASE_URL: config.DATABASE_URL ?? TEST_DATABASE_URL };
}
