// A scan run twice, retried or run twice at once never counts or opens anything twice
// (DESIGN.md, "Gaps", last bullet; scan_batches in migration 08; the deferred exclusion
// constraint in migration 07). The scan service (what the processors call) is called directly
// where the point is what a second run of the same job does, and through real queues and workers
// where it is concurrency.
import { expect } from 'chai';
import type { Knex } from 'knex';
import { createScan, planScan, type Batch } from '../../server/data/scans.js';
import { DEFAULT_SETTINGS } from '../../server/domain/settings.js';
import { batchJob, startJobId } from '../../server/queues/queues.js';
import { ScanService } from '../../server/services/scans.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { adminToken, makeInitiative } from '../support/factories.js';
import { AS_OF, buildPortfolio, type Portfolio } from './portfolio.js';
import {
  countRows,
  forEachBackend,
  gapLine,
  gapsOf,
  openGapLines,
  ordered,
  postScan,
  overlappingOpenGaps,
  QUIET_SCHEDULE,
  settle,
  shapeOf,
  waitFor,
  waitForScan,
} from './support.js';

const BATCH = 2;

interface ScanRow {
  id: number;
  status: string;
  batches_total: number;
  batches_done: number;
  initiatives_total: number;
  initiatives_scanned: number;
  gaps_opened: number;
  gaps_resolved: number;
  finished_at: Date | null;
  job_key: string | null;
}

forEachBackend('scan idempotence', (backend) => {
  let app: TestApp;
  let db: Knex;
  let token: string;
  let portfolio: Portfolio;
  let scans: ScanService;

  const scanRow = (id: number) => db('scans').where({ id }).first<ScanRow>();
  /** The open gaps the portfolio must have at AS_OF, as lines comparable with openGapLines. */
  const expectedLines = () =>
    [...portfolio.expected]
      .flatMap(([id, gaps]) => gaps.map((g) => gapLine(id, g.kind, subjectOf(g), g.periodStart, g.periodEnd, g.shortfallCents, g.severity)))
      .sort();
  const subjectOf = (g: { kind: string; details?: Record<string, unknown> }) =>
    g.kind === 'expiring' ? (g.details!.commitmentId as number) : g.kind === 'funder_limit' ? (g.details!.funderId as number) : 0;

  before(async () => {
    app = await startTestApp({ ...backend.overrides, SCAN_BATCH: String(BATCH), SCAN_SCHEDULE: QUIET_SCHEDULE });
    db = app.db;
    token = await adminToken(db);
    portfolio = await buildPortfolio(db);
    // Its queue runs each batch at once, in this process.
    const runAtOnce = {
      ready: async () => true,
      queueStart: async () => undefined,
      queueBatches: async (batches: readonly Batch[]) => {
        for (const b of batches) await scans.runBatch(b);
      },
    };
    scans = new ScanService(db, app.services.crud, runAtOnce, { settings: DEFAULT_SETTINGS, batchSize: BATCH });
  });

  after(async () => {
    await app?.close();
  });

  describe('a batch that runs again', () => {
    let scanId: number;
    let batches: Batch[];
    let ofA: Batch;

    before(async () => {
      scanId = (await createScan(db, 'manual', AS_OF)).id;
      batches = await planScan(db, scanId, BATCH);
      ofA = batches.find((b) => b.fromId <= portfolio.a && portfolio.a <= b.toId)!;
    });

    it('runs once when the same batch is processed twice at the same moment', async () => {
      const results = await Promise.all([scans.runBatch(ofA), scans.runBatch(ofA)]);
      expect(results.map((r) => r.ran).sort()).to.deep.equal([false, true]);
      expect(results.find((r) => !r.ran)).to.deep.equal({ ran: false, initiatives: 0, unchanged: 0, opened: 0, resolved: 0, portfolioCompleted: false });
      expect(await scanRow(scanId)).to.include({ batches_done: 1, initiatives_scanned: ofA.toId - ofA.fromId + 1 });
    });

    it('changes no count when a finished batch is processed again', async () => {
      const analyzed = async () =>
        Number((await db.raw<{ rows: { n: string }[] }>("SELECT analyze_count AS n FROM pg_stat_user_tables WHERE relname = 'gaps'")).rows[0]!.n);
      const analyzedBefore = await analyzed();
      const completing: boolean[] = [];
      for (const b of batches) if (b !== ofA) completing.push((await scans.runBatch(b)).portfolioCompleted);
      // Only the last batch completes the scan, and it renews the planner's statistics of the gaps.
      expect(completing).to.deep.equal(completing.map((_, i) => i === completing.length - 1));
      expect(await analyzed()).to.be.above(analyzedBefore);
      const done = await scanRow(scanId);
      const initiatives = await countRows(db, 'initiatives');
      expect(done).to.include({ status: 'completed', batches_total: batches.length, batches_done: batches.length, initiatives_total: initiatives, initiatives_scanned: initiatives });

      const again = await scans.runBatch(ofA);
      expect(again).to.deep.equal({ ran: false, initiatives: 0, unchanged: 0, opened: 0, resolved: 0, portfolioCompleted: false });
      expect(await scanRow(scanId)).to.deep.equal(done);
      expect(await countRows(db, 'scan_batches', (q) => q.where({ scan_id: scanId }))).to.equal(batches.length);
      expect(await openGapLines(db, portfolio.ids)).to.deep.equal(expectedLines());
    });

    it('runs a batch job that was enqueued twice only once', async () => {
      await app.startWorker();
      await settle(app);
      // As before their first scan: no gaps, and no kept figures a scan for the day could leave them out by.
      await db('gaps').whereIn('initiative_id', portfolio.ids).delete();
      await db('kept_figures').whereIn('initiative_id', portfolio.ids).delete();
      const id = (await createScan(db, 'manual', AS_OF)).id;
      const planned = await planScan(db, id, BATCH);
      const jobs = planned.map(batchJob);
      await app.producer.queues.scan.addBulk([...jobs, ...jobs]);
      await waitFor('the scan to complete', async () => (await scanRow(id)).status === 'completed');
      const done = await scanRow(id);
      // once more, after they all finished
      await app.producer.queues.scan.addBulk(jobs);
      await settle(app);

      expect(await scanRow(id)).to.deep.equal(done);
      expect(done.initiatives_scanned).to.equal(done.initiatives_total);
      expect(done.batches_done).to.equal(planned.length);
      // the portfolio's gaps were deleted first, so this scan opened each of them exactly once
      const opened = await db('scan_batches').where({ scan_id: id }).sum<{ n: string }[]>({ n: 'gaps_opened' });
      expect(done.gaps_opened).to.equal(Number(opened[0]!.n));
      expect(done.gaps_opened).to.be.at.least(expectedLines().length);
      expect(await openGapLines(db, portfolio.ids)).to.deep.equal(expectedLines());
    });
  });

  describe('a start job that runs again', () => {
    it('leaves a completed scan completed when it runs again after its batches finished', async () => {
      // A start job is run again when its worker dies (or its lock lapses) after it enqueued the
      // batches but before it was marked done; by then the batches may all have finished.
      const scan = await createScan(db, 'manual', AS_OF);
      await scans.plan({ scanId: scan.id }, startJobId(scan.id));
      const done = await scanRow(scan.id);
      expect(done.status).to.equal('completed');

      await scans.plan({ scanId: scan.id }, startJobId(scan.id));
      expect(await scanRow(scan.id)).to.deep.equal(done);
    });
  });

  describe('a scheduled start job that runs again', () => {
    it('continues the scan it recorded the first time instead of recording another', async () => {
      const jobKey = `repeat:${'nightly-scan'}:${Date.now()}`;
      const scheduled = await countRows(db, 'scans', (q) => q.where({ trigger: 'schedule' }));
      const first = await scans.plan({ trigger: 'schedule' }, jobKey);
      const done = await scanRow(first);
      const second = await scans.plan({ trigger: 'schedule' }, jobKey);
      expect(second).to.equal(first);
      expect(await countRows(db, 'scans', (q) => q.where({ trigger: 'schedule' }))).to.equal(scheduled + 1);
      expect(await scanRow(first)).to.deep.equal(done);
      expect(done).to.include({ status: 'completed', job_key: `schedule:${jobKey}` });
    });
  });

  describe('two scans at once', () => {
    it('leave no overlapping open gaps and exactly the expected ones', async () => {
      await app.startWorker();
      await settle(app);
      // Both scans have to open the portfolio's gaps.
      await db('gaps').whereIn('initiative_id', portfolio.ids).delete();
      const [first, second] = await Promise.all([postScan(app, token, AS_OF), postScan(app, token, AS_OF)]);
      const finals = await Promise.all([first, second].map(async (s) => (await waitForScan(app, token, s.id)).final));

      for (const f of finals) expect(f).to.include({ status: 'completed', initiativesScanned: f.initiativesTotal, batchesDone: f.batchesTotal });
      expect(await overlappingOpenGaps(db)).to.deep.equal([]);
      expect(await openGapLines(db, portfolio.ids)).to.deep.equal(expectedLines());
      for (const [id, expected] of portfolio.expected) {
        expect(ordered((await gapsOf(app, token, id)).map((g) => shapeOf(g, true))), `gaps of initiative ${id}`).to.deep.equal(ordered(expected));
      }
      // between them the two scans opened each gap once
      expect(finals[0]!.gapsOpened + finals[1]!.gapsOpened).to.be.at.least(expectedLines().length);
    });

    it('is guarded by the database: a second overlapping open gap of one initiative and kind is refused', async () => {
      const initiative = await makeInitiative(db);
      const gap = (periodStart: string, periodEnd: string) => ({ initiative_id: initiative, kind: 'shortfall', period_start: periodStart, period_end: periodEnd, severity: 'high' });
      const write = db.transaction(async (trx) => {
        await trx('gaps').insert(gap('2027-01-01', '2027-06-30'));
        await trx('gaps').insert(gap('2027-06-30', '2027-12-31'));
      });
      const refused = await write.then(
        () => null,
        (err: unknown) => err as { code?: string; constraint?: string },
      );
      expect(refused).to.include({ code: '23P01', constraint: 'gaps_no_overlapping_open' });
      expect(await countRows(db, 'gaps', (q) => q.where({ initiative_id: initiative }))).to.equal(0);
    });

    it('is guarded by the database across transactions: the second of two overlapping writers at once is refused', async () => {
      const initiative = await makeInitiative(db);
      const gap = (periodStart: string, periodEnd: string) => ({ initiative_id: initiative, kind: 'cliff', period_start: periodStart, period_end: periodEnd, severity: 'low' });
      let releaseFirst!: () => void;
      const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
      let firstWrote!: () => void;
      const wrote = new Promise<void>((resolve) => (firstWrote = resolve));
      const first = db.transaction(async (trx) => {
        await trx('gaps').insert(gap('2027-01-01', '2027-01-31'));
        firstWrote();
        await firstHolds; // not committed yet while the second writes
      });
      await wrote;
      const second = db
        .transaction(async (trx) => {
          await trx('gaps').insert(gap('2027-01-15', '2027-02-15'));
        })
        .then(
          () => null,
          (err: unknown) => err as { code?: string; constraint?: string },
        );
      await new Promise((resolve) => setTimeout(resolve, 200));
      releaseFirst();
      await first;
      expect(await second).to.include({ code: '23P01', constraint: 'gaps_no_overlapping_open' });
      expect(await countRows(db, 'gaps', (q) => q.where({ initiative_id: initiative }))).to.equal(1);
      // A resolved gap and a gap of another kind may overlap it.
      await db('gaps').insert([{ ...gap('2027-01-15', '2027-02-15'), resolved_at: db.fn.now() }, { ...gap('2027-01-15', '2027-02-15'), kind: 'shortfall' }]);
      expect(await countRows(db, 'gaps', (q) => q.where({ initiative_id: initiative }))).to.equal(3);
    });
  });

  describe('a start job taken before the scan record is committed', () => {
    // POST /api/scans puts the start job on the queue inside the transaction that creates the scan
    // record, so a free worker can take the job before that transaction commits. The constraint
    // trigger below makes that commit take a second (only for scans at SLOW_AS_OF), which is what a
    // busy database does now and then.
    const SLOW_AS_OF = '2027-03-16';

    before(async () => {
      await db.raw(`CREATE OR REPLACE FUNCTION test_jobs_slow_commit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(1); RETURN NULL; END $$`);
      await db.raw(`CREATE CONSTRAINT TRIGGER test_jobs_slow_commit AFTER INSERT ON scans DEFERRABLE INITIALLY DEFERRED
                    FOR EACH ROW WHEN (NEW.as_of = '${SLOW_AS_OF}') EXECUTE FUNCTION test_jobs_slow_commit()`);
      await app.startWorker();
      await settle(app);
    });

    after(async () => {
      await db.raw('DROP TRIGGER IF EXISTS test_jobs_slow_commit ON scans');
      await db.raw('DROP FUNCTION IF EXISTS test_jobs_slow_commit()');
    });

    it('still plans the scan and reports the right progress', async () => {
      const initiatives = await countRows(db, 'initiatives');
      const posted = await postScan(app, token, SLOW_AS_OF);
      const { final } = await waitForScan(app, token, posted.id, 40_000);
      expect(final).to.include({
        status: 'completed',
        initiativesTotal: initiatives,
        initiativesScanned: initiatives,
        batchesTotal: Math.ceil(initiatives / BATCH),
        batchesDone: Math.ceil(initiatives / BATCH),
      });
    });
  });
});
