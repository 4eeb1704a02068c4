import { expect } from 'chai';
import { startTestApp, type TestApp } from '../support/app.js';
import { makeBudget, makeCommitment, makeFunder, makeInitiative, makeTranche, makeUser, tokenFor } from '../support/factories.js';

type Rec = Record<string, unknown> & { id: number; version: number };

describe('no mass assignment', () => {
  let app: TestApp;
  let funderA: number;
  let funderB: number;
  let own: number;
  let other: number;
  let funderToken: string;
  let initiativeToken: string;
  let adminId: number;
  let adminToken: string;

  before(async () => {
    app = await startTestApp();
    funderA = await makeFunder(app.db);
    funderB = await makeFunder(app.db);
    own = await makeInitiative(app.db);
    other = await makeInitiative(app.db, { sharedWithFunders: true });
    funderToken = await tokenFor(app.db, await makeUser(app.db, 'funder', { funderId: funderA }));
    initiativeToken = await tokenFor(app.db, await makeUser(app.db, 'initiative', { initiativeId: own }));
    adminId = await makeUser(app.db, 'admin');
    adminToken = await tokenFor(app.db, adminId);
  });
  after(() => app.close());

  const read = async (path: string) => (await app.request<Rec>('GET', path, { token: adminToken })).body;

  it('refuses a funder moving its commitment to another funder, and changes nothing', async () => {
    const id = await makeCommitment(app.db, own, funderA);
    const before = await read(`/api/commitments/${id}`);
    const res = await app.request('PUT', `/api/commitments/${id}`, { token: funderToken, body: { ...before, funderId: funderB } });
    expect(res.status).to.equal(422);
    expect(res.body).to.have.nested.property('errors.funderId', 'cannot be changed once created');
    expect(await read(`/api/commitments/${id}`)).to.deep.equal(before);
  });

  it('refuses a funder creating a commitment in another funder’s name', async () => {
    const res = await app.request('POST', '/api/commitments', {
      token: funderToken,
      body: { initiativeId: other, funderId: funderB, title: 'Niet van mij', kind: 'grant', status: 'committed', startDate: '2027-01-01', endDate: '2027-12-31', amountCents: 100 },
    });
    expect(res.status).to.equal(403);
    expect(await app.db('commitments').where({ title: 'Niet van mij' }).first()).to.equal(undefined);
  });

  it('refuses an initiative user moving a budget or commitment to another initiative', async () => {
    const budget = await makeBudget(app.db, own, { year: 2031 });
    const before = await read(`/api/budgets/${budget}`);
    const res = await app.request('PUT', `/api/budgets/${budget}`, { token: initiativeToken, body: { ...before, initiativeId: other } });
    // An initiative it may not see answers like one that does not exist.
    expect(res.status).to.equal(400);
    expect(res.body).to.have.nested.property('errors.initiativeId', 'must be the id of an existing initiatives record you may see');
    expect(await read(`/api/budgets/${budget}`)).to.deep.equal(before);

    const commitment = await makeCommitment(app.db, own, funderB);
    const c = await read(`/api/commitments/${commitment}`);
    const moved = await app.request('PUT', `/api/commitments/${commitment}`, { token: initiativeToken, body: { ...c, initiativeId: other } });
    expect(moved.status).to.equal(422);
    expect(moved.body).to.have.nested.property('errors.initiativeId', 'cannot be changed once created');
    expect(await read(`/api/commitments/${commitment}`)).to.deep.equal(c);
  });

  it('ignores read-only amounts and ids sent back, and never takes a version from the client', async () => {
    const commitment = await makeCommitment(app.db, own, funderA, { amountCents: 1000 });
    await makeTranche(app.db, commitment, { amountCents: 400 });
    const before = await read(`/api/commitments/${commitment}`);
    const res = await app.request<Rec>('PUT', `/api/commitments/${commitment}`, {
      token: funderToken,
      body: { ...before, id: 999_999, scheduledCents: 1, receivedCents: 1000, remainingCents: 0, unscheduledCents: 0, title: 'Nieuwe titel' },
    });
    expect(res.status).to.equal(200);
    expect(res.body).to.deep.include({ id: commitment, title: 'Nieuwe titel', scheduledCents: 400, receivedCents: 0, unscheduledCents: 600, remainingCents: 1000, version: 2 });
    const jump = await app.request('PUT', `/api/commitments/${commitment}`, { token: funderToken, body: { ...res.body, version: 50 } });
    expect(jump.status).to.equal(409);
    expect((await read(`/api/commitments/${commitment}`)).version).to.equal(2);
  });

  it('refuses fields that are not part of a record (audit fields, password hashes)', async () => {
    const budget = await makeBudget(app.db, own, { year: 2032 });
    const before = await read(`/api/budgets/${budget}`);
    const res = await app.request('PUT', `/api/budgets/${budget}`, { token: initiativeToken, body: { ...before, createdAt: '2000-01-01', updatedBy: 1 } });
    expect(res.status).to.equal(400);
    expect(res.body).to.have.nested.property('errors.createdAt', 'is not a field of budgets');
    const user = await read(`/api/users/${adminId}`);
    const hash = await app.request('PUT', `/api/users/${adminId}`, { token: adminToken, body: { ...user, passwordHash: 'x' } });
    expect(hash.status).to.equal(400);
  });

  it('refuses an admin changing their own role or disabling themselves', async () => {
    const me = await read(`/api/users/${adminId}`);
    const role = await app.request('PUT', `/api/users/${adminId}`, { token: adminToken, body: { ...me, role: 'funder', funderId: funderA } });
    expect(role.status).to.equal(403);
    expect(role.body).to.have.nested.property('errors.role');
    const disable = await app.request('PUT', `/api/users/${adminId}`, { token: adminToken, body: { ...me, disabled: true } });
    expect(disable.status).to.equal(403);
    expect(await read(`/api/users/${adminId}`)).to.deep.equal(me);
  });

  it('refuses writing audit events', async () => {
    const res = await app.request('POST', '/api/audit-events', { token: adminToken, body: { action: 'create', resource: 'x', recordId: '1' } });
    expect(res.status).to.equal(405);
  });
});
