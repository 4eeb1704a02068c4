// A manual portfolio scan end to end: POST /api/scans, the start job fanning out into batch jobs
// on a real worker, the gaps it writes (worked out by hand in portfolio.ts) and its progress; then
// the same scan again, which must change nothing.
import { expect } from 'chai';
import { startTestApp, type TestApp } from '../support/app.js';
import { adminToken } from '../support/factories.js';
import { AS_OF, buildPortfolio, type Portfolio } from './portfolio.js';
import {
  countRows,
  forEachBackend,
  type GapRecord,
  gapsOf,
  getScan,
  lockInitiative,
  ordered,
  postScan,
  QUIET_SCHEDULE,
  type ScanRecord,
  settle,
  shapeOf,
  someoneWaitsForALock,
  waitFor,
  waitForScan,
} from './support.js';

const BATCH = 2;

forEachBackend('portfolio scan', (backend) => {
  let app: TestApp;
  let token: string;
  let portfolio: Portfolio;

  before(async () => {
    app = await startTestApp({ ...backend.overrides, SCAN_BATCH: String(BATCH), SCAN_SCHEDULE: QUIET_SCHEDULE });
    token = await adminToken(app.db);
    await app.startWorker();
    await settle(app);
    portfolio = await buildPortfolio(app.db);
  });

  after(async () => {
    await app?.close();
  });

  describe('a first scan', () => {
    let posted: ScanRecord;
    let whileBlocked: ScanRecord;
    let final: ScanRecord;
    let seen: ScanRecord[];
    let initiatives: number;

    before(async () => {
      initiatives = await countRows(app.db, 'initiatives');
      // C's batch waits for this lock, so the scan can be watched half-way.
      const lock = await lockInitiative(app.db, portfolio.c);
      try {
        posted = await postScan(app, token, AS_OF);
        await waitFor('a batch to wait for the locked initiative', () => someoneWaitsForALock(app.db));
        whileBlocked = await waitFor('the other batches to finish', async () => {
          const scan = await getScan(app, token, posted.id);
          return scan.batchesDone === scan.batchesTotal - 1 ? scan : false;
        });
      } finally {
        await lock.release();
      }
      ({ final, seen } = await waitForScan(app, token, posted.id));
    });

    it('answers 202 with the new scan record', () => {
      expect(posted).to.include({ trigger: 'manual', asOf: AS_OF, error: null, full: false, initiativesUnchanged: 0 });
      expect(posted.id).to.be.a('number');
      expect(posted.status).to.be.oneOf(['queued', 'running']);
    });

    it('finds exactly the gaps worked out by hand', async () => {
      for (const [id, expected] of portfolio.expected) {
        const found = (await gapsOf(app, token, id)).map((g) => shapeOf(g, true));
        expect(ordered(found), `gaps of initiative ${id}`).to.deep.equal(ordered(expected));
      }
    });

    it('updates a stale open gap that overlaps a found one instead of opening another', async () => {
      const shortfalls = (await gapsOf(app, token, portfolio.a, true)).filter((g) => g.kind === 'shortfall');
      expect(shortfalls.map((g) => [g.id, g.periodStart, g.periodEnd, g.shortfallCents, g.severity, g.resolvedAt])).to.deep.equal([
        [portfolio.staleOfA, '2027-07-01', '2027-12-31', 184_000, 'high', null],
      ]);
    });

    it('resolves the open gaps nothing matched, including those of a stopped initiative', async () => {
      for (const [initiative, stale] of [
        [portfolio.b, portfolio.staleOfB],
        [portfolio.d, portfolio.staleOfD],
      ] as const) {
        const all = await gapsOf(app, token, initiative, true);
        expect(all.map((g: GapRecord) => g.id)).to.deep.equal([stale]);
        expect(all[0]!.resolvedAt, `resolvedAt of gap ${stale}`).to.be.a('string');
      }
    });

    it('counts every initiative once, in batches of SCAN_BATCH', () => {
      expect(final).to.include({
        status: 'completed',
        initiativesTotal: initiatives,
        initiativesScanned: initiatives,
        batchesTotal: Math.ceil(initiatives / BATCH),
        batchesDone: Math.ceil(initiatives / BATCH),
        error: null,
      });
      expect(final.finishedAt).to.be.a('string');
      expect(Date.parse(final.finishedAt!)).to.be.at.least(Date.parse(final.startedAt));
      // At least this fixture's 2 new gaps of A, 4 of C and 3 of E, and the stale gaps of B and D.
      expect(final.gapsOpened).to.be.at.least(9);
      expect(final.gapsResolved).to.be.at.least(2);
    });

    it('shows its progress while a batch is still out', () => {
      expect(whileBlocked).to.include({
        status: 'running',
        batchesTotal: final.batchesTotal,
        initiativesTotal: final.initiativesTotal,
        batchesDone: final.batchesTotal - 1,
        finishedAt: null,
      });
      expect(whileBlocked.initiativesScanned).to.be.within(final.initiativesTotal - BATCH, final.initiativesTotal - 1);
    });

    it('never reports more done than planned, nor goes backwards', () => {
      let previous: ScanRecord | undefined;
      for (const scan of seen) {
        expect(scan.batchesDone).to.be.at.most(scan.batchesTotal);
        expect(scan.initiativesScanned).to.be.at.most(scan.initiativesTotal);
        if (scan.status !== 'completed') expect(scan.finishedAt).to.equal(null);
        if (previous) {
          expect(scan.batchesDone).to.be.at.least(previous.batchesDone);
          expect(scan.initiativesScanned).to.be.at.least(previous.initiativesScanned);
        }
        previous = scan;
      }
    });
  });

  describe('a second scan at the same asOf', () => {
    type GapRow = Record<string, unknown>;
    let before_: GapRow[];
    let second: ScanRecord;

    const rowsOfPortfolio = () => app.db('gaps').whereIn('initiative_id', portfolio.ids).orderBy('id').select<GapRow[]>('*');

    before(async () => {
      before_ = await rowsOfPortfolio();
      const posted = await postScan(app, token, AS_OF);
      second = (await waitForScan(app, token, posted.id)).final;
    });

    it('leaves every gap row of the portfolio exactly as it was', async () => {
      expect(before_).to.have.length(12);
      expect(await rowsOfPortfolio()).to.deep.equal(before_);
    });

    it('opens and resolves nothing anywhere', async () => {
      expect(second).to.include({ status: 'completed', gapsOpened: 0, gapsResolved: 0 });
      const batches = await app.db('scan_batches').where({ scan_id: second.id }).select<{ gaps_opened: number; gaps_resolved: number }[]>('gaps_opened', 'gaps_resolved');
      expect(batches).to.have.length(second.batchesTotal);
      expect(batches.filter((b) => b.gaps_opened !== 0 || b.gaps_resolved !== 0)).to.deep.equal([]);
    });
  });
  describe('a scan after a change made straight in the database', () => {
    let gone: { id: number; initiativeId: number };
    let sameDay: ScanRecord;
    let full: ScanRecord;

    before(async () => {
      // Outside Vangnet: no rescan outbox row, no figures version.
      const [row] = await app.db('gaps').whereIn('initiative_id', portfolio.ids).whereNull('resolved_at').orderBy('id').limit(1).select<{ id: number; initiative_id: number }[]>('id', 'initiative_id');
      gone = { id: row!.id, initiativeId: row!.initiative_id };
      await app.db('gaps').where({ id: gone.id }).delete();
      sameDay = (await waitForScan(app, token, (await postScan(app, token, AS_OF)).id)).final;
      full = (await waitForScan(app, token, (await postScan(app, token, AS_OF, true)).id)).final;
    });

    it('is left alone by a scan for the same day, which evaluates only what changed through Vangnet', () => {
      expect(sameDay).to.include({ status: 'completed', full: false, gapsOpened: 0, gapsResolved: 0, initiativesUnchanged: sameDay.initiativesTotal });
    });

    it('is found by a full scan, which evaluates every initiative again', async () => {
      expect(full).to.include({ status: 'completed', full: true, gapsOpened: 1, gapsResolved: 0, initiativesUnchanged: 0 });
      const found = (await gapsOf(app, token, gone.initiativeId)).map((g) => shapeOf(g, true));
      expect(ordered(found)).to.deep.equal(ordered(portfolio.expected.get(gone.initiativeId)!));
    });

    it('refuses a full flag that is not a boolean', async () => {
      const before = await countRows(app.db, 'scans');
      const res = await app.request('POST', '/api/scans', { token, body: { asOf: AS_OF, full: 'ja' } });
      expect(res.status).to.equal(400);
      expect(JSON.stringify(res.body)).to.contain('"full"').and.to.contain('field.bool');
      expect(await countRows(app.db, 'scans')).to.equal(before);
    });
  });
});
