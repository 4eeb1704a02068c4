// GET /api/initiatives/{id}/fragmentation through real HTTP, worked out by hand from DESIGN.md
// "Fragmentation" and "Length": over the committed funding attributed to the year, HHI = Σ share²,
// effective funders = 1 / HHI, short-term = at most 24 whole months from startDate to the day
// after endDate.
import { expect } from 'chai';
import { startTestApp, type TestApp } from '../support/app.js';
import { adminToken, makeCommitment, makeFunder, makeInitiative, makeTranche } from '../support/factories.js';
import type { ApiErrorBody } from '../support/records.js';
import { amsterdamToday, type FragmentationBody } from './shapes.js';

const EPSILON = 1e-12;

describe('analytics: fragmentation of an initiative', () => {
  let app: TestApp;
  let admin: string;

  before(async () => {
    app = await startTestApp();
    admin = await adminToken(app.db);
  });

  after(async () => {
    await app.close();
  });

  const fragmentation = (id: number, query: string) => app.request<FragmentationBody>('GET', `/api/initiatives/${id}/fragmentation${query}`, { token: admin });

  describe('three commitments from two funders', () => {
    let id: number;
    let gemeente: number;
    let fonds: number;
    const names = { gemeente: 'Gemeente Versnippering', fonds: 'Fonds Versnippering' };

    before(async () => {
      id = await makeInitiative(app.db);
      gemeente = await makeFunder(app.db, { name: names.gemeente, type: 'municipality' });
      fonds = await makeFunder(app.db, { name: names.fonds, type: 'foundation' });
      const bedrijf = await makeFunder(app.db, { type: 'company' });
      // A gemeente, 2026-01-01..2027-12-31: 730 days, 730_000 → 365_000 in 2027. Length 24 → short-term.
      await makeCommitment(app.db, id, gemeente, { status: 'committed', startDate: '2026-01-01', endDate: '2027-12-31', amountCents: 730_000 });
      // B fonds, 2026-01-01..2028-01-31: 761 days, 761_000 → 365_000 in 2027. Length 25 → not short-term.
      await makeCommitment(app.db, id, fonds, { status: 'committed', startDate: '2026-01-01', endDate: '2028-01-31', amountCents: 761_000 });
      // C gemeente, completed, 2027 by one tranche of 365_000 → 365_000 in 2027. Length 12 → short-term.
      const c = await makeCommitment(app.db, id, gemeente, { status: 'completed', startDate: '2027-01-01', endDate: '2027-12-31', amountCents: 365_000 });
      await makeTranche(app.db, c, { periodStart: '2027-01-01', periodEnd: '2027-12-31', amountCents: 365_000, status: 'received' });
      // Not counted: a requested commitment in 2027, and a committed one that funds only 2029.
      await makeCommitment(app.db, id, bedrijf, { status: 'requested', startDate: '2027-01-01', endDate: '2027-12-31', amountCents: 5_000_000 });
      await makeCommitment(app.db, id, fonds, { status: 'committed', startDate: '2029-01-01', endDate: '2029-12-31', amountCents: 5_000_000 });
    });

    it('measures funders, HHI, short-term share and mean length over the year', async () => {
      // Total 2027 = 365_000 × 3 = 1_095_000; gemeente 730_000 (2/3), fonds 365_000 (1/3).
      // HHI = (2/3)² + (1/3)² = 5/9; effective funders = 9/5 = 1.8.
      // Short-term: A and C = 730_000 of 1_095_000 = 2/3. Mean length (24 + 25 + 12) / 3 = 61/3.
      const res = await fragmentation(id, '?year=2027');
      expect(res.status).to.equal(200);
      const body = res.body;
      expect(body.initiativeId).to.equal(id);
      expect(body.year).to.equal(2027);
      expect(body.fundingCents).to.equal(1_095_000);
      expect(body.funderCount).to.equal(2);
      expect(body.commitmentCount).to.equal(3);
      expect(Object.keys(body.shareByFunderType).sort()).to.deep.equal(['foundation', 'municipality']);
      expect(body.shareByFunderType.municipality).to.be.closeTo(2 / 3, EPSILON);
      expect(body.shareByFunderType.foundation).to.be.closeTo(1 / 3, EPSILON);
      expect(body.hhi).to.be.closeTo(5 / 9, EPSILON);
      expect(body.effectiveFunders).to.be.closeTo(1.8, EPSILON);
      expect(body.shortTermShare).to.be.closeTo(2 / 3, EPSILON);
      expect(body.meanCommitmentMonths).to.be.closeTo(61 / 3, EPSILON);
    });

    it('lists the funders of the year with their committed cents and share, not those without', async () => {
      const res = await fragmentation(id, '?year=2027');
      expect(res.body.funders.map(({ share, ...rest }) => rest)).to.deep.equal([
        { id: gemeente, name: names.gemeente, type: 'municipality', committedCents: 730_000 },
        { id: fonds, name: names.fonds, type: 'foundation', committedCents: 365_000 },
      ]);
      expect(res.body.funders[0]!.share).to.be.closeTo(2 / 3, EPSILON);
      expect(res.body.funders[1]!.share).to.be.closeTo(1 / 3, EPSILON);
    });

    it('answers nulls, not zeros, for a year without committed funding', async () => {
      // 2030: nothing committed (the 2029 commitment has ended).
      const res = await fragmentation(id, '?year=2030');
      expect(res.status).to.equal(200);
      const { initiativeId, ...rest } = res.body;
      expect(initiativeId).to.equal(id);
      expect(rest).to.deep.equal({
        year: 2030,
        fundingCents: 0,
        funderCount: 0,
        commitmentCount: 0,
        shareByFunderType: {},
        hhi: null,
        effectiveFunders: null,
        shortTermShare: null,
        meanCommitmentMonths: null,
        funders: [],
      });
    });
  });

  it('gives one funder an HHI of exactly 1, however many commitments it has', async () => {
    // 200_000 + 165_000 in 2027, both from one fonds: share 1, HHI 1² = 1, effective 1.
    const id = await makeInitiative(app.db);
    const funder = await makeFunder(app.db, { type: 'foundation' });
    await makeCommitment(app.db, id, funder, { startDate: '2027-01-01', endDate: '2027-12-31', amountCents: 200_000 });
    await makeCommitment(app.db, id, funder, { startDate: '2027-01-01', endDate: '2027-12-31', amountCents: 165_000 });
    const res = await fragmentation(id, '?year=2027');
    expect(res.body).to.include({ fundingCents: 365_000, funderCount: 1, commitmentCount: 2, hhi: 1, effectiveFunders: 1, shortTermShare: 1, meanCommitmentMonths: 12 });
    expect(res.body.shareByFunderType).to.deep.equal({ foundation: 1 });
    expect(res.body.funders).to.have.length(1);
    expect(res.body.funders[0]).to.include({ id: funder, committedCents: 365_000, share: 1 });
  });

  describe('the 24-month boundary of short-term', () => {
    async function single(startDate: string, endDate: string): Promise<FragmentationBody> {
      const id = await makeInitiative(app.db);
      await makeCommitment(app.db, id, await makeFunder(app.db), { startDate: startDate, endDate: endDate, amountCents: 1_000_000 });
      const res = await fragmentation(id, '?year=2027');
      expect(res.status).to.equal(200);
      return res.body;
    }

    it('counts 2026-01-01..2027-12-31 as 24 months: short-term', async () => {
      const body = await single('2026-01-01', '2027-12-31');
      expect(body.meanCommitmentMonths).to.equal(24);
      expect(body.shortTermShare).to.equal(1);
    });

    it('counts 2026-01-01..2028-01-01 as 24 months and a day: still short-term', async () => {
      // The day after the end is 2028-01-02: 24 whole months and one day; a part month does not count.
      const body = await single('2026-01-01', '2028-01-01');
      expect(body.meanCommitmentMonths).to.equal(24);
      expect(body.shortTermShare).to.equal(1);
    });

    it('counts 2026-01-01..2028-01-31 as 25 months: not short-term', async () => {
      const body = await single('2026-01-01', '2028-01-31');
      expect(body.meanCommitmentMonths).to.equal(25);
      expect(body.shortTermShare).to.equal(0);
    });

    it('counts 2026-01-15..2027-01-14 as 12 months', async () => {
      const body = await single('2026-01-15', '2027-01-14');
      expect(body.meanCommitmentMonths).to.equal(12);
    });
  });

  it('uses this year by default', async () => {
    const id = await makeInitiative(app.db);
    const res = await fragmentation(id, '');
    expect(res.status).to.equal(200);
    expect(res.body.year).to.equal(Number(amsterdamToday().slice(0, 4)));
  });

  for (const query of ['?year=abc', '?year=2027.5', '?year=1899', '?year=2201', '?year=']) {
    it(`refuses ${query} with 400 naming year`, async () => {
      const id = await makeInitiative(app.db);
      const res = await app.request<ApiErrorBody>('GET', `/api/initiatives/${id}/fragmentation${query}`, { token: admin });
      expect(res.status).to.equal(400);
      expect(res.body.errors).to.have.property('year').that.is.a('string');
    });
  }
});
