// Every row created, changed or removed on a user's behalf has its audit row — also the tranches a
// trancheSchedule generates and the records a delete takes with it — and a DELETE that carries a
// stale version deletes nothing.
import { expect } from 'chai';
import type { Knex } from 'knex';
import { startTestApp, type TestApp } from '../support/app.js';
import { makeBudget, makeCommitment, makeFunder, makeInitiative, makeTranche, makeUser, tokenFor } from '../support/factories.js';

interface AuditRow {
  user_id: number | null;
  action: string;
  resource: string;
  record_id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const auditOf = (db: Knex, resource: string, ids: readonly number[]) =>
  db('audit_events').where({ resource }).whereIn('record_id', ids.map(String)).orderBy('id').select<AuditRow[]>('*');

describe('audit of generated and cascaded records', () => {
  let app: TestApp;
  let adminId: number;
  let token: string;
  let funderId: number;

  before(async () => {
    app = await startTestApp();
    adminId = await makeUser(app.db, 'admin');
    token = await tokenFor(app.db, adminId);
    funderId = await makeFunder(app.db);
  });
  after(() => app.close());

  it('audits each tranche a trancheSchedule generates, as the API answers it', async () => {
    const initiativeId = await makeInitiative(app.db);
    const res = await app.request<{ id: number }>('POST', '/api/commitments', {
      token,
      body: { initiativeId, funderId, title: 'Per kwartaal', kind: 'subsidy', status: 'committed', startDate: '2027-01-01', endDate: '2027-12-31', amountCents: 1000, trancheSchedule: 'quarterly' },
    });
    expect(res.status).to.equal(201);
    const tranches = await app.request<{ id: number }[]>('GET', `/api/tranches?filter=${encodeURIComponent(JSON.stringify({ commitmentId: res.body.id }))}&sort=${encodeURIComponent('["id","ASC"]')}`, { token });
    expect(tranches.body).to.have.length(4);
    const rows = await auditOf(app.db, 'tranches', tranches.body.map((t) => t.id));
    expect(rows.map((r) => [r.action, r.user_id, r.before])).to.deep.equal(tranches.body.map(() => ['create', adminId, null]));
    expect(rows.map((r) => r.after)).to.deep.equal(tranches.body);
  });

  it("audits the tranches a commitment's delete removes", async () => {
    const initiativeId = await makeInitiative(app.db);
    const commitment = await makeCommitment(app.db, initiativeId, funderId);
    const tranches = [await makeTranche(app.db, commitment, { amountCents: 1 }), await makeTranche(app.db, commitment, { amountCents: 2 })];
    const before = await Promise.all(tranches.map(async (id) => (await app.request('GET', `/api/tranches/${id}`, { token })).body));
    expect((await app.request('DELETE', `/api/commitments/${commitment}`, { token })).status).to.equal(200);
    const rows = await auditOf(app.db, 'tranches', tranches);
    expect(rows.map((r) => [r.action, r.user_id, r.after])).to.deep.equal([
      ['delete', adminId, null],
      ['delete', adminId, null],
    ]);
    expect(rows.map((r) => r.before)).to.deep.equal(before);
  });

  it("audits the budgets an initiative's delete removes (its gaps go unaudited: the scans write them)", async () => {
    const initiativeId = await makeInitiative(app.db);
    const budgets = [await makeBudget(app.db, initiativeId, { year: 2027 }), await makeBudget(app.db, initiativeId, { year: 2028 })];
    expect((await app.request('DELETE', `/api/initiatives/${initiativeId}`, { token })).status).to.equal(200);
    const rows = await auditOf(app.db, 'budgets', budgets);
    expect(rows.map((r) => [r.action, Number(r.before?.id)])).to.deep.equal(budgets.map((id) => ['delete', id]));
  });

  it('writes no audit row for a cascade that did not happen (a refused delete)', async () => {
    const initiativeId = await makeInitiative(app.db);
    const budget = await makeBudget(app.db, initiativeId);
    await makeCommitment(app.db, initiativeId, funderId);
    expect((await app.request('DELETE', `/api/initiatives/${initiativeId}`, { token })).status).to.equal(409);
    expect(await auditOf(app.db, 'budgets', [budget])).to.deep.equal([]);
  });
});

describe('versioned delete', () => {
  let app: TestApp;
  let token: string;

  before(async () => {
    app = await startTestApp();
    token = await tokenFor(app.db, await makeUser(app.db, 'admin'));
  });
  after(() => app.close());

  const stillThere = async (id: number) => Boolean(await app.db('funders').where({ id }).first('id'));

  it('refuses a stale ?version= with 409 and deletes nothing', async () => {
    const id = await makeFunder(app.db);
    await app.db('funders').where({ id }).update({ version: 2 });
    const res = await app.request('DELETE', `/api/funders/${id}?version=1`, { token });
    expect(res.status).to.equal(409);
    expect(res.body).to.have.nested.property('errors.version', 'is stale: reload the record');
    expect(await stillThere(id)).to.equal(true);
    expect((await app.request('DELETE', `/api/funders/${id}?version=2`, { token })).status).to.equal(200);
    expect(await stillThere(id)).to.equal(false);
  });

  it('refuses a stale version in the body the same way', async () => {
    const id = await makeFunder(app.db);
    await app.db('funders').where({ id }).update({ version: 3 });
    expect((await app.request('DELETE', `/api/funders/${id}`, { token, body: { version: 2 } })).status).to.equal(409);
    expect(await stillThere(id)).to.equal(true);
    expect((await app.request('DELETE', `/api/funders/${id}`, { token, body: { version: 3 } })).status).to.equal(200);
  });

  it('deletes without a version, as before', async () => {
    const id = await makeFunder(app.db);
    expect((await app.request('DELETE', `/api/funders/${id}`, { token })).status).to.equal(200);
  });

  it('answers 400 for a version that is no whole number', async () => {
    const id = await makeFunder(app.db);
    for (const query of ['?version=abc', '?version=1.5', '?version=-1']) {
      const res = await app.request('DELETE', `/api/funders/${id}${query}`, { token });
      expect(res.status, query).to.equal(400);
      expect(res.body).to.have.nested.property('errors.version');
    }
    expect(await stillThere(id)).to.equal(true);
  });
});
