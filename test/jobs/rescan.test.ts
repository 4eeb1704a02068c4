// Rescan on change: a write through the API records its initiative in rescan_outbox in the same
// transaction; the relay hands it to the rescan queue and a worker rescans the initiative
// (trigger `change`, as of today). A burst of edits collapses into at most two rescans.
import { expect } from 'chai';
import { addMonthsToMonth, daysInYear, lastDayOfMonth, monthOf, toEpochDay, yearOf } from '../../server/domain/dates.js';
import { today } from '../../server/services/clock.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { adminToken, makeFunder } from '../support/factories.js';
import type { ApiRecord } from '../support/records.js';
import { countRows, dbNow, forEachBackend, gapsOf, QUIET_SCHEDULE, settle, type GapRecord, waitFor } from './support.js';

forEachBackend('rescan on change', (backend) => {
  let app: TestApp;
  let token: string;
  let funderId: number;
  let initiativeId: number;
  let shortfall: GapRecord;
  // Rescans look from today: next year lies wholly inside their 60-month horizon.
  const asOf = today();
  const year = yearOf(asOf) + 1;
  const yearCents = 1_000 * daysInYear(year);
  const horizonEnd = lastDayOfMonth(addMonthsToMonth(monthOf(asOf), 59));

  const post = async (resource: string, body: Record<string, unknown>): Promise<ApiRecord> => {
    const res = await app.request<ApiRecord>('POST', `/api/${resource}`, { token, body });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    return res.body;
  };

  const changeScansSince = (since: Date) => countRows(app.db, 'scans', (q) => q.where({ trigger: 'change' }).where('started_at', '>=', since));

  before(async () => {
    app = await startTestApp({ ...backend.overrides, SCAN_SCHEDULE: QUIET_SCHEDULE });
    token = await adminToken(app.db);
    funderId = await makeFunder(app.db);
    await app.startWorker();
    await settle(app);
    initiativeId = (await post('initiatives', { name: 'Buurthuis De Rescan', foundedOn: `${year - 3}-01-01`, municipality: 'Utrecht' })).id;
  });

  after(async () => {
    await app?.close();
  });

  it('opens a shortfall soon after a budget without funding is added', async () => {
    // need 1_000 a day in `year` and none after it (a budget of 0), nothing committed: one
    // shortfall over the whole year
    await post('budgets', { initiativeId, year, amountCents: yearCents });
    await post('budgets', { initiativeId, year: year + 1, amountCents: 0 });
    shortfall = await waitFor(
      'the shortfall to open',
      async () => (await gapsOf(app, token, initiativeId)).find((g) => g.kind === 'shortfall'),
      5_000,
    );
    expect(shortfall).to.include({ periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, shortfallCents: yearCents, resolvedAt: null });
  });

  it('resolves the shortfall within a few seconds once a commitment covers it', async () => {
    const started = Date.now();
    const commitment = await post('commitments', {
      initiativeId,
      funderId,
      title: 'Wmo-subsidie',
      kind: 'subsidy',
      status: 'committed',
      startDate: `${year}-01-01`,
      endDate: `${year}-12-31`,
      amountCents: yearCents,
    });
    const resolved = await waitFor(
      'the shortfall to be resolved',
      async () => {
        const res = await app.request<GapRecord>('GET', `/api/gaps/${shortfall.id}`, { token });
        return res.body.resolvedAt ? res.body : false;
      },
      5_000,
    );
    expect(Date.now() - started).to.be.below(5_000);
    expect(resolved.resolvedAt).to.be.a('string');
    // What is left is the cliff when the commitment ends.
    const open = await gapsOf(app, token, initiativeId);
    expect(open.map((g) => [g.kind, g.periodStart, g.periodEnd, g.details])).to.deep.equal([
      [
        'cliff',
        `${year + 1}-01-01`,
        `${year + 1}-01-31`,
        { month: `${year + 1}-01`, endingCommitmentIds: [commitment.id], previousFundingCents: 31_000, fundingCents: 0, dropCents: 31_000, dropShare: 1, cliffPercent: 70 },
      ],
    ]);
    const scan = await app.db('scans').where({ trigger: 'change' }).orderBy('id', 'desc').first<{ as_of: string; status: string; initiatives_total: number }>();
    expect(scan).to.include({ as_of: asOf, status: 'completed', initiatives_total: 1 });
  });

  describe('a burst of ten edits sent at once', () => {
    let changeScans: number;
    let outboxEmptyAfterMs: number;

    before(async () => {
      await settle(app);
      const since = await dbNow(app.db);
      // ten budgets for the years after the year of 0
      await Promise.all(Array.from({ length: 10 }, (_, i) => post('budgets', { initiativeId, year: year + 2 + i, amountCents: 1_000 * daysInYear(year + 2 + i) })));
      const sent = Date.now();
      outboxEmptyAfterMs = await waitFor('the outbox to empty', async () => (await countRows(app.db, 'rescan_outbox')) === 0 && Date.now() - sent, 10_000).catch(() => Infinity);
      await settle(app);
      changeScans = await changeScansSince(since);
    });

    it('rescans the initiative at most twice', () => {
      expect(changeScans).to.be.within(1, 2);
    });

    it('ends with a rescan that saw every edit', async () => {
      // need from two years after the commitment to the horizon's end, none of it funded
      const days = toEpochDay(horizonEnd) - toEpochDay(`${year + 2}-01-01`) + 1;
      const open = (await gapsOf(app, token, initiativeId)).filter((g) => g.kind === 'shortfall');
      expect(open.map((g) => [g.periodStart, g.periodEnd, g.shortfallCents])).to.deep.equal([[`${year + 2}-01-01`, horizonEnd, 1_000 * days]]);
    });

    it('empties the outbox within a few seconds', () => {
      expect(outboxEmptyAfterMs).to.be.below(3_000);
    });
  });

  describe('a burst of ten edits sent one after the other', () => {
    let other: number;
    let changeScans: number;

    before(async () => {
      other = (await post('initiatives', { name: 'Buurthuis De Bulk', foundedOn: `${year - 3}-01-01`, municipality: 'Utrecht' })).id;
      let budget = await post('budgets', { initiativeId: other, year, amountCents: yearCents });
      await post('budgets', { initiativeId: other, year: year + 1, amountCents: 0 });
      await settle(app);
      const since = await dbNow(app.db);
      // as a script or a quick hand in the console saves them: each edit waits for the previous one
      for (let i = 1; i <= 10; i++) {
        const res = await app.request<ApiRecord>('PUT', `/api/budgets/${budget.id}`, { token, body: { ...budget, amountCents: (yearCents / 10) * (10 + i) } });
        expect(res.status, JSON.stringify(res.body)).to.equal(200);
        budget = res.body;
      }
      await settle(app);
      changeScans = await changeScansSince(since);
    });

    it('ends with a rescan that saw the last edit', async () => {
      const open = (await gapsOf(app, token, other)).filter((g) => g.kind === 'shortfall');
      expect(open.map((g) => [g.periodStart, g.periodEnd, g.shortfallCents])).to.deep.equal([[`${year}-01-01`, `${year}-12-31`, 2 * yearCents]]);
    });

    it('rescans the initiative at most twice', () => {
      expect(changeScans).to.be.within(1, 2);
    });
  });
});
