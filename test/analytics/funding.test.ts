// GET /api/stats/funding: need, committed and pipeline funding of the active initiatives the user
// may see over the months from the month of `asOf`. Seen through a fresh funder user, whose
// visible initiatives are the ones made here (plus any other files share with all funders; no
// other file uses the years 2089–2090).
import { expect } from 'chai';
import { bumpFiguresVersion } from '../../server/data/figuresVersion.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { rescanEach } from '../support/rescans.js';
import { makeBudget, makeCommitment, makeFunder, makeInitiative, makeTranche } from '../support/factories.js';
import { itRefusesQueries, type ApiErrorBody } from '../support/records.js';
import { amsterdamToday, funderUserToken } from './shapes.js';

interface FundingBody {
  asOf: string;
  from: string;
  to: string;
  months: number;
  needCents: number;
  committedCents: number;
  pipelineCents: number;
  coverage: number | null;
  computed: 'kept' | 'live';
}

describe('analytics: funding over the coming months (/api/stats/funding)', () => {
  let app: TestApp;
  let token: string;
  let gemeente = 0;

  before(async () => {
    app = await startTestApp();
    gemeente = await makeFunder(app.db, { type: 'municipality' });
    const fonds = await makeFunder(app.db);
    // A: budget 2089 of 365_000 (1_000 a day; 2089 is not a leap year), 2090 of 730_000 (2_000 a day).
    const a = await makeInitiative(app.db);
    await makeBudget(app.db, a, { year: 2089, amountCents: 365_000 });
    await makeBudget(app.db, a, { year: 2090, amountCents: 730_000 });
    // Committed, no tranches: 2089-07-01..2090-06-30 (365 days), 365_000 → 1_000 a day.
    await makeCommitment(app.db, a, gemeente, { startDate: '2089-07-01', endDate: '2090-06-30', amountCents: 365_000 });
    // Requested, over 2090 (365 days), 365_000 → 1_000 a day: pipeline only.
    await makeCommitment(app.db, a, gemeente, { status: 'requested', startDate: '2090-01-01', endDate: '2090-12-31', amountCents: 365_000 });
    // B: committed with a cancelled and a planned tranche; the planned one 2089-10-01..2089-10-31
    // (31 days) of 31_000 → 1_000 a day.
    const b = await makeInitiative(app.db, { sharedWithFunders: true });
    const withTranches = await makeCommitment(app.db, b, fonds, { startDate: '2089-01-01', endDate: '2089-12-31', amountCents: 100_000 });
    await makeTranche(app.db, withTranches, { periodStart: '2089-10-01', periodEnd: '2089-10-31', amountCents: 31_000 });
    await makeTranche(app.db, withTranches, { periodStart: '2089-11-01', periodEnd: '2089-11-30', amountCents: 50_000, status: 'cancelled' });
    // C: stopped, funded by the gemeente: never counted.
    const c = await makeInitiative(app.db, { status: 'stopped' });
    await makeBudget(app.db, c, { year: 2089, amountCents: 999_999 });
    await makeCommitment(app.db, c, gemeente, { startDate: '2089-01-01', endDate: '2089-12-31', amountCents: 999_999 });
    token = await funderUserToken(app.db, gemeente);
  });
  after(() => app.close());

  const funding = (query: string) => app.request<FundingBody>('GET', `/api/stats/funding${query}`, { token });

  it('adds up need and funding over the twelve months from the month of asOf', async () => {
    // Window 2089-09-01..2090-08-31.
    // Need: 2089-09-01..12-31 is 122 days × 1_000 = 122_000; 2090-01-01..08-31 is 243 days × 2_000 = 486_000.
    // Committed: A's commitment 2089-09-01..2090-06-30 = 303 days × 1_000 = 303_000; B's planned
    // tranche 31_000 (the cancelled one counts nothing) → 334_000.
    // Pipeline adds A's request 2090-01-01..08-31 = 243 days × 1_000 = 243_000 → 577_000.
    const res = await funding('?asOf=2089-09-17');
    expect(res.status).to.equal(200);
    expect(res.body).to.deep.equal({
      asOf: '2089-09-17',
      from: '2089-09',
      to: '2090-08',
      months: 12,
      needCents: 608_000,
      committedCents: 334_000,
      pipelineCents: 577_000,
      coverage: 334_000 / 608_000,
      computed: 'live',
    });
  });

  it('takes another number of months, and defaults asOf to today', async () => {
    // 2089-10-01..2089-10-31: need 31 × 1_000; committed A 31 × 1_000 + B 31_000.
    const res = await funding('?asOf=2089-10-31&months=1');
    expect(res.body).to.deep.include({ from: '2089-10', to: '2089-10', needCents: 31_000, committedCents: 62_000, pipelineCents: 62_000, coverage: 2 });
    const now = await funding('');
    expect(now.body.asOf).to.equal(amsterdamToday());
    expect(now.body.months).to.equal(12);
  });

  it('answers the same from the figures a scan kept for the month of asOf, and computes live beyond them', async () => {
    const before = await funding('?asOf=2089-09-17');
    const oneMonth = await funding('?asOf=2089-10-31&months=1');
    // The scan's batch over every initiative this funder user sees, as of a day in September 2089.
    const visible = await app.db('initiatives')
      .where('shared_with_funders', true)
      .orWhereExists(app.db('commitments').whereRaw('commitments.initiative_id = initiatives.id').where('funder_id', gemeente))
      .orderBy('id')
      .pluck<number[]>('id');
    await rescanEach(app.db, visible, '2089-09-03');
    const kept = await funding('?asOf=2089-09-17');
    expect(kept.body).to.deep.equal({ ...before.body, computed: 'kept' });
    // A change waiting for its rescan: computed for the request, which must give the same figures.
    for (const months of [1, 5, 12]) {
      const fromKept = await funding(`?asOf=2089-09-30&months=${months}`);
      expect(fromKept.body.computed).to.equal('kept');
      await app.db('rescan_outbox').insert({ initiative_id: visible[0] });
      await bumpFiguresVersion(app.db);
      try {
        const live = await funding(`?asOf=2089-09-30&months=${months}`);
        expect(fromKept.body).to.deep.equal({ ...live.body, computed: 'kept' });
      } finally {
        await app.db('rescan_outbox').where({ initiative_id: visible[0] }).delete();
        await bumpFiguresVersion(app.db);
      }
    }
    // Another month, or more months than are kept: computed for the request.
    expect((await funding('?asOf=2089-10-31&months=1')).body).to.deep.equal(oneMonth.body);
    expect((await funding('?asOf=2089-09-17&months=13')).body.computed).to.equal('live');
  });

  itRefusesQueries((query) => app.request<ApiErrorBody>('GET', `/api/stats/funding${query}`, { token }), [
    ['?months=0', 'months'],
    ['?months=61', 'months'],
    ['?asOf=2089-02-29', 'asOf'],
  ]);
});
