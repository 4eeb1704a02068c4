// Where the queues live: Redis when REDIS_URL is set, else PostgreSQL in the API's own database.
import { expect } from 'chai';
import { QUEUE_SCHEMA, queueBackend } from '../../server/queues/backend.js';
import { loadConfig } from '../../server/config.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { forEachBackend, QUIET_SCHEDULE, waitFor } from './support.js';

describe('choosing the queue backend', () => {
  it('takes PostgreSQL, in the same database, when REDIS_URL is unset or empty', () => {
    for (const env of [{}, { REDIS_URL: '' }]) {
      const config = loadConfig(env);
      expect(config.REDIS_URL).to.equal(undefined);
      expect(queueBackend(config.REDIS_URL, 'postgres://db/vangnet')).to.deep.equal({ kind: 'postgres', databaseUrl: 'postgres://db/vangnet', schema: 'bullmq' });
    }
  });

  it('takes Redis when REDIS_URL is set', () => {
    const config = loadConfig({ REDIS_URL: 'redis://cache:6379' });
    expect(queueBackend(config.REDIS_URL, 'postgres://db/vangnet')).to.deep.equal({ kind: 'redis', url: 'redis://cache:6379' });
  });
});

forEachBackend('the queue backend in use', (backend) => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ ...backend.overrides, SCAN_SCHEDULE: QUIET_SCHEDULE });
  });
  after(() => app.close());

  it('is named by /readyz, with its state', async () => {
    const res = await waitFor('the queue to answer', async () => {
      const r = await app.request<Record<string, string>>('GET', '/readyz');
      return r.status === 200 && r;
    });
    const redis = backend.name === 'redis' ? { redis: 'up' } : {};
    expect(res.body).to.deep.equal({ status: 'ready', postgres: 'up', queue: backend.name, queueState: 'up', ...redis });
  });

  it('tells its listeners when the queue answers (the first-start scan waits for this)', async () => {
    let calls = 0;
    app.producer.onReady(() => calls++);
    await waitFor('onReady to be called', async () => calls > 0, 5_000);
  });

  if (backend.name === 'postgres') {
    it(`keeps its queues in the schema ${QUEUE_SCHEMA} of the API's database`, async () => {
      await app.producer.queues.scan.getJobCounts('wait');
      const { rows } = await app.db.raw<{ rows: { n: number }[] }>('SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = ?', [QUEUE_SCHEMA]);
      expect(rows[0]!.n).to.be.above(0);
    });
  }
});
