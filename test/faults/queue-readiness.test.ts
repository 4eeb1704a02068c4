// The queues on PostgreSQL while PostgreSQL goes away (a laptop's worker started before its
// database, a restart), on a private server the test stops and starts itself
// (server/queues/backend.ts): a client the backend has checked out that PostgreSQL drops is no
// uncaught exception; and BullMQ's backend, which remembered a failed first readiness for good (so
// every later call failed at once and a worker's fetch loop spun without ever yielding), connects
// again: the queue and a worker made while PostgreSQL was down work once it is back.
import { expect } from 'chai';
import pg_ from 'pg';
import { openLink, openWorker, queueBackend } from '../../server/queues/backend.js';
import { recreateDatabase } from '../support/infra.js';
import { PrivatePostgres } from '../support/privatePostgres.js';
import { freePort, waitFor } from '../jobs/support.js';

describe('queues on PostgreSQL first used while PostgreSQL is away', function () {
  this.timeout(60_000);
  let pg: PrivatePostgres;
  let url: string;

  before(async () => {
    pg = new PrivatePostgres(await freePort());
    await pg.start();
    url = pg.url('vangnet_readiness');
    await recreateDatabase(url);
    await pg.stop('fast');
  });

  after(async () => {
    await pg?.destroy();
  });

  it('survives PostgreSQL dropping a client the queues have checked out, as a restart does mid-migration', async () => {
    await pg.start();
    const link = openLink(queueBackend(undefined, url), () => undefined);
    const { queue } = link.open<{ n: number }>('dropped', { prefix: 'readiness' }, () => undefined);
    const admin = new pg_.Client({ connectionString: url });
    await admin.connect();
    try {
      await queue.getJobCounts('wait');
      // The backend's own pool, as its schema migration checks a client out of it.
      const { pool } = (queue as unknown as { backend: { connection: { pool: pg_.Pool } } }).backend.connection;
      const client = await pool.connect();
      const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      await admin.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
      // Without a listener the client's 'error' would be an uncaught exception, failing this test.
      await new Promise((resolve) => setTimeout(resolve, 300));
      client.release(true);
      expect(await queue.getJobCounts('wait')).to.deep.equal({ wait: 0 });
    } finally {
      await admin.end();
      await queue.close();
      await link.close();
    }
    await pg.stop('fast');
  });

  it('answers again once PostgreSQL is back, and a worker made meanwhile takes its jobs', async () => {
    const backend = queueBackend(undefined, url);
    const link = openLink(backend, () => undefined);
    const { queue } = link.open<{ n: number }>('readiness', { prefix: 'readiness' }, () => undefined);
    const done: number[] = [];
    let worker: { close(): Promise<void> } | undefined;
    try {
      let refused = false;
      await queue.getJobCounts('wait').catch(() => (refused = true));
      expect(refused, 'PostgreSQL is down: the first readiness fails').to.equal(true);
      worker = openWorker<{ n: number }>(backend, 'readiness', async (job) => void done.push(job.data.n), { prefix: 'readiness', runRetryDelay: 100 }, { failed: () => undefined, error: () => undefined });
      // The process stays responsive meanwhile: a timer still fires (a fetch loop spinning on a
      // remembered failure would starve it).
      const started = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(Date.now() - started).to.be.below(2_000);

      await pg.start();
      expect(await queue.getJobCounts('wait')).to.deep.equal({ wait: 0 });
      await queue.add('count', { n: 7 });
      await waitFor('the job done', async () => done.length === 1, 20_000);
      expect(done).to.deep.equal([7]);
    } finally {
      await worker?.close();
      await queue.close();
      await link.close();
    }
  });
});
