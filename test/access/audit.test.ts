import { expect } from 'chai';
import { listQuery, startTestApp, type TestApp } from '../support/app.js';
import { makeFunder, makeInitiative, makeUser, tokenFor } from '../support/factories.js';

interface AuditEvent {
  id: number;
  userId: number;
  action: string;
  resource: string;
  recordId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  at: string;
}

describe('audit trail', () => {
  let app: TestApp;
  let adminId: number;
  let token: string;
  let initiativeId: number;

  before(async () => {
    app = await startTestApp();
    adminId = await makeUser(app.db, 'admin');
    token = await tokenFor(app.db, adminId);
    initiativeId = await makeInitiative(app.db);
  });
  after(() => app.close());

  const eventsOf = async (resource: string, recordId: number) =>
    (await app.request<AuditEvent[]>('GET', '/api/audit-events' + listQuery({ filter: { resource, recordId: String(recordId) }, sort: ['id', 'ASC'] }), { token })).body;

  it('records create, update and delete with user, before and after', async () => {
    const created = await app.request<Record<string, unknown> & { id: number }>('POST', '/api/budgets', { token, body: { initiativeId, year: 2029, amountCents: 5000 } });
    const updated = await app.request<Record<string, unknown> & { id: number }>('PUT', `/api/budgets/${created.body.id}`, { token, body: { ...created.body, amountCents: 7000 } });
    const deleted = await app.request('DELETE', `/api/budgets/${created.body.id}`, { token });
    expect([created.status, updated.status, deleted.status]).to.deep.equal([201, 200, 200]);

    const events = await eventsOf('budgets', created.body.id);
    expect(events.map((e) => e.action)).to.deep.equal(['create', 'update', 'delete']);
    expect(events.every((e) => e.userId === adminId)).to.equal(true);
    expect(events[0]!.before).to.equal(null);
    expect(events[0]!.after).to.deep.equal(created.body);
    expect(events[1]!.before).to.deep.equal(created.body);
    expect(events[1]!.after).to.deep.equal(updated.body);
    expect(events[2]!.before).to.deep.equal(updated.body);
    expect(events[2]!.after).to.equal(null);
  });

  it('filters by user', async () => {
    const otherAdmin = await makeUser(app.db, 'admin');
    const otherToken = await tokenFor(app.db, otherAdmin);
    await app.request('POST', '/api/funders', { token: otherToken, body: { name: 'Auditfonds', type: 'company' } });
    const res = await app.request<AuditEvent[]>('GET', '/api/audit-events' + listQuery({ filter: { userId: otherAdmin } }), { token });
    expect(res.body).to.have.length(1);
    expect(res.body[0]).to.deep.include({ action: 'create', resource: 'funders', userId: otherAdmin });
  });

  it('never holds or answers a password or its hash, for users created or updated', async () => {
    const funderId = await makeFunder(app.db);
    const created = await app.request<Record<string, unknown> & { id: number }>('POST', '/api/users', {
      token,
      body: { email: 'Nieuwe.Gebruiker@Test.Example', role: 'funder', funderId, password: 'secret password 123' },
    });
    expect(created.status).to.equal(201);
    expect(created.body).to.deep.include({ email: 'nieuwe.gebruiker@test.example', role: 'funder', funderId, disabled: false });
    const reset = await app.request('PUT', `/api/users/${created.body.id}`, { token, body: { ...created.body, password: 'another secret 456' } });
    expect(reset.status).to.equal(200);
    const list = await app.request('GET', '/api/users', { token });
    const events = await eventsOf('users', created.body.id);
    expect(events).to.have.length(2);
    expect(events[1]!.after).to.have.property('passwordChanged', true);
    for (const body of [created.body, reset.body, list.body, events]) {
      // The audit row of a reset says that the password changed, never what it is.
      const text = JSON.stringify(body).replaceAll('"passwordChanged":true', '');
      expect(text).not.to.match(/password|argon2|secret/i);
    }
    const rows = await app.db('audit_events').where({ resource: 'users' }).select('before', 'after');
    expect(JSON.stringify(rows)).not.to.match(/argon2|secret/i);
  });

  it('refuses a user without password', async () => {
    const res = await app.request('POST', '/api/users', { token, body: { email: 'zonder@test.example', role: 'admin' } });
    expect(res.status).to.equal(400);
    expect(res.body).to.have.nested.property('errors.password', 'is required for a new user');
  });

  it('is readable by admins only', async () => {
    const funderToken = await tokenFor(app.db, await makeUser(app.db, 'funder', { funderId: await makeFunder(app.db) }));
    expect((await app.request('GET', '/api/audit-events', { token: funderToken })).status).to.equal(403);
  });
});
