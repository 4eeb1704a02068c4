// The scenarios resource: named change sets of one initiative, checked like a what-if, written by
// the initiative and admins, read by the funders who may see the initiative.
import { expect } from 'chai';
import type { WhatIfAnswer } from '../../server/contract/figures.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { adminToken, makeBudget, makeCommitment, makeFunder, makeInitiative } from '../support/factories.js';
import type { ApiErrorBody, ApiRecord } from '../support/records.js';
import { funderUserToken, initiativeUserToken } from '../analytics/shapes.js';

describe('planning: saved scenarios', () => {
  let app: TestApp;
  let admin: string;
  let id: number;
  let funder: number;
  let requested: number;
  let foreign: number;

  before(async () => {
    app = await startTestApp();
    admin = await adminToken(app.db);
    id = await makeInitiative(app.db);
    await makeBudget(app.db, id, { year: 2027, amountCents: 365_000 });
    await makeBudget(app.db, id, { year: 2028, amountCents: 0 });
    funder = await makeFunder(app.db, { type: 'foundation' });
    requested = await makeCommitment(app.db, id, funder, { status: 'requested', startDate: '2027-01-01', endDate: '2027-12-31', amountCents: 365_000 });
    foreign = await makeCommitment(app.db, await makeInitiative(app.db), funder, { status: 'requested' });
  });

  after(async () => {
    await app.close();
  });

  it('saves a plan B the initiative can show side by side with today', async () => {
    const own = await initiativeUserToken(app.db, id);
    const created = await app.request<ApiRecord>('POST', '/api/scenarios', { token: own, body: { name: 'Plan B: fonds 2027', changes: { include: [requested] } } });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    expect(created.body).to.include({ initiativeId: id, name: 'Plan B: fonds 2027', note: null, version: 1 });
    expect(created.body.changes).to.deep.equal({ include: [requested], exclude: [], add: [], budgets: [], reservesCents: null });

    // The funder of the initiative reads it and brings it to the table.
    const funderToken = await funderUserToken(app.db, funder);
    const read = await app.request<ApiRecord>('GET', `/api/scenarios/${created.body.id}`, { token: funderToken });
    expect(read.status).to.equal(200);
    const res = await app.request<WhatIfAnswer>('POST', `/api/initiatives/${id}/what-if`, { token: funderToken, body: { asOf: '2027-01-01', ...(read.body.changes as object) } });
    expect(res.status).to.equal(200);
    expect(res.body.base.coverage[0]).to.include({ year: 2027, coverage: 0 });
    expect(res.body.scenario.coverage[0]).to.include({ year: 2027, coverage: 1 });
    // A funder may not write it.
    const refused = await app.request<ApiErrorBody>('PUT', `/api/scenarios/${created.body.id}`, { token: funderToken, body: { ...read.body, name: 'Ander plan' } });
    expect(refused.status).to.equal(403);
  });

  it("refuses a commitment of another initiative as if absent, naming the field, and saves nothing", async () => {
    const before = await app.db('scenarios').count<{ n: string }[]>({ n: '*' });
    const res = await app.request<ApiErrorBody>('POST', '/api/scenarios', { token: admin, body: { initiativeId: id, name: 'Fout', changes: { exclude: [requested, foreign] } } });
    expect(res.status).to.equal(400);
    expect(res.body.codes?.['changes.exclude.1']?.code).to.equal('scenario.unknown_commitment');
    expect(res.body.codes?.['changes.exclude.0']).to.equal(undefined);
    expect(await app.db('scenarios').count<{ n: string }[]>({ n: '*' })).to.deep.equal(before);
  });

  it('refuses a change set that is not one', async () => {
    const res = await app.request<ApiErrorBody>('POST', '/api/scenarios', { token: admin, body: { initiativeId: id, name: 'Fout', changes: { add: [{ amountCents: 5 }] } } });
    expect(res.status).to.equal(400);
    expect(Object.keys(res.body.codes ?? {})).to.include.members(['changes.add.0.startDate', 'changes.add.0.endDate']);
  });
});
