// PostgreSQL going away and coming back, on a private server the test stops and starts itself:
// every request that needs the database answers 503 with Retry-After (never a 500, never a hang),
// and the same requests succeed again within seconds of PostgreSQL's return, without a restart.
import { expect } from 'chai';
import { createDb, isDatabaseUnavailable, migrateLatest } from '../../server/data/db.js';
import { DATABASE_DOWN } from '../../server/errors.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { makeBudget, makeInitiative, makeUser, TEST_PASSWORD } from '../support/factories.js';
import { REDIS_CANDIDATE_URL } from '../support/env.js';
import { dropQueueKeys, recreateDatabase } from '../support/infra.js';
import { PrivatePostgres } from '../support/privatePostgres.js';
import type { ApiErrorBody } from '../support/records.js';
import { freePort, getScan, lockInitiative, postScan, QUIET_SCHEDULE, someoneWaitsForALock, waitFor } from '../jobs/support.js';

describe('PostgreSQL outage', function () {
  this.timeout(90_000);
  let pg: PrivatePostgres;
  let app: TestApp;
  let email: string;
  let token: string;
  let initiativeId: number;
  // Queues of this file only: its worker works on the private database.
  const queuePrefix = `{vangnet-pg-outage-${process.pid}}`;

  const login = () => app.request<{ token: string }>('POST', '/api/auth/login', { body: { email, password: TEST_PASSWORD } });
  /** A login, a list, a figure and a write: each needs the database. */
  const requests: [string, () => Promise<{ status: number; headers: Headers; body: unknown }>][] = [
    ['POST /api/auth/login', login],
    ['GET /api/auth/me', () => app.request('GET', '/api/auth/me', { token })],
    ['GET /api/initiatives', () => app.request('GET', '/api/initiatives', { token })],
    ['GET /api/initiatives/{id}/runway', () => app.request('GET', `/api/initiatives/${initiativeId}/runway?asOf=2027-01-15`, { token })],
    ['GET /api/stats/risk', () => app.request('GET', '/api/stats/risk', { token })],
    ['POST /api/funders', () => app.request('POST', '/api/funders', { token, body: { name: `Fonds ${Date.now()}`, type: 'foundation' } })],
  ];

  before(async () => {
    pg = new PrivatePostgres(await freePort());
    await pg.start();
    const url = pg.url('vangnet_outage');
    await recreateDatabase(url);
    const db = createDb(url);
    await migrateLatest(db);
    await db.destroy();
    // Short job locks: with the queues on PostgreSQL a job cut off by the restart cannot record its
    // failure, so it is taken over as stalled once its lock runs out (JOB_LOCK_MS).
    app = await startTestApp({ DATABASE_URL: url, DB_ACQUIRE_TIMEOUT_MS: '1500', SCAN_SCHEDULE: QUIET_SCHEDULE, QUEUE_PREFIX: queuePrefix, SCAN_BATCH: '1', JOB_LOCK_MS: '2000' });
    await app.startWorker();
    const adminId = await makeUser(app.db, 'admin');
    email = (await app.db('users').where({ id: adminId }).first<{ email: string }>('email')).email;
    token = (await login()).body.token;
    initiativeId = await makeInitiative(app.db);
    await makeBudget(app.db, initiativeId, { year: 2027, amountCents: 1_200_000 });
  });

  after(async () => {
    await app?.close();
    await pg?.destroy();
    await dropQueueKeys(REDIS_CANDIDATE_URL, queuePrefix).catch(() => undefined);
  });

  it('answers every request while PostgreSQL is up', async () => {
    for (const [name, send] of requests) expect((await send()).status, name).to.be.oneOf([200, 201]);
  });

  describe('while PostgreSQL is stopped', () => {
    before(async () => {
      await pg.stop('fast');
    });

    for (const [name, send] of requests) {
      it(`answers ${name} with 503, Retry-After and the usual error shape, within seconds`, async () => {
        const started = Date.now();
        const res = await send();
        expect(Date.now() - started, 'answered after ms').to.be.below(5_000);
        expect(res.status, JSON.stringify(res.body)).to.equal(503);
        expect(res.headers.get('retry-after')).to.equal('5');
        expect(res.body as ApiErrorBody).to.deep.equal({ message: DATABASE_DOWN, code: 'unavailable.database' });
      });
    }

    it('answers /readyz with 503, naming PostgreSQL', async () => {
      const res = await app.request<Record<string, string>>('GET', '/readyz');
      expect(res.status).to.equal(503);
      expect(res.body).to.include({ status: 'not ready', postgres: 'down' });
    });

    it('still answers /healthz: the process is up', async () => {
      expect((await app.request('GET', '/healthz')).status).to.equal(200);
    });
  });

  describe('when PostgreSQL is back', () => {
    let restartedAt: number;
    before(async () => {
      await pg.start();
      restartedAt = Date.now();
    });

    it('answers the same requests again within a few seconds, without a restart', async () => {
      for (const [name, send] of requests) {
        await waitFor(`${name} to succeed`, async () => [200, 201].includes((await send()).status), 5_000, 100);
      }
      expect(Date.now() - restartedAt).to.be.below(5_000);
    });

    it('is ready again', async () => {
      const res = await app.request<Record<string, string>>('GET', '/readyz');
      expect(res.body).to.include({ postgres: 'up' });
    });
  });

  describe('a crash (immediate stop) in the middle of use', () => {
    it('answers 503 while it is down and recovers after', async () => {
      await pg.stop('immediate');
      const down = await app.request('GET', '/api/initiatives', { token });
      expect(down.status).to.equal(503);
      await pg.start();
      await waitFor('the list to answer again', async () => (await app.request('GET', '/api/initiatives', { token })).status === 200, 5_000, 100);
    });
  });

  describe('a server that accepts connections but never answers', () => {
    it('answers 503 once the connect timeout (DB_ACQUIRE_TIMEOUT_MS) passes, instead of hanging, and recovers after', async () => {
      // A fresh API: no pooled connection to fall back on.
      const fresh = await startTestApp({ DATABASE_URL: app.config.DATABASE_URL, DB_ACQUIRE_TIMEOUT_MS: '1500', SCAN_SCHEDULE: QUIET_SCHEDULE });
      pg.signal('SIGSTOP');
      try {
        const started = Date.now();
        const res = await fresh.request('GET', '/api/initiatives', { token });
        expect(res.status).to.equal(503);
        expect(res.headers.get('retry-after')).to.equal('5');
        expect(Date.now() - started, 'answered after ms').to.be.within(1_000, 4_000);
      } finally {
        pg.signal('SIGCONT');
      }
      await waitFor('the list to answer again', async () => (await fresh.request('GET', '/api/initiatives', { token })).status === 200, 5_000, 100);
      await fresh.close();
    });
  });

  describe('a pool whose connections are all busy', () => {
    it('answers 503 after DB_ACQUIRE_TIMEOUT_MS instead of queueing the request for a minute', async () => {
      // The test API's pool holds 10 connections: keep them all busy for 3 s.
      const busy = Array.from({ length: 10 }, () => app.db.raw('SELECT pg_sleep(3)').then(() => undefined));
      await waitFor('every connection to be taken', async () => (await activeSleeps()) === 10, 3_000, 20);
      const started = Date.now();
      const res = await app.request<ApiErrorBody>('GET', '/api/initiatives', { token });
      expect(res.status).to.equal(503);
      expect(res.body).to.deep.equal({ message: DATABASE_DOWN, code: 'unavailable.database' });
      expect(Date.now() - started, 'answered after ms').to.be.within(1_000, 3_000);
      await Promise.all(busy);
      expect((await app.request('GET', '/api/initiatives', { token })).status).to.equal(200);
    });

    async function activeSleeps(): Promise<number> {
      const admin = createDb(app.config.DATABASE_URL, 1);
      try {
        const { rows } = await admin.raw<{ rows: { n: number }[] }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(3)' AND state = 'active'");
        return rows[0]?.n ?? 0;
      } finally {
        await admin.destroy();
      }
    }
  });

  describe('a portfolio scan during a PostgreSQL restart', () => {
    it('completes: its batches that met the outage are retried', async () => {
      for (let i = 0; i < 5; i++) await makeInitiative(app.db);
      const lock = await lockInitiative(app.db, initiativeId);
      const scan = await postScan(app, token, '2027-01-15');
      await waitFor('a batch to wait for the locked initiative', () => someoneWaitsForALock(app.db), 10_000);
      // The restart cuts off the waiting batch (and the lock's session).
      await pg.stop('fast');
      await lock.release().catch(() => undefined);
      await pg.start();
      const final = await waitFor(
        'the scan to finish',
        async () => {
          const s = await getScan(app, token, scan.id).catch(() => null);
          return s && s.status !== 'running' && s.status !== 'queued' && s;
        },
        30_000,
        200,
      );
      expect(final).to.include({ status: 'completed', initiativesScanned: final.initiativesTotal, batchesDone: final.batchesTotal });
    });
  });

  describe('what counts as "the database is unavailable"', () => {
    const cases: [string, unknown, boolean][] = [
      ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }), true],
      ['a server shutting down', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }), true],
      ['a server starting up', Object.assign(new Error('the database system is starting up'), { code: '57P03' }), true],
      ['a connection exception', Object.assign(new Error('connection failure'), { code: '08006' }), true],
      ['a lost connection', new Error('Connection terminated unexpectedly'), true],
      ['a full pool', Object.assign(new Error('Knex: Timeout acquiring a connection.'), { name: 'KnexTimeoutError' }), true],
      ['every address of a host refusing', new AggregateError([Object.assign(new Error('a'), { code: 'ECONNREFUSED' }), Object.assign(new Error('b'), { code: 'ECONNREFUSED' })]), true],
      ['a unique violation', Object.assign(new Error('duplicate key'), { code: '23505' }), false],
      ['a syntax error', Object.assign(new Error('syntax error'), { code: '42601' }), false],
      ['a plain bug', new TypeError('x is undefined'), false],
    ];
    for (const [name, err, expected] of cases) {
      it(`${expected ? 'counts' : 'does not count'} ${name}`, () => {
        expect(isDatabaseUnavailable(err)).to.equal(expected);
      });
    }
  });
});
