// The policy simulator on a small portfolio worked out by hand, and through the API with a real
// worker on the `simulation` queue.
//
// At asOf 2027-01-01 (horizon 2027-01..2031-12), three initiatives each need 1_000 a day
// (budgets 2027–2031: 365_000, 366_000, 365_000, 365_000, 365_000):
// - A, 4 years old (founded 2022-06-01), in Simstad: a one-year gemeente subsidy for 2027 of
//   365_000. All its money is short-term → five-year risk; short from 2028-01 (within 24 months).
// - B, 4 years old, in Simstad: the same one-year money, from a fonds → the same risk.
// - C, 11 years old (no five-year risk by age), in Simdorp: the same one-year gemeente subsidy.
// `extend_short_term` for gemeenten to 36 months: A's and C's subsidies run on at 1_000 a day to
// 2029-12-31 (36 months: no longer short-term). A's risk goes; B's stays. A and C are short only
// from 2030-01 — beyond 24 months. Shortfall over the horizon: 2028–2031 is 366+365+365+365 =
// 1_461 days × 1_000 = 1_461_000 each now; with the extension 2030–2031, 730_000, for A and C.
import { expect } from 'chai';
import type { Simulation } from '../../server/contract/simulations.js';
import { createSimulation, runSimulation } from '../../server/data/simulations.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { adminToken, makeBudget, makeCommitment, makeFunder, makeInitiative } from '../support/factories.js';
import { uniqueTag, type ApiErrorBody } from '../support/records.js';
import { funderUserToken } from '../analytics/shapes.js';
import { waitFor } from '../jobs/support.js';

describe('planning: the policy simulator', () => {
  let app: TestApp;
  let admin: string;
  const simstad = uniqueTag('Simstad');
  const simdorp = uniqueTag('Simdorp');

  before(async () => {
    app = await startTestApp();
    admin = await adminToken(app.db);
    const gemeente = await makeFunder(app.db, { type: 'municipality' });
    const fonds = await makeFunder(app.db, { type: 'foundation' });
    const make = async (foundedOn: string, municipality: string, funder: number) => {
      const id = await makeInitiative(app.db, { foundedOn, municipality });
      for (const [year, amountCents] of [[2027, 365_000], [2028, 366_000], [2029, 365_000], [2030, 365_000], [2031, 365_000]] as const) await makeBudget(app.db, id, { year, amountCents });
      await makeCommitment(app.db, id, funder, { startDate: '2027-01-01', endDate: '2027-12-31', amountCents: 365_000 });
      return id;
    };
    await make('2022-06-01', simstad, gemeente);
    await make('2022-06-01', simstad, fonds);
    await make('2015-03-01', simdorp, gemeente);
  });

  after(async () => {
    await app.close();
  });

  const groupOf = (s: Simulation, group: string) => s.result!.groups.find((g) => g.groupBy === 'municipality' && g.group === group)!;

  it('extend_short_term to 36 months removes exactly the five-year risks the longer gemeente subsidies cover', async () => {
    const id = await createSimulation(app.db, { rule: 'extend_short_term', funderTypes: ['municipality'], toMonths: 36 }, '2027-01-01');
    await runSimulation(app.db, id);
    const s = (await app.request<Simulation>('GET', `/api/simulations/${id}`, { token: admin })).body;
    expect(s.status).to.equal('completed');
    expect(s.initiativesDone).to.equal(s.initiativesTotal);
    expect(groupOf(s, simstad).current).to.deep.include({ initiatives: 2, fiveYearRisk: 2, shortfallSoon: 2, shortfallCents: 2 * 1_461_000 });
    expect(groupOf(s, simstad).simulated).to.deep.include({ initiatives: 2, fiveYearRisk: 1, shortfallSoon: 1, shortfallCents: 730_000 + 1_461_000 });
    expect(groupOf(s, simdorp).current).to.deep.include({ initiatives: 1, fiveYearRisk: 0, shortfallSoon: 1, shortfallCents: 1_461_000 });
    expect(groupOf(s, simdorp).simulated).to.deep.include({ initiatives: 1, fiveYearRisk: 0, shortfallSoon: 0, shortfallCents: 730_000 });
    // In 2027 every initiative has one funder, all of it short-term now; under the rule A's and C's is not.
    expect(groupOf(s, simstad).current).to.deep.include({ meanEffectiveFunders: 1, meanShortTermShare: 1 });
    expect(groupOf(s, simstad).simulated).to.deep.include({ meanEffectiveFunders: 1, meanShortTermShare: 0.5 });
    // Nothing but the simulation was written: no commitment grew.
    expect(await app.db('commitments').where({ end_date: '2029-12-31' }).whereIn('initiative_id', app.db('initiatives').whereIn('municipality', [simstad, simdorp]).select('id'))).to.deep.equal([]);
  });

  it('renew_expiring for fondsen: B gets a follow-up for 3 years, A and C keep their gaps', async () => {
    const id = await createSimulation(app.db, { rule: 'renew_expiring', funderTypes: ['foundation'], years: 3 }, '2027-01-01');
    await runSimulation(app.db, id);
    const s = (await app.request<Simulation>('GET', `/api/simulations/${id}`, { token: admin })).body;
    // B: 2028-01-01..2030-12-31 at 1_000 a day → short only in 2031 (365_000), not within 24 months.
    // Its 2027 money is still one-year, so its five-year risk (measured over 2027) stays.
    expect(groupOf(s, simstad).simulated).to.deep.include({ fiveYearRisk: 2, shortfallSoon: 1, shortfallCents: 1_461_000 + 365_000 });
    expect(groupOf(s, simdorp).simulated).to.deep.include({ shortfallSoon: 1, shortfallCents: 1_461_000 });
  });

  it('runs as a job on the simulation queue, started by an admin through the API', async () => {
    await app.startWorker();
    const res = await app.request<Simulation>('POST', '/api/simulations', { token: admin, body: { rule: 'extend_short_term', funderTypes: ['municipality'], toMonths: 36, asOf: '2027-01-01' } });
    expect(res.status, JSON.stringify(res.body)).to.equal(202);
    expect(res.body).to.include({ rule: 'extend_short_term', asOf: '2027-01-01' });
    expect(res.body.params).to.deep.equal({ funderTypes: ['municipality'], toMonths: 36 });
    const done = await waitFor('the simulation to complete', async () => {
      const s = (await app.request<Simulation>('GET', `/api/simulations/${res.body.id}`, { token: admin })).body;
      return s.status === 'completed' ? s : false;
    });
    expect(groupOf(done, simstad).simulated.fiveYearRisk).to.equal(1);
    const list = await app.request<Simulation[]>('GET', '/api/simulations', { token: admin });
    expect(list.body.map((s) => s.id)).to.include(res.body.id);
  });

  it('is for admins only, and refuses a rule it does not know', async () => {
    const funder = await funderUserToken(app.db, await makeFunder(app.db));
    expect((await app.request('POST', '/api/simulations', { token: funder, body: { rule: 'extend_short_term', funderTypes: ['municipality'], toMonths: 36 } })).status).to.equal(403);
    const bad = await app.request<ApiErrorBody>('POST', '/api/simulations', { token: admin, body: { rule: 'abolish_gaps' } });
    expect(bad.status).to.equal(400);
    const noTypes = await app.request<ApiErrorBody>('POST', '/api/simulations', { token: admin, body: { rule: 'renew_expiring', funderTypes: [], years: 3 } });
    expect(noTypes.status).to.equal(400);
    expect(noTypes.body.codes?.funderTypes?.code).to.equal('field.not_empty');
  });
});
