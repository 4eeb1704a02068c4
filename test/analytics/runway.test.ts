// GET /api/initiatives/{id}/runway through real HTTP, every figure worked out by hand from
// DESIGN.md "Runway", "Funding timing" and "Need". Amounts are chosen as whole cents per day, so
// every month's figure is an exact integer and the arithmetic in the comments is the whole story.
import { expect } from 'chai';
import { startTestApp, type TestApp } from '../support/app.js';
import { adminToken, makeBudget, makeCommitment, makeFunder, makeInitiative, makeTranche } from '../support/factories.js';
import { itRefusesQueries, type ApiErrorBody } from '../support/records.js';
import { amsterdamToday, funderUserToken, initiativeUserToken, type RunwayBody } from './shapes.js';

describe('analytics: runway', () => {
  let app: TestApp;
  let admin: string;

  before(async () => {
    app = await startTestApp();
    admin = await adminToken(app.db);
  });

  after(async () => {
    await app.close();
  });

  const runway = (id: number | string, query: string, token = admin) => app.request<RunwayBody>('GET', `/api/initiatives/${id}/runway${query}`, { token });

  it('spreads a leap-year budget over 366 days and lets the reserves carry the runway', async () => {
    // Budget 2028 = 366_000 cents over 366 days = 1_000 a day: January 31_000, February 29_000.
    // Reserves 100_000, no funding:
    //   2028-01  need 31_000  balance 100_000 − 31_000 = 69_000
    //   2028-02  need 29_000  balance 69_000 − 29_000 = 40_000
    //   2028-03  need 31_000  balance 40_000 − 31_000 =  9_000
    //   2028-04  need 30_000  balance  9_000 − 30_000 = −21_000  ← first month ending negative
    // so 3 months of runway, funded through 2028-03-31. asOf is mid-month: January still counts whole.
    const id = await makeInitiative(app.db, { reservesCents: 100_000 });
    await makeBudget(app.db, id, { year: 2028, amountCents: 366_000 });
    await makeBudget(app.db, id, { year: 2029, amountCents: 0 });

    const res = await runway(id, '?asOf=2028-01-15');
    expect(res.status).to.equal(200);
    expect(res.body.initiativeId).to.equal(id);
    expect(res.body.asOf).to.equal('2028-01-15');
    expect(res.body.scenario).to.equal('committed');
    expect(res.body.runwayMonths).to.equal(3);
    expect(res.body.fundedThrough).to.equal('2028-03-31');
    expect(res.body.horizonReached).to.equal(false);
    expect(res.body.months).to.have.length(60);
    expect(res.body.months.slice(0, 4)).to.deep.equal([
      { month: '2028-01', needCents: 31_000, fundingCents: 0, balanceCents: 69_000, needEstimated: false },
      { month: '2028-02', needCents: 29_000, fundingCents: 0, balanceCents: 40_000, needEstimated: false },
      { month: '2028-03', needCents: 31_000, fundingCents: 0, balanceCents: 9_000, needEstimated: false },
      { month: '2028-04', needCents: 30_000, fundingCents: 0, balanceCents: -21_000, needEstimated: false },
    ]);
    // The whole year's need is spent by December: 100_000 − 366_000 = −266_000; a budget of 0 after it,
    // carried forward (estimated) from 2030.
    expect(res.body.months[11]).to.deep.equal({ month: '2028-12', needCents: 31_000, fundingCents: 0, balanceCents: -266_000, needEstimated: false });
    expect(res.body.months[12]).to.deep.equal({ month: '2029-01', needCents: 0, fundingCents: 0, balanceCents: -266_000, needEstimated: false });
    // 60 months from 2028-01: the last is 2032-12.
    expect(res.body.months[59]).to.deep.equal({ month: '2032-12', needCents: 0, fundingCents: 0, balanceCents: -266_000, needEstimated: true });
  });

  it('accepts 29 February of a leap year as asOf and starts with February', async () => {
    const id = await makeInitiative(app.db, { reservesCents: 100_000 });
    await makeBudget(app.db, id, { year: 2028, amountCents: 366_000 });
    // From February: 100_000 − 29_000 = 71_000; − 31_000 = 40_000 (Mar); − 30_000 = 10_000 (Apr);
    // − 31_000 = −21_000 (May) → 3 months, through 2028-04-30.
    const res = await runway(id, '?asOf=2028-02-29');
    expect(res.status).to.equal(200);
    expect(res.body.months[0]).to.deep.equal({ month: '2028-02', needCents: 29_000, fundingCents: 0, balanceCents: 71_000, needEstimated: false });
    expect(res.body.runwayMonths).to.equal(3);
    expect(res.body.fundedThrough).to.equal('2028-04-30');
  });

  describe('committed and pipeline, tranches across a year end, a cancelled tranche', () => {
    let id: number;

    before(async () => {
      // Budgets 2026 and 2027 of 365_000 each: 1_000 a day. No reserves.
      id = await makeInitiative(app.db, { reservesCents: 0 });
      await makeBudget(app.db, id, { year: 2026, amountCents: 365_000 });
      await makeBudget(app.db, id, { year: 2027, amountCents: 365_000 });
      const funder = await makeFunder(app.db);
      // A committed commitment whose money comes by its tranches (not by its own period):
      const committed = await makeCommitment(app.db, id, funder, { status: 'committed', startDate: '2026-07-01', endDate: '2027-06-30', amountCents: 150_000 });
      //   November 2026: 30_000 over 30 days, received
      await makeTranche(app.db, committed, { periodStart: '2026-11-01', periodEnd: '2026-11-30', amountCents: 30_000, status: 'received' });
      //   across the year end: 62_000 over 62 days = 31_000 in December, 31_000 in January
      await makeTranche(app.db, committed, { periodStart: '2026-12-01', periodEnd: '2027-01-31', amountCents: 62_000, status: 'planned' });
      //   February 2027, cancelled: carries nothing (else February would get 56_000)
      await makeTranche(app.db, committed, { periodStart: '2027-02-01', periodEnd: '2027-02-28', amountCents: 56_000, status: 'cancelled' });
      // A requested commitment without tranches: 59_000 over its own 59 days (Feb 28 + Mar 31),
      // 1_000 a day: February 28_000, March 31_000. Counts in the pipeline only.
      await makeCommitment(app.db, id, funder, { status: 'requested', startDate: '2027-02-01', endDate: '2027-03-31', amountCents: 59_000 });
      // A declined commitment counts nowhere (else April would be covered in the pipeline).
      await makeCommitment(app.db, id, funder, { status: 'declined', startDate: '2027-04-01', endDate: '2027-04-30', amountCents: 30_000 });
    });

    it('counts only committed tranches, never a cancelled one', async () => {
      //   2026-11  need 30_000  funding 30_000  balance 0
      //   2026-12  need 31_000  funding 31_000  balance 0
      //   2027-01  need 31_000  funding 31_000  balance 0
      //   2027-02  need 28_000  funding      0  balance −28_000  ← first negative
      // A balance of exactly 0 is not negative: runway 3, funded through 2027-01-31.
      const res = await runway(id, '?asOf=2026-11-10&scenario=committed');
      expect(res.status).to.equal(200);
      expect(res.body.scenario).to.equal('committed');
      expect(res.body.months.slice(0, 5)).to.deep.equal([
        { month: '2026-11', needCents: 30_000, fundingCents: 30_000, balanceCents: 0, needEstimated: false },
        { month: '2026-12', needCents: 31_000, fundingCents: 31_000, balanceCents: 0, needEstimated: false },
        { month: '2027-01', needCents: 31_000, fundingCents: 31_000, balanceCents: 0, needEstimated: false },
        { month: '2027-02', needCents: 28_000, fundingCents: 0, balanceCents: -28_000, needEstimated: false },
        { month: '2027-03', needCents: 31_000, fundingCents: 0, balanceCents: -59_000, needEstimated: false },
      ]);
      expect(res.body.runwayMonths).to.equal(3);
      expect(res.body.fundedThrough).to.equal('2027-01-31');
      expect(res.body.horizonReached).to.equal(false);
      // By the end of 2027 the unfunded days Feb–Dec (334 of them) are all spent: −334_000.
      expect(res.body.months[13]).to.deep.equal({ month: '2027-12', needCents: 31_000, fundingCents: 0, balanceCents: -334_000, needEstimated: false });
      expect(res.body.months[59]!.month).to.equal('2031-10');
    });

    it('adds requested and conditional commitments in the pipeline scenario', async () => {
      //   2027-02  need 28_000  funding 28_000 (requested)  balance 0
      //   2027-03  need 31_000  funding 31_000 (requested)  balance 0
      //   2027-04  need 30_000  funding 0 (declined counts nowhere)  balance −30_000
      // runway 5 (Nov..Mar), funded through 2027-03-31.
      const res = await runway(id, '?asOf=2026-11-10&scenario=pipeline');
      expect(res.status).to.equal(200);
      expect(res.body.scenario).to.equal('pipeline');
      expect(res.body.months.slice(3, 6)).to.deep.equal([
        { month: '2027-02', needCents: 28_000, fundingCents: 28_000, balanceCents: 0, needEstimated: false },
        { month: '2027-03', needCents: 31_000, fundingCents: 31_000, balanceCents: 0, needEstimated: false },
        { month: '2027-04', needCents: 30_000, fundingCents: 0, balanceCents: -30_000, needEstimated: false },
      ]);
      expect(res.body.runwayMonths).to.equal(5);
      expect(res.body.fundedThrough).to.equal('2027-03-31');
      // Apr–Dec 2027 unfunded: 275 days → −275_000.
      expect(res.body.months[13]!.balanceCents).to.equal(-275_000);
    });

    it('counts a conditional commitment in the pipeline too', async () => {
      const other = await makeInitiative(app.db, { reservesCents: 0 });
      await makeBudget(app.db, other, { year: 2027, amountCents: 365_000 });
      const funder = await makeFunder(app.db);
      // conditional, 31_000 over January's 31 days: pipeline January is covered, committed is not
      await makeCommitment(app.db, other, funder, { status: 'conditional', startDate: '2027-01-01', endDate: '2027-01-31', amountCents: 31_000 });
      const pipeline = await runway(other, '?asOf=2027-01-01&scenario=pipeline');
      expect(pipeline.body.months[0]).to.deep.equal({ month: '2027-01', needCents: 31_000, fundingCents: 31_000, balanceCents: 0, needEstimated: false });
      expect(pipeline.body.runwayMonths).to.equal(1);
      const committed = await runway(other, '?asOf=2027-01-01');
      expect(committed.body.months[0]).to.deep.equal({ month: '2027-01', needCents: 31_000, fundingCents: 0, balanceCents: -31_000, needEstimated: false });
      expect(committed.body.runwayMonths).to.equal(0);
    });
  });

  it('spreads a commitment without tranches over the days of its own period, across a year end', async () => {
    // 60_000 over 2026-12-17..2027-01-15 = 30 days = 2_000 a day: December has 15 of those days
    // (17..31) = 30_000, January 15 days = 30_000. Budgets 1_000 a day. Reserves 1_000:
    //   2026-12  need 31_000  funding 30_000  balance 1_000 − 1_000 = 0
    //   2027-01  need 31_000  funding 30_000  balance −1_000  ← first negative
    const id = await makeInitiative(app.db, { reservesCents: 1_000 });
    await makeBudget(app.db, id, { year: 2026, amountCents: 365_000 });
    await makeBudget(app.db, id, { year: 2027, amountCents: 365_000 });
    await makeCommitment(app.db, id, await makeFunder(app.db), { status: 'completed', startDate: '2026-12-17', endDate: '2027-01-15', amountCents: 60_000 });

    const res = await runway(id, '?asOf=2026-12-01');
    expect(res.body.months.slice(0, 2)).to.deep.equal([
      { month: '2026-12', needCents: 31_000, fundingCents: 30_000, balanceCents: 0, needEstimated: false },
      { month: '2027-01', needCents: 31_000, fundingCents: 30_000, balanceCents: -1_000, needEstimated: false },
    ]);
    expect(res.body.runwayMonths).to.equal(1);
    expect(res.body.fundedThrough).to.equal('2026-12-31');
  });

  it('answers 0 months and fundedThrough null when the first month already ends negative', async () => {
    // May 2026: need 31_000, nothing else → −31_000 at once.
    const id = await makeInitiative(app.db, { reservesCents: 0 });
    await makeBudget(app.db, id, { year: 2026, amountCents: 365_000 });
    const res = await runway(id, '?asOf=2026-05-31');
    expect(res.body.months[0]).to.deep.equal({ month: '2026-05', needCents: 31_000, fundingCents: 0, balanceCents: -31_000, needEstimated: false });
    expect(res.body.runwayMonths).to.equal(0);
    expect(res.body.fundedThrough).to.equal(null);
    expect(res.body.horizonReached).to.equal(false);
  });

  it('carries a 2026 budget forward through 2031 as estimated need, so the budget stopping is no full runway', async () => {
    // Budget 2026 only: 365_000 (1_000 a day); reserves 500_000; asOf 2026-07-01. July–December
    // need 184_000 → 316_000 left; 2027 needs 2026's 365_000, estimated: January 31_000 ... the
    // reserves last until the end of October 2027 (316_000 − 304_000 = 12_000), November ends at −18_000.
    const id = await makeInitiative(app.db, { reservesCents: 500_000 });
    await makeBudget(app.db, id, { year: 2026, amountCents: 365_000 });
    const res = await runway(id, '?asOf=2026-07-01');
    expect(res.body).to.deep.include({ runwayMonths: 16, fundedThrough: '2027-10-31', horizonReached: false, budgetThrough: 2026 });
    expect(res.body.months[5]).to.deep.equal({ month: '2026-12', needCents: 31_000, fundingCents: 0, balanceCents: 316_000, needEstimated: false });
    expect(res.body.months[6]).to.deep.equal({ month: '2027-01', needCents: 31_000, fundingCents: 0, balanceCents: 285_000, needEstimated: true });
    expect(res.body.months[15]).to.deep.equal({ month: '2027-10', needCents: 31_000, fundingCents: 0, balanceCents: 12_000, needEstimated: true });
    expect(res.body.months[16]).to.deep.equal({ month: '2027-11', needCents: 30_000, fundingCents: 0, balanceCents: -18_000, needEstimated: true });
    // every month 2027..2031 needs the 2026 rate: June 2031, the horizon's last month, 30_000
    expect(res.body.months[59]).to.deep.include({ month: '2031-06', needCents: 30_000, needEstimated: true });

    // an explicit budget of 0 for 2028 stops the need (and is carried forward as 0)
    await makeBudget(app.db, id, { year: 2028, amountCents: 0 });
    const stopped = await runway(id, '?asOf=2026-07-01');
    expect(stopped.body).to.deep.include({ runwayMonths: 16, budgetThrough: 2028 });
    expect(stopped.body.months[18]).to.deep.equal({ month: '2028-01', needCents: 0, fundingCents: 0, balanceCents: 316_000 - 365_000, needEstimated: false });
    expect(stopped.body.months[59]).to.deep.include({ month: '2031-06', needCents: 0, needEstimated: true });
  });

  it('reaches the 60-month horizon when the reserves outlast the need', async () => {
    // Reserves 1_000_000, budget 2026 365_000 (1_000 a day), from March: Mar–Dec is 306 days →
    // 1_000_000 − 306_000 = 694_000 at the end of 2026, and nothing changes after it (a budget of 0).
    const id = await makeInitiative(app.db, { reservesCents: 1_000_000 });
    await makeBudget(app.db, id, { year: 2026, amountCents: 365_000 });
    await makeBudget(app.db, id, { year: 2027, amountCents: 0 });
    const res = await runway(id, '?asOf=2026-03-01');
    expect(res.body.months[0]).to.deep.equal({ month: '2026-03', needCents: 31_000, fundingCents: 0, balanceCents: 969_000, needEstimated: false });
    expect(res.body.months[9]).to.deep.equal({ month: '2026-12', needCents: 31_000, fundingCents: 0, balanceCents: 694_000, needEstimated: false });
    expect(res.body.months[59]).to.deep.equal({ month: '2031-02', needCents: 0, fundingCents: 0, balanceCents: 694_000, needEstimated: true });
    expect(res.body.runwayMonths).to.equal(60);
    expect(res.body.fundedThrough).to.equal('2031-02-28');
    expect(res.body.horizonReached).to.equal(true);
  });

  it('treats an initiative without a budget as never running out', async () => {
    const id = await makeInitiative(app.db);
    const res = await runway(id, '?asOf=2026-01-01');
    expect(res.status).to.equal(200);
    expect(res.body.runwayMonths).to.equal(60);
    expect(res.body.fundedThrough).to.equal('2030-12-31');
    expect(res.body.horizonReached).to.equal(true);
    expect(res.body.months).to.have.length(60);
    expect(res.body.months.every((m) => m.needCents === 0 && m.fundingCents === 0 && m.balanceCents === 0)).to.equal(true);
  });

  it('uses today in the Netherlands when asOf is not given', async () => {
    const id = await makeInitiative(app.db);
    const res = await runway(id, '');
    expect(res.status).to.equal(200);
    const today = amsterdamToday();
    expect(res.body.asOf).to.equal(today);
    expect(res.body.scenario).to.equal('committed');
    expect(res.body.months[0]!.month).to.equal(today.slice(0, 7));
  });

  describe('bad parameters', () => {
    let id: number;
    before(async () => {
      id = await makeInitiative(app.db);
    });

    itRefusesQueries((query) => app.request<ApiErrorBody>('GET', `/api/initiatives/${id}/runway${query}`, { token: admin }), [
      ['?asOf=2027-02-30', 'asOf'],
      ['?asOf=2027-13-01', 'asOf'],
      ['?asOf=1-1-2027', 'asOf'],
      ['?asOf=2027-01-01&asOf=2027-02-01', 'asOf'],
      ['?scenario=maybe', 'scenario'],
    ]);

    it('answers 404 for an id that does not exist or is not a number', async () => {
      expect((await runway(2_000_000_000, '?asOf=2027-01-01')).status).to.equal(404);
      expect((await runway('abc', '?asOf=2027-01-01')).status).to.equal(404);
      expect((await runway(0, '?asOf=2027-01-01')).status).to.equal(404);
    });

    it('answers 401 without a token', async () => {
      const res = await app.request('GET', `/api/initiatives/${id}/runway?asOf=2027-01-01`);
      expect(res.status).to.equal(401);
    });
  });

  describe('who may see it', () => {
    let funded: number;
    let notFunded: number;
    let shared: number;
    let funderToken: string;
    let initiativeToken: string;

    before(async () => {
      const mine = await makeFunder(app.db);
      const other = await makeFunder(app.db);
      funded = await makeInitiative(app.db);
      notFunded = await makeInitiative(app.db, { sharedWithFunders: false });
      shared = await makeInitiative(app.db, { sharedWithFunders: true });
      // Even a requested commitment makes "the initiatives it funds (any commitment from its funder)".
      await makeCommitment(app.db, funded, mine, { status: 'requested' });
      await makeCommitment(app.db, notFunded, other);
      await makeCommitment(app.db, shared, other);
      funderToken = await funderUserToken(app.db, mine);
      initiativeToken = await initiativeUserToken(app.db, funded);
    });

    for (const figure of ['runway?asOf=2027-01-01', 'coverage?from=2027', 'fragmentation?year=2027']) {
      it(`a funder user reads the ${figure.split('?')[0]} of what it funds and what is shared, 404 otherwise`, async () => {
        const get = (id: number) => app.request('GET', `/api/initiatives/${id}/${figure}`, { token: funderToken });
        expect((await get(funded)).status).to.equal(200);
        expect((await get(shared)).status).to.equal(200);
        const hidden = await get(notFunded);
        expect(hidden.status).to.equal(404);
        expect(JSON.stringify(hidden.body)).not.to.match(/Cents|months/);
      });

      it(`an initiative user reads only its own ${figure.split('?')[0]}`, async () => {
        const get = (id: number) => app.request('GET', `/api/initiatives/${id}/${figure}`, { token: initiativeToken });
        expect((await get(funded)).status).to.equal(200);
        expect((await get(shared)).status).to.equal(404);
        expect((await get(notFunded)).status).to.equal(404);
      });
    }
  });
});
