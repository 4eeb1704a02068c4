// GET /api/initiatives/{id}/coverage through real HTTP, worked out by hand from DESIGN.md
// "Coverage" and "Funding timing": funding attributed to a calendar year (the sum over its days)
// ÷ that year's need; committed = committed + completed, pipeline adds requested + conditional.
import { expect } from 'chai';
import { startTestApp, type TestApp } from '../support/app.js';
import { adminToken, makeBudget, makeCommitment, makeFunder, makeInitiative, makeTranche } from '../support/factories.js';
import { itRefusesQueries, type ApiErrorBody } from '../support/records.js';
import { amsterdamToday, type CoverageBody } from './shapes.js';

describe('analytics: coverage', () => {
  let app: TestApp;
  let admin: string;

  before(async () => {
    app = await startTestApp();
    admin = await adminToken(app.db);
  });

  after(async () => {
    await app.close();
  });

  const coverage = (id: number, query: string) => app.request<CoverageBody>('GET', `/api/initiatives/${id}/coverage${query}`, { token: admin });

  describe('four years of one initiative', () => {
    let id: number;
    let gemeente: number;
    let fonds: number;
    let bedrijf: number;
    const names = { gemeente: 'Gemeente Dekking', fonds: 'Fonds Dekking', bedrijf: 'Bedrijf Dekking' };

    before(async () => {
      id = await makeInitiative(app.db);
      // Need: 2026 365_000 (1_000 a day), 2027 730_000 (2_000 a day), 2028 366_000 (leap year,
      // 1_000 a day), nothing budgeted for 2029.
      await makeBudget(app.db, id, { year: 2026, amountCents: 365_000 });
      await makeBudget(app.db, id, { year: 2027, amountCents: 730_000 });
      await makeBudget(app.db, id, { year: 2028, amountCents: 366_000 });
      await makeBudget(app.db, id, { year: 2029, amountCents: 0 });
      gemeente = await makeFunder(app.db, { name: names.gemeente, type: 'municipality' });
      fonds = await makeFunder(app.db, { name: names.fonds, type: 'foundation' });
      bedrijf = await makeFunder(app.db, { name: names.bedrijf, type: 'company' });

      // C1 gemeente, committed, no tranches: 365_000 over 2026-07-01..2027-06-30 (365 days):
      //   2026 gets Jul–Dec = 184 days = 184_000; 2027 gets Jan–Jun = 181 days = 181_000.
      await makeCommitment(app.db, id, gemeente, { status: 'committed', startDate: '2026-07-01', endDate: '2027-06-30', amountCents: 365_000 });
      // C2 fonds, committed, by tranches:
      //   T1 183_000 over 2027-10-01..2028-03-31 (92 + 91 days, February 2028 has 29):
      //      2027 gets 92_000, 2028 gets 91_000 — a tranche across the year end.
      //   T2 cancelled, 91_000 over 2028-04-01..2028-06-30: counts nowhere.
      const c2 = await makeCommitment(app.db, id, fonds, { status: 'committed', startDate: '2027-10-01', endDate: '2028-06-30', amountCents: 274_000 });
      await makeTranche(app.db, c2, { periodStart: '2027-10-01', periodEnd: '2028-03-31', amountCents: 183_000 });
      await makeTranche(app.db, c2, { periodStart: '2028-04-01', periodEnd: '2028-06-30', amountCents: 91_000, status: 'cancelled' });
      // C3 bedrijf, requested: 366_000 over all of 2028 → pipeline only.
      await makeCommitment(app.db, id, bedrijf, { status: 'requested', startDate: '2028-01-01', endDate: '2028-12-31', amountCents: 366_000 });
      // C4 fonds, completed: 181_000 over 2026-01-01..2026-06-30 (181 days) → committed 2026.
      await makeCommitment(app.db, id, fonds, { status: 'completed', startDate: '2026-01-01', endDate: '2026-06-30', amountCents: 181_000 });
      // C5 bedrijf, declined and C6 gemeente, withdrawn: count nowhere.
      await makeCommitment(app.db, id, bedrijf, { status: 'declined', startDate: '2027-01-01', endDate: '2027-12-31', amountCents: 365_000 });
      await makeCommitment(app.db, id, gemeente, { status: 'withdrawn', startDate: '2028-01-01', endDate: '2028-12-31', amountCents: 366_000 });
    });

    it('attributes each year its days of every commitment and tranche', async () => {
      const res = await coverage(id, '?from=2026&years=4');
      expect(res.status).to.equal(200);
      expect(res.body.initiativeId).to.equal(id);
      expect(res.body.from).to.equal(2026);
      const [y2026, y2027, y2028, y2029] = res.body.years;
      // 2026: 184_000 (C1) + 181_000 (C4, completed) = 365_000 of 365_000 → coverage 1.
      expect(y2026).to.deep.equal({
        year: 2026,
        needCents: 365_000,
        needEstimated: false,
        committedCents: 365_000,
        pipelineCents: 365_000,
        coverage: 1,
        committedByFunderId: { [gemeente]: 184_000, [fonds]: 181_000 },
        committedByFunderType: { municipality: 184_000, foundation: 181_000 },
      });
      // 2027: 181_000 (C1) + 92_000 (T1) = 273_000 of 730_000; the declined C5 adds nothing, not
      // even to the pipeline.
      expect(y2027).to.deep.equal({
        year: 2027,
        needCents: 730_000,
        needEstimated: false,
        committedCents: 273_000,
        pipelineCents: 273_000,
        coverage: 273_000 / 730_000,
        committedByFunderId: { [gemeente]: 181_000, [fonds]: 92_000 },
        committedByFunderType: { municipality: 181_000, foundation: 92_000 },
      });
      // 2028: committed 91_000 (T1; T2 cancelled) of 366_000; pipeline 91_000 + 366_000 (C3) = 457_000.
      expect(y2028).to.deep.equal({
        year: 2028,
        needCents: 366_000,
        needEstimated: false,
        committedCents: 91_000,
        pipelineCents: 457_000,
        coverage: 91_000 / 366_000,
        committedByFunderId: { [fonds]: 91_000 },
        committedByFunderType: { foundation: 91_000 },
      });
      // 2029: a budget of 0, no funding → coverage null (not 0, not a division by zero).
      expect(y2029).to.deep.equal({
        year: 2029,
        needCents: 0,
        needEstimated: false,
        committedCents: 0,
        pipelineCents: 0,
        coverage: null,
        committedByFunderId: {},
        committedByFunderType: {},
      });
    });

    it('lists the funders with their committed cents over the years asked, largest first', async () => {
      // gemeente 184_000 + 181_000 = 365_000; fonds 181_000 + 92_000 + 91_000 = 364_000;
      // bedrijf only requested (and declined) → 0.
      const res = await coverage(id, '?from=2026&years=4');
      expect(res.body.funders).to.deep.equal([
        { id: gemeente, name: names.gemeente, type: 'municipality', committedCents: 365_000 },
        { id: fonds, name: names.fonds, type: 'foundation', committedCents: 364_000 },
        { id: bedrijf, name: names.bedrijf, type: 'company', committedCents: 0 },
      ]);
      // Over 2028 alone the fonds leads: 91_000 against 0 and 0 (ties by name: Bedrijf before Gemeente).
      const only2028 = await coverage(id, '?from=2028&years=1');
      expect(only2028.body.years).to.have.length(1);
      expect(only2028.body.funders.map((f) => [f.id, f.committedCents])).to.deep.equal([
        [fonds, 91_000],
        [bedrijf, 0],
        [gemeente, 0],
      ]);
    });

    it('answers five years from this year by default', async () => {
      const res = await coverage(id, '');
      const thisYear = Number(amsterdamToday().slice(0, 4));
      expect(res.status).to.equal(200);
      expect(res.body.from).to.equal(thisYear);
      expect(res.body.years.map((y) => y.year)).to.deep.equal([0, 1, 2, 3, 4].map((i) => thisYear + i));
    });
  });

  it('rounds a year figure only once, at the end', async () => {
    // 100_000 over 2027-12-01..2028-01-31 (62 days): 2027 gets 31/62 of it = 50_000 exactly.
    // 1_000 over 2026-12-31..2027-01-02 (3 days), committed: 2027 gets 2/3 × 1_000 = 666.67.
    // The same again, requested: another 666.67 in the pipeline.
    //   committed 50_000 + 666.67 = 50_666.67 → 50_667
    //   pipeline  50_666.67 + 666.67 = 51_333.33 → 51_333 (rounding each part first: 51_334)
    const id = await makeInitiative(app.db);
    await makeBudget(app.db, id, { year: 2027, amountCents: 100_000 });
    const funder = await makeFunder(app.db);
    await makeCommitment(app.db, id, funder, { startDate: '2027-12-01', endDate: '2028-01-31', amountCents: 100_000 });
    await makeCommitment(app.db, id, funder, { startDate: '2026-12-31', endDate: '2027-01-02', amountCents: 1_000 });
    await makeCommitment(app.db, id, funder, { status: 'requested', startDate: '2026-12-31', endDate: '2027-01-02', amountCents: 1_000 });
    const res = await coverage(id, '?from=2027&years=1');
    expect(res.body.years[0]).to.include({ needCents: 100_000, committedCents: 50_667, pipelineCents: 51_333, coverage: 50_667 / 100_000 });
  });

  it('carries a 2026 budget forward into later years as estimated need, and stops at a budget of 0', async () => {
    const id = await makeInitiative(app.db);
    await makeBudget(app.db, id, { year: 2026, amountCents: 365_000 });
    const carried = await coverage(id, '?from=2026&years=6');
    expect(carried.body.budgetThrough).to.equal(2026);
    expect(carried.body.years.map((y) => [y.year, y.needCents, y.needEstimated])).to.deep.equal([
      [2026, 365_000, false],
      [2027, 365_000, true],
      [2028, 365_000, true],
      [2029, 365_000, true],
      [2030, 365_000, true],
      [2031, 365_000, true],
    ]);
    await makeBudget(app.db, id, { year: 2029, amountCents: 0 });
    const stopped = await coverage(id, '?from=2028&years=3');
    expect(stopped.body.budgetThrough).to.equal(2029);
    expect(stopped.body.years.map((y) => [y.year, y.needCents, y.needEstimated, y.coverage])).to.deep.equal([
      [2028, 365_000, true, 0],
      [2029, 0, false, null],
      [2030, 0, true, null],
    ]);
  });

  it('answers coverage null for every year of an initiative without a budget', async () => {
    const id = await makeInitiative(app.db);
    await makeCommitment(app.db, id, await makeFunder(app.db), { startDate: '2027-01-01', endDate: '2027-12-31', amountCents: 365_000 });
    const res = await coverage(id, '?from=2027&years=2');
    expect(res.body.years.map((y) => [y.year, y.needCents, y.committedCents, y.coverage])).to.deep.equal([
      [2027, 0, 365_000, null],
      [2028, 0, 0, null],
    ]);
  });

  describe('bad parameters', () => {
    let id: number;
    before(async () => {
      id = await makeInitiative(app.db);
    });

    itRefusesQueries((query) => app.request<ApiErrorBody>('GET', `/api/initiatives/${id}/coverage${query}`, { token: admin }), [
      ['?years=0', 'years'],
      ['?years=21', 'years'],
      ['?years=2.5', 'years'],
      ['?years=many', 'years'],
      ['?from=abc', 'from'],
      ['?from=1899', 'from'],
      ['?from=2027.5', 'from'],
    ]);
  });
});
