// "Never a stack trace; never a 500 for bad input" (DESIGN.md, "HTTP API"), for the analytics
// endpoints: dates at the edges of what a YYYY-MM-DD string can say, and a commitment whose end
// date is the far-future sentinel people type for "open-ended" (9999-12-31), which the API accepts.
import { expect } from 'chai';
import { startTestApp, type TestApp } from '../support/app.js';
import { adminToken, makeBudget, makeFunder, makeInitiative } from '../support/factories.js';
import { uniqueTag, type ApiErrorBody, type ApiRecord } from '../support/records.js';
import type { FragmentationBody, PortfolioBody, RiskBody } from './shapes.js';

describe('analytics: never a 500 for bad input', () => {
  let app: TestApp;
  let admin: string;
  let initiative: number;
  let funder: number;

  before(async () => {
    app = await startTestApp();
    admin = await adminToken(app.db);
    initiative = await makeInitiative(app.db);
    funder = await makeFunder(app.db);
  });

  after(async () => {
    await app.close();
  });

  /** A refused parameter is a 400 that names it; anything the server can compute is a 200. */
  async function expectAnsweredOrRefused(path: string, field: string): Promise<void> {
    const res = await app.request<ApiErrorBody>('GET', path, { token: admin });
    expect(res.status, `${path} answered ${res.status}: ${JSON.stringify(res.body)}`).to.be.oneOf([200, 400]);
    if (res.status === 400) expect(res.body.errors, `${path} names the parameter`).to.have.property(field);
  }

  // 0000-01-01 passes the YYYY-MM-DD check but has no year 0 in the calendar; 9999-12-31 is a
  // real date whose 60-month horizon runs past year 9999; 0001..0007 leave no room for "six years
  // before asOf".
  for (const asOf of ['0000-01-01', '0001-01-01', '0007-01-01', '9995-02-01', '9999-12-31']) {
    it(`answers or refuses asOf=${asOf} on runway, risk and cofunding`, async () => {
      await expectAnsweredOrRefused(`/api/initiatives/${initiative}/runway?asOf=${asOf}`, 'asOf');
      await expectAnsweredOrRefused(`/api/initiatives/${initiative}/runway?asOf=${asOf}&scenario=pipeline`, 'asOf');
      await expectAnsweredOrRefused(`/api/stats/risk?asOf=${asOf}`, 'asOf');
      await expectAnsweredOrRefused(`/api/funders/${funder}/cofunding?asOf=${asOf}`, 'asOf');
    });
  }

  it('survives an open-ended commitment (endDate 9999-12-31): refused up front, or counted', async () => {
    // Either the API refuses such an end date (400 naming endDate), or every figure copes with it.
    // If it is accepted: 2024-01-01..9999-12-31 is 2_913_174 days; 2_913_174_000 cents is 1_000 a
    // day, so 365_000 in 2026; its length is (10000 − 2024) × 12 = 95_712 whole months (long-term).
    // The records are removed again at the end, so the rest of the run never sees them.
    const municipality = uniqueTag('Openeinde');
    const id = await makeInitiative(app.db, { foundedOn: '2023-01-01', municipality });
    // Need 2_000 a day in 2028 (leap) and 2029; window 2028-06..2029-05 = 365 days = 730_000.
    await makeBudget(app.db, id, { year: 2028, amountCents: 732_000 });
    await makeBudget(app.db, id, { year: 2029, amountCents: 730_000 });
    const created = await app.request<ApiRecord & ApiErrorBody>('POST', '/api/commitments', {
      token: admin,
      body: { initiativeId: id, funderId: funder, title: 'Doorlopend', kind: 'subsidy', status: 'committed', startDate: '2024-01-01', endDate: '9999-12-31', amountCents: 2_913_174_000 },
    });
    try {
      if (created.status === 400) {
        expect(created.body.errors).to.have.property('endDate');
        return;
      }
      expect(created.status).to.equal(201);

      const fragmentation = await app.request<FragmentationBody>('GET', `/api/initiatives/${id}/fragmentation?year=2026`, { token: admin });
      expect(fragmentation.status, JSON.stringify(fragmentation.body)).to.equal(200);
      expect(fragmentation.body).to.include({ fundingCents: 365_000, funderCount: 1, commitmentCount: 1, hhi: 1, shortTermShare: 0, meanCommitmentMonths: 95_712 });

      // Portfolio: our municipality alone, one funder, long-term.
      const portfolio = await app.request<PortfolioBody>('GET', '/api/stats/fragmentation?year=2026&groupBy=municipality', { token: admin });
      expect(portfolio.status, JSON.stringify(portfolio.body)).to.equal(200);
      expect(portfolio.body.groups.find((g) => g.group === municipality)).to.deep.include({ committedCents: 365_000, initiativeCount: 1, shortTermShare: 0 });

      // Risk at 2028-06-01 (five years old): 365_000 of 730_000 → coverage 0.5; shortfall
      // 1_000 a day from 2028-06-01 to the end of the 2029 budget: 214 + 365 days = 579_000.
      const risk = await app.request<RiskBody[]>('GET', `/api/stats/risk?asOf=2028-06-01&filter=${encodeURIComponent(JSON.stringify({ id: [id] }))}`, { token: admin });
      expect(risk.status, JSON.stringify(risk.body)).to.equal(200);
      expect(risk.body).to.have.length(1);
      expect(risk.body[0]).to.deep.include({ ageYears: 5, needCents: 730_000, committedCents: 365_000, coverage: 0.5, shortTermShare: 0, riskScore: 0.5 });
      expect(risk.body[0]!.firstShortfall).to.deep.equal({ periodStart: '2028-06-01', periodEnd: '2029-12-31', shortfallCents: 579_000 });
    } finally {
      await app.db('commitments').where({ initiative_id: id }).delete();
      await app.db('budgets').where({ initiative_id: id }).delete();
      await app.db('initiatives').where({ id }).delete();
    }
  });
});
