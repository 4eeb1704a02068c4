// Redis going away and coming back, on a private redis-server the test kills and restarts: the API
// keeps reading and writing, says it is not ready, refuses new scans with a clear 503 and keeps the
// rescans in rescan_outbox; the running worker picks up again on its own once Redis is back.
import { expect } from 'chai';
import { Redis } from 'ioredis';
import { SCHEDULER_ID } from '../../server/queues/queues.js';
import { daysInYear, yearOf } from '../../server/domain/dates.js';
import { today } from '../../server/services/clock.js';
import { QUEUE_DOWN } from '../../server/services/scans.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { adminToken, makeFunder } from '../support/factories.js';
import type { ApiErrorBody, ApiRecord } from '../support/records.js';
import { countRows, describeWithRedisServer, exitWithin, freePort, type GapRecord, gapsOf, killChildren, postScan, QUIET_SCHEDULE, RedisServer, settle, sleep, spawnWorker, waitFor, waitForScan } from './support.js';

describeWithRedisServer('Redis outage', function () {
  this.timeout(60_000);
  let redis: RedisServer;
  let app: TestApp;
  let token: string;
  let funderId: number;
  let initiativeId: number;
  let shortfall: GapRecord;
  // Rescans look from today: next year lies wholly inside their horizon.
  const year = yearOf(today()) + 1;
  const yearCents = 1_000 * daysInYear(year);

  const post = (resource: string, body: Record<string, unknown>) => app.request<ApiRecord>('POST', `/api/${resource}`, { token, body });
  const readyz = () => app.request<Record<string, string>>('GET', '/readyz');
  const outboxOf = (id: number) => countRows(app.db, 'rescan_outbox', (q) => q.where({ initiative_id: id }));

  before(async () => {
    redis = new RedisServer(await freePort());
    await redis.start();
    app = await startTestApp({ REDIS_URL: redis.url, SCAN_SCHEDULE: QUIET_SCHEDULE });
    token = await adminToken(app.db);
    funderId = await makeFunder(app.db);
    await app.startWorker();
    await settle(app);
    // With Redis up, a budget without funding opens a shortfall through the outbox and a rescan.
    initiativeId = (await post('initiatives', { name: 'Voedselbank Storing', foundedOn: `${year - 3}-01-01`, municipality: 'Utrecht' })).body.id;
    expect((await post('budgets', { initiativeId, year, amountCents: yearCents })).status).to.equal(201);
    expect((await post('budgets', { initiativeId, year: year + 1, amountCents: 0 })).status).to.equal(201);
    shortfall = await waitFor('the shortfall to open', async () => (await gapsOf(app, token, initiativeId)).find((g) => g.kind === 'shortfall'), 5_000);
  });

  after(async () => {
    // Closing waits for the workers, which need Redis for that.
    if (redis && !redis.running) await redis.start();
    await app?.close();
    await killChildren();
  });

  describe('while Redis is down', () => {
    before(async () => {
      await redis.stop();
      await waitFor('the API to notice', async () => (await readyz()).status === 503, 5_000);
    });

    it('answers /readyz with 503, naming Redis', async () => {
      const res = await readyz();
      expect(res.status).to.equal(503);
      expect(res.body).to.deep.equal({ status: 'not ready', postgres: 'up', queue: 'redis', queueState: 'down', redis: 'down' });
    });

    it('keeps accepting writes', async () => {
      const commitment = await post('commitments', {
        initiativeId,
        funderId,
        title: 'Fondsbijdrage tijdens storing',
        kind: 'grant',
        status: 'committed',
        startDate: `${year}-01-01`,
        endDate: `${year}-12-31`,
        amountCents: yearCents,
      });
      expect(commitment.status, JSON.stringify(commitment.body)).to.equal(201);
      const initiative = await app.request<ApiRecord>('GET', `/api/initiatives/${initiativeId}`, { token });
      const edited = await app.request<ApiRecord>('PUT', `/api/initiatives/${initiativeId}`, { token, body: { ...initiative.body, reservesCents: 50_000 } });
      expect(edited.status, JSON.stringify(edited.body)).to.equal(200);
    });

    it('refuses to start a scan with a 503 that says why, and records no scan', async () => {
      const scans = await countRows(app.db, 'scans');
      const audits = await countRows(app.db, 'audit_events', (q) => q.where({ resource: 'scans' }));
      const res = await app.request<ApiErrorBody>('POST', '/api/scans', { token, body: { asOf: '2027-03-15' } });
      expect(res.status).to.equal(503);
      expect(res.body).to.deep.equal({ message: QUEUE_DOWN, code: 'unavailable.queue' });
      expect(await countRows(app.db, 'scans')).to.equal(scans);
      expect(await countRows(app.db, 'audit_events', (q) => q.where({ resource: 'scans' }))).to.equal(audits);
    });

    it('keeps the rescans in the outbox, and the gap as it was', async () => {
      await sleep(1_500); // longer than the relay's interval
      expect(await outboxOf(initiativeId)).to.be.at.least(1);
      const res = await app.request<GapRecord>('GET', `/api/gaps/${shortfall.id}`, { token });
      expect(res.body.resolvedAt).to.equal(null);
    });
  });

  describe('when Redis is back', () => {
    before(async () => {
      await redis.start();
    });

    it('runs the waiting rescans without restarting the worker: the shortfall resolves and the outbox empties', async () => {
      const resolved = await waitFor(
        'the shortfall to be resolved',
        async () => {
          const res = await app.request<GapRecord>('GET', `/api/gaps/${shortfall.id}`, { token });
          return res.body.resolvedAt ? res.body : false;
        },
        // That they run, not how soon: on a loaded machine (CI) this took over 15 s once in some ten runs.
        30_000,
      );
      expect(resolved.resolvedAt).to.be.a('string');
      await waitFor('the outbox to empty', async () => (await countRows(app.db, 'rescan_outbox')) === 0, 5_000);
    });

    it('answers /readyz with 200 again', async () => {
      const res = await waitFor('the API to be ready', async () => {
        const r = await readyz();
        return r.status === 200 && r;
      });
      expect(res.body).to.deep.equal({ status: 'ready', postgres: 'up', queue: 'redis', queueState: 'up', redis: 'up' });
    });

    it('declares the nightly scan again on the emptied Redis', async () => {
      const scheduler = await waitFor('the nightly scan', () => app.producer.queues.scan.getJobScheduler(SCHEDULER_ID), 5_000);
      expect(scheduler).to.include({ pattern: QUIET_SCHEDULE, tz: 'Europe/Amsterdam' });
    });

    it('starts and completes scans again', async () => {
      const scan = await postScan(app, token, today());
      const { final } = await waitForScan(app, token, scan.id, 20_000);
      expect(final).to.include({ status: 'completed', initiativesScanned: final.initiativesTotal });
    });
  });

  describe('a worker process', () => {
    it('reports an outage through its logger, not as raw errors on stderr, and still stops cleanly', async () => {
      const worker = await spawnWorker(app);
      await redis.stop();
      await sleep(1_500);
      await redis.start();
      await sleep(500);
      worker.child.kill('SIGTERM');
      expect(await exitWithin(worker, 10_000)).to.deep.equal({ code: 0, signal: null });
      expect(worker.output()).to.include('redis unavailable; retrying');
      const raw = worker.errors().split('\n').filter((line) => /^\S*Error: /.test(line));
      expect([...new Set(raw)], 'raw errors on stderr').to.deep.equal([]);
    });
  });

  describe('closing', () => {
    it('closes every Redis connection that an API and its worker opened', async () => {
      // A Redis of its own: the other apps of this file reconnect to theirs at their own pace.
      const own = new RedisServer(await freePort());
      await own.start();
      const admin = new Redis(own.url);
      try {
        const clients = async () => ((await admin.client('LIST')) as string).trim().split('\n');
        const baseline = (await clients()).length;
        const other = await startTestApp({ REDIS_URL: own.url, SCAN_SCHEDULE: QUIET_SCHEDULE });
        await other.startWorker();
        await waitFor('the second app to be ready', async () => (await other.request('GET', '/readyz')).status === 200);
        expect((await clients()).length).to.be.greaterThan(baseline);
        await other.close();
        const left = await waitFor('the connections to close', async () => ((await clients()).length === baseline ? [] : false), 3_000).catch(() => clients());
        expect(left.length ? left.length - baseline : 0, `left open:\n${left.join('\n')}`).to.equal(0);
      } finally {
        admin.disconnect();
        await own.stop();
      }
    });
  });
});
