// Workers as separate processes (the real `npm run worker`, bin/worker.ts) that die or are
// stopped in the middle of a scan. A row lock held by the test keeps one batch waiting inside its
// transaction, so "mid-scan" is a fixed point rather than a race: with WORKER_CONCURRENCY 1 the
// child has finished the batches before it and started none after it.
import { expect } from 'chai';
import type { Knex } from 'knex';
import { loadFunding } from '../../server/data/funding.js';
import { addDays, lastDayOfMonth } from '../../server/domain/dates.js';
import { findGaps } from '../../server/domain/gaps.js';
import type { WorkerRuntime } from '../../jobs/runtime.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { adminToken, makeFunder } from '../support/factories.js';
import { uniqueTag } from '../support/records.js';
import {
  countRows,
  forEachBackend,
  forgetStalledChecks,
  gapLine,
  getScan,
  killChildren,
  lockInitiative,
  openGapLines,
  postScan,
  overlappingOpenGaps,
  QUIET_SCHEDULE,
  type ScanRecord,
  settle,
  someoneWaitsForALock,
  spawnWorker,
  waitFor,
  waitForScan,
  exitWithin,
} from './support.js';

const PORTFOLIO = 320;
const BATCH = 20;
/** Short locks, so a batch of a killed worker counts as stalled after about a second. */
const WORKER_ENV = { SCAN_BATCH: String(BATCH), WORKER_CONCURRENCY: '1', JOB_LOCK_MS: '1000' };

/** Many small initiatives with varied funding: each gap kind turns up somewhere. */
async function buildLargePortfolio(db: Knex, n: number): Promise<number[]> {
  const tag = uniqueTag('Groot');
  const funders = [await makeFunder(db), await makeFunder(db, { type: 'municipality', maxFundingYears: 2 }), await makeFunder(db, { type: 'company' })];
  const initiatives = await db('initiatives')
    .insert(
      Array.from({ length: n }, (_, i) => ({
        name: `${tag} ${i}`,
        founded_on: `${2019 + (i % 8)}-${String(1 + (i % 12)).padStart(2, '0')}-01`,
        municipality: 'Utrecht',
        status: i % 23 === 0 ? 'stopped' : 'active',
      })),
    )
    .returning<{ id: number }[]>('id');
  const ids = initiatives.map((r) => r.id);
  await db('budgets').insert(
    ids.flatMap((id, i) => [
      { initiative_id: id, year: 2027, amount_cents: 365_000 * (1 + (i % 3)) },
      ...(i % 4 === 0 ? [{ initiative_id: id, year: 2029, amount_cents: 400_000 }] : []),
    ]),
  );
  await db('commitments').insert(
    ids.flatMap((id, i) => {
      const end = lastDayOfMonth(`2027-${String(1 + (i % 12)).padStart(2, '0')}`);
      const funderId = funders[i % 3]!;
      const main = { initiative_id: id, funder_id: funderId, title: `${tag} ${i}`, kind: 'subsidy', status: 'committed', start_date: `${2025 + (i % 2)}-01-01`, end_date: end, amount_cents: 250_000 * (1 + (i % 5)) };
      const followUp = { ...main, title: `${tag} ${i} vervolg`, status: 'requested', start_date: addDays(end, 1), end_date: '2028-12-31', amount_cents: 300_000 };
      return i % 5 === 0 ? [main, followUp] : [main];
    }),
  );
  return ids;
}

/** The open gaps a scan at `asOf` must leave, from the pure rules over the same data. */
async function expectedLines(db: Knex, ids: number[], asOf: string): Promise<string[]> {
  const funding = await loadFunding(db, ids);
  return funding
    .filter((f) => f.status === 'active')
    .flatMap((f) => findGaps(f, asOf).map((g) => gapLine(f.id, g.kind, g.subjectId, g.periodStart, g.periodEnd, g.shortfallCents, g.severity)))
    .sort();
}

forEachBackend('worker processes', function (backend) {
  this.timeout(60_000);
  let app: TestApp;
  let db: Knex;
  let token: string;
  let ids: number[];

  /** The number of the batch an initiative falls in, as planScan cuts the portfolio. */
  const batchOf = async (initiativeId: number) => Math.floor((await countRows(db, 'initiatives', (q) => q.where('id', '<', initiativeId))) / BATCH);

  /** Starts a scan whose batch `k` (that of `locked`) waits in the child for the test's lock. */
  async function scanUntilStuck(asOf: string, locked: number): Promise<{ scan: ScanRecord; k: number; release: () => Promise<void> }> {
    const lock = await lockInitiative(db, locked);
    try {
      const scan = await postScan(app, token, asOf);
      const k = await batchOf(locked);
      const jobId = `scan-${scan.id}-batch-${k}`;
      await waitFor(`batch ${k} to be active`, async () => (await app.producer.queues.scan.getJobState(jobId)) === 'active');
      await waitFor('the batch to wait for the lock', () => someoneWaitsForALock(db));
      return { scan, k, release: lock.release };
    } catch (err) {
      await lock.release();
      throw err;
    }
  }

  before(async () => {
    app = await startTestApp({ ...backend.overrides, SCAN_SCHEDULE: QUIET_SCHEDULE });
    db = app.db;
    token = await adminToken(db);
    const drain = await app.startWorker(WORKER_ENV);
    await settle(app);
    await drain.close();
    // A worker with the default 30 s lock checks for stalled jobs every 15 s, and no worker checks
    // again before that: forget such a check, so that the short locks here take effect at once.
    await forgetStalledChecks(app);
    ids = await buildLargePortfolio(db, PORTFOLIO);
  });

  after(async () => {
    await killChildren();
    // Leave the shared test database as small as it was, for the scans of other test files.
    if (ids?.length) {
      await db.transaction(async (trx) => {
        await trx('commitments').whereIn('initiative_id', ids).delete();
        await trx('initiatives').whereIn('id', ids).delete();
      });
    }
    await app?.close();
  });

  it('completes a scan whose worker was killed (SIGKILL) mid-batch, with the gaps of an uninterrupted scan', async () => {
    const asOf = '2027-03-15';
    const child = await spawnWorker(app, WORKER_ENV);
    const { scan, k, release } = await scanUntilStuck(asOf, ids[150]!);
    let takeover: WorkerRuntime | undefined;
    try {
      const stuck = await getScan(app, token, scan.id);
      expect(stuck).to.include({ status: 'running', batchesDone: k });
      expect(stuck.batchesTotal).to.be.greaterThan(k + 1);

      child.child.kill('SIGKILL');
      expect(await child.exited).to.deep.equal({ code: null, signal: 'SIGKILL' });
      takeover = await app.startWorker({ ...WORKER_ENV, WORKER_CONCURRENCY: '2' });
      await release();
      const { final } = await waitForScan(app, token, scan.id, 15_000);

      const initiatives = await countRows(db, 'initiatives');
      expect(final).to.include({ status: 'completed', initiativesTotal: initiatives, initiativesScanned: initiatives, batchesDone: final.batchesTotal, error: null });
      expect(await countRows(db, 'scan_batches', (q) => q.where({ scan_id: scan.id }))).to.equal(final.batchesTotal);
      // the killed batch was taken over as stalled, not lost
      const killed = await app.producer.queues.scan.getJob(`scan-${scan.id}-batch-${k}`);
      expect(killed?.stalledCounter).to.equal(1);
      const expected = await expectedLines(db, ids, asOf);
      expect(expected.length).to.be.greaterThan(PORTFOLIO);
      expect(await openGapLines(db, ids)).to.deep.equal(expected);
      expect(await overlappingOpenGaps(db)).to.deep.equal([]);
    } finally {
      await release();
      // so that it takes none of the next test's jobs
      await takeover?.close();
    }
  });

  it('lets its current batch finish on SIGTERM, takes no new one and exits with code 0', async () => {
    // another asOf, so that this scan has to change the gaps the previous one left
    const asOf = '2027-05-15';
    const child = await spawnWorker(app, WORKER_ENV);
    const { scan, k, release } = await scanUntilStuck(asOf, ids[220]!);
    let next: WorkerRuntime | undefined;
    try {
      child.child.kill('SIGTERM');
      expect(await exitWithin(child, 500), 'exited while its batch was still running').to.equal('still running');
      await release();
      const exit = await exitWithin(child, 15_000);
      expect(exit, child.output()).to.deep.equal({ code: 0, signal: null });

      // the stuck batch was finished, none after it started
      const left = await getScan(app, token, scan.id);
      expect(left).to.include({ status: 'running', batchesDone: k + 1 });

      next = await app.startWorker(WORKER_ENV);
      const { final } = await waitForScan(app, token, scan.id, 15_000);
      expect(final).to.include({ status: 'completed', initiativesScanned: final.initiativesTotal, batchesDone: final.batchesTotal, error: null });
      expect(await openGapLines(db, ids)).to.deep.equal(await expectedLines(db, ids, asOf));
      expect(await overlappingOpenGaps(db)).to.deep.equal([]);
    } finally {
      await release();
      await next?.close();
    }
  });
});
