// Redis crashing and coming back empty (a private redis-server shut down with SHUTDOWN NOSAVE):
// nothing that lived only in Redis is lost. A portfolio scan cut off mid-way gets its vanished
// batches queued again from its recorded plan and completes (or fails with a reason when its jobs
// keep vanishing); the rescans of the last edits before the crash, handed to the queue but not yet
// run, are handed over again from the outbox; and the worker takes new work within seconds.
import { expect } from 'chai';
import { MAX_REQUEUES } from '../../jobs/watchdog.js';
import { daysInYear, yearOf } from '../../server/domain/dates.js';
import { today } from '../../server/services/clock.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { adminToken, makeInitiative } from '../support/factories.js';
import type { ApiRecord } from '../support/records.js';
import {
  countRows,
  describeWithRedisServer,
  freePort,
  gapsOf,
  getScan,
  killChildren,
  lockInitiative,
  postScan,
  QUIET_SCHEDULE,
  RedisServer,
  type ScanRecord,
  settle,
  sleep,
  someoneWaitsForALock,
  waitFor,
  waitForScan,
} from './support.js';

const STALL_MS = 2_000;
const REQUEUE_MS = 2_000;
const DEBOUNCE_MS = 1_500;

describeWithRedisServer('Redis crash (SHUTDOWN NOSAVE)', function () {
  this.timeout(90_000);
  let redis: RedisServer;
  let app: TestApp;
  let token: string;
  // Rescans look from today: next year lies wholly inside their horizon.
  const year = yearOf(today()) + 1;

  before(async () => {
    redis = new RedisServer(await freePort());
    await redis.start();
    app = await startTestApp({
      REDIS_URL: redis.url,
      SCAN_SCHEDULE: QUIET_SCHEDULE,
      SCAN_BATCH: '5',
      SCAN_STALL_MS: String(STALL_MS),
      RESCAN_REQUEUE_MS: String(REQUEUE_MS),
      RESCAN_DEBOUNCE_MS: String(DEBOUNCE_MS),
      WORKER_CONCURRENCY: '1',
    });
    token = await adminToken(app.db);
    await app.startWorker();
    await settle(app);
  });

  after(async () => {
    // Closing waits for the workers, which need Redis for that.
    if (redis && !redis.running) await redis.start();
    // Rescans this app handed to its private Redis run before it goes, so no later test waits for them.
    if (app) await settle(app);
    await app?.close();
    await killChildren();
  });

  /** Starts a scan, lets a batch stop at a locked initiative with batches still to come, then crashes Redis. */
  async function crashMidScan(beforeCrash: (scan: ScanRecord) => Promise<unknown> = async () => undefined): Promise<ScanRecord> {
    const locked = await makeInitiative(app.db, { name: 'Vastgehouden initiatief' });
    for (let i = 0; i < 12; i++) await makeInitiative(app.db, { name: `Na de storing ${i}` });
    const lock = await lockInitiative(app.db, locked);
    let scan: ScanRecord;
    try {
      scan = await postScan(app, token, today());
      await waitFor('a batch to wait for the locked initiative', () => someoneWaitsForALock(app.db), 10_000);
      await beforeCrash(scan);
      await redis.shutdownNosave();
    } finally {
      await lock.release();
    }
    // The batch that waited commits its work in PostgreSQL; its job is gone with Redis.
    return waitFor('the cut-off batch to commit', async () => {
      const s = await getScan(app, token, scan.id);
      return s.batchesDone > 0 && s;
    });
  }

  /** The scan once it is no longer running (completed or failed). */
  const finished = (scanId: number) =>
    waitFor(
      `scan ${scanId} to finish`,
      async () => {
        const s = await getScan(app, token, scanId);
        return s.status !== 'running' && s;
      },
      STALL_MS + 15_000,
      100,
    );

  describe('a portfolio scan cut off mid-way', () => {
    let atCrash: ScanRecord;
    let restartedAt: number;

    before(async () => {
      atCrash = await crashMidScan();
      await redis.start();
      restartedAt = Date.now();
    });

    it('was running with batches left when Redis went', () => {
      expect(atCrash.status).to.equal('running');
      expect(atCrash.batchesDone).to.be.below(atCrash.batchesTotal);
    });

    it('completes from its recorded plan, every initiative counted once', async () => {
      const { final } = await waitForScan(app, token, atCrash.id, STALL_MS + 15_000);
      expect(final).to.include({ status: 'completed', batchesDone: final.batchesTotal, initiativesScanned: final.initiativesTotal });
      expect(await countRows(app.db, 'scan_batches', (q) => q.where({ scan_id: atCrash.id }))).to.equal(final.batchesTotal);
    });

    it('completes within about SCAN_STALL_MS of Redis returning', () => {
      expect(Date.now() - restartedAt).to.be.below(STALL_MS + 6_000);
    });
  });

  describe('a scan whose jobs keep vanishing', () => {
    it(`fails with a reason after ${MAX_REQUEUES} re-queues instead of staying running`, async () => {
      // As if its jobs had been lost and queued again MAX_REQUEUES times already.
      const atCrash = await crashMidScan((scan) => app.db('scans').where({ id: scan.id }).update({ requeues: MAX_REQUEUES }));
      await redis.start();
      const failed = await finished(atCrash.id);
      expect(failed.status).to.equal('failed');
      expect(failed.error).to.match(/^No progress for 2 s: \d+ of its jobs vanished from the queue, also after 3 re-queues\. Start a new scan\.$/);
      expect(failed.finishedAt).to.be.a('string');
    });
  });

  describe('a scan cut off while a later scan completed', () => {
    it('fails instead of writing its older picture over the later scan', async () => {
      const atCrash = await crashMidScan();
      const [later] = await app.db('scans').insert({ trigger: 'manual', status: 'completed', as_of: today(), finished_at: app.db.fn.now() }).returning<{ id: number }[]>('id');
      await redis.start();
      const failed = await finished(atCrash.id);
      expect(failed).to.include({ status: 'failed', error: `Its jobs vanished from the queue and scan ${later!.id} has completed since, so it is not resumed.` });
    });
  });

  describe('the rescans of the last edits before the crash', () => {
    const initiatives: number[] = [];

    before(async () => {
      await settle(app);
      for (let i = 0; i < 3; i++) {
        const initiative = await app.request<ApiRecord>('POST', '/api/initiatives', { token, body: { name: `Laatste wijziging ${i}`, foundedOn: `${year - 3}-01-01`, municipality: 'Utrecht' } });
        initiatives.push(initiative.body.id);
        const budget = await app.request('POST', '/api/budgets', { token, body: { initiativeId: initiative.body.id, year, amountCents: 1_000 * daysInYear(year) } });
        expect(budget.status).to.equal(201);
      }
      // Handed to the queue (waiting out their debounce in Redis), not yet run.
      await waitFor(
        'the rescans to be handed to the queue',
        async () => (await countRows(app.db, 'rescan_outbox', (q) => q.whereIn('initiative_id', initiatives).whereNull('queued_at'))) === 0,
        DEBOUNCE_MS / 2,
        10,
      );
      await redis.shutdownNosave();
    });

    it('keeps them in the outbox while their jobs exist only in Redis', async () => {
      expect(await countRows(app.db, 'rescan_outbox', (q) => q.whereIn('initiative_id', initiatives))).to.be.at.least(initiatives.length);
      for (const id of initiatives) expect(await gapsOf(app, token, id)).to.deep.equal([]);
    });

    it('runs them once Redis is back: every edited initiative gets its shortfall and the outbox empties', async () => {
      await redis.start();
      // That they run, not how soon: on a loaded machine (CI, with the rest of the suite before this
      // file) the reconnects, the re-queue after REQUEUE_MS and the debounce took over 13.5 s once in
      // some ten runs, so the wait is generous.
      for (const id of initiatives) {
        await waitFor(`initiative ${id} to be rescanned`, async () => (await gapsOf(app, token, id)).some((g) => g.kind === 'shortfall'), REQUEUE_MS + DEBOUNCE_MS + 30_000, 100);
      }
      await waitFor('the outbox to empty', async () => (await countRows(app.db, 'rescan_outbox', (q) => q.whereIn('initiative_id', initiatives))) === 0, 5_000);
    });
  });

  describe('the worker after a crash', () => {
    it('takes new work within a few seconds of Redis returning, however long it was away', async () => {
      await settle(app);
      await redis.shutdownNosave();
      // Long enough for reconnect attempts that back off exponentially to be far apart.
      await sleep(6_000);
      await redis.start();
      const restartedAt = Date.now();
      // The API's queue connection reconnects first; then the scan needs the worker.
      const scan = await waitFor('the API to accept a scan', async () => {
        const res = await app.request<ScanRecord>('POST', '/api/scans', { token, body: { asOf: today() } });
        return res.status === 202 && res.body;
      }, 5_000, 100);
      // Taken: the start job planned it (and the batches follow), however many initiatives there are.
      await waitFor('a worker to take the scan', async () => (await getScan(app, token, scan.id)).status !== 'queued', 10_000, 20);
      expect(Date.now() - restartedAt, 'ms from Redis back to the scan taken by a worker').to.be.below(3_000);
      await waitForScan(app, token, scan.id, 20_000);
    });
  });
});
