// The webhooks resource through the API: the secret answered once, the URL rule at write time,
// and who may see and write which webhooks and deliveries.
import { expect } from 'chai';
import { listQuery, startTestApp, type TestApp } from '../support/app.js';
import { makeFunder, makeInitiative, makeUser, tokenFor } from '../support/factories.js';
import { Receiver } from './receiver.js';

interface WebhookAnswer {
  id: number;
  funderId: number | null;
  url: string;
  events: string[];
  active: boolean;
  consecutiveFailures: number;
  version: number;
  secret?: string;
}

interface ErrorAnswer {
  code: string;
  codes: Record<string, { code: string; params?: Record<string, unknown> }>;
}

describe('webhooks: the resource', () => {
  let app: TestApp;
  let admin: string;
  let funderA: number;
  let funderUserA: string;
  let funderUserB: string;
  let initiativeUser: string;

  before(async () => {
    app = await startTestApp({ WEBHOOK_ALLOW_PRIVATE: 'true' });
    funderA = await makeFunder(app.db);
    const funderB = await makeFunder(app.db);
    admin = await tokenFor(app.db, await makeUser(app.db, 'admin'));
    funderUserA = await tokenFor(app.db, await makeUser(app.db, 'funder', { funderId: funderA }));
    funderUserB = await tokenFor(app.db, await makeUser(app.db, 'funder', { funderId: funderB }));
    initiativeUser = await tokenFor(app.db, await makeUser(app.db, 'initiative', { initiativeId: await makeInitiative(app.db) }));
  });

  after(async () => {
    // No webhook of this file is left on for the relays of later test files.
    await app.db('webhooks').update({ active: false });
    await app.close();
  });

  const create = (token: string, body: Record<string, unknown>) => app.request<WebhookAnswer & ErrorAnswer>('POST', '/api/webhooks', { token, body });

  it('answers the new secret once, on create, and never on a read', async () => {
    const res = await create(admin, { url: 'https://hooks.example.org/vangnet', events: ['gap.opened', 'gap.resolved'], description: 'Coalitie-dashboard' });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    expect(res.body.secret).to.match(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(res.body).to.include({ funderId: null, active: true, consecutiveFailures: 0 });
    expect(res.body.events).to.deep.equal(['gap.opened', 'gap.resolved']);
    const one = await app.request<Record<string, unknown>>('GET', `/api/webhooks/${res.body.id}`, { token: admin });
    const list = await app.request<Record<string, unknown>[]>('GET', `/api/webhooks${listQuery({ filter: { id: [res.body.id] } })}`, { token: admin });
    const exported = await app.request<string>('GET', `/api/webhooks/export${listQuery({ filter: { id: [res.body.id] } })}&format=csv`, { token: admin });
    const audit = await app.db('audit_events').where({ resource: 'webhooks', record_id: String(res.body.id) }).select('after');
    for (const text of [JSON.stringify(one.body), JSON.stringify(list.body), exported.body, JSON.stringify(audit)]) {
      expect(text).to.not.include(res.body.secret!);
      expect(text).to.not.include('secret');
    }
    expect(one.body).to.not.have.property('secret');
  });

  it('rolls the secret: the new one answered once, the old one gone', async () => {
    const created = await create(admin, { url: 'https://hooks.example.org/roll' });
    const rolled = await app.request<{ id: number; secret: string }>('POST', `/api/webhooks/${created.body.id}/secret`, { token: admin });
    expect(rolled.status).to.equal(200);
    expect(rolled.body.secret).to.match(/^whsec_/).and.not.equal(created.body.secret);
    const stored = await app.db('webhooks').where({ id: created.body.id }).first<{ secret: string }>('secret');
    expect(stored.secret).to.equal(rolled.body.secret);
  });

  it("gives a funder user's webhook its own funder, whatever it sends, and refuses another funder's", async () => {
    const own = await create(funderUserA, { url: 'https://hooks.example.org/a' });
    expect(own.status, JSON.stringify(own.body)).to.equal(201);
    expect(own.body.funderId).to.equal(funderA);
    const other = await create(funderUserB, { url: 'https://hooks.example.org/b', funderId: funderA });
    expect(other.status).to.equal(403);
  });

  it("hides a funder's webhooks and their deliveries from other funders (404) and from initiative users (403)", async () => {
    const own = await create(funderUserA, { url: 'https://hooks.example.org/own' });
    const [delivery] = await app.db('webhook_deliveries')
      .insert({ webhook_id: own.body.id, event_type: 'webhook.test', payload: { id: 'evt_test_x', type: 'webhook.test', createdAt: '2026-11-30T12:00:00.000Z', data: {} } })
      .returning<{ id: number }[]>('id');
    const path = `/api/webhooks/${own.body.id}`;
    expect((await app.request('GET', path, { token: funderUserA })).status).to.equal(200);
    expect((await app.request('GET', path, { token: funderUserB })).status).to.equal(404);
    expect((await app.request('PUT', path, { token: funderUserB, body: { ...own.body, secret: undefined, active: false } })).status).to.equal(404);
    expect((await app.request('DELETE', path, { token: funderUserB })).status).to.equal(404);
    expect((await app.request('POST', `${path}/test`, { token: funderUserB })).status).to.equal(404);
    expect((await app.request('POST', `${path}/secret`, { token: funderUserB })).status).to.equal(404);
    expect((await app.request('GET', `/api/webhook-deliveries/${delivery!.id}`, { token: funderUserB })).status).to.equal(404);
    expect((await app.request('GET', `/api/webhook-deliveries/${delivery!.id}`, { token: funderUserA })).status).to.equal(200);
    const listB = await app.request<WebhookAnswer[]>('GET', `/api/webhooks${listQuery({ range: [0, 999] })}`, { token: funderUserB });
    expect(listB.body.map((w) => w.id)).to.not.include(own.body.id);
    const listA = await app.request<WebhookAnswer[]>('GET', `/api/webhooks${listQuery({ range: [0, 999] })}`, { token: funderUserA });
    expect(listA.body.every((w) => w.funderId === funderA)).to.equal(true);
    for (const [method, p] of [['GET', '/api/webhooks'], ['POST', '/api/webhooks'], ['GET', path], ['GET', '/api/webhook-deliveries'], ['POST', `${path}/test`]] as const) {
      expect((await app.request(method, p, { token: initiativeUser, body: method === 'POST' ? { url: 'https://hooks.example.org/i' } : undefined })).status, `${method} ${p}`).to.equal(403);
    }
  });

  it('takes only known event types in the filter, each once', async () => {
    const bad = await create(admin, { url: 'https://hooks.example.org/x', events: ['gap.opened', 'gap.vanished'] });
    expect(bad.status).to.equal(400);
    expect(bad.body.codes['events.1']?.code ?? bad.body.codes.events?.code).to.be.a('string');
    const twice = await create(admin, { url: 'https://hooks.example.org/x', events: ['scan.failed', 'gap.opened', 'scan.failed'] });
    expect(twice.body.events).to.deep.equal(['gap.opened', 'scan.failed']);
  });

  it('switching a webhook back on starts its failures in a row afresh', async () => {
    const created = await create(admin, { url: 'https://hooks.example.org/again' });
    await app.db('webhooks').where({ id: created.body.id }).update({ active: false, consecutive_failures: 8, disabled_at: app.db.fn.now() });
    const current = await app.request<WebhookAnswer>('GET', `/api/webhooks/${created.body.id}`, { token: admin });
    const res = await app.request<WebhookAnswer & { disabledAt: string | null }>('PUT', `/api/webhooks/${created.body.id}`, { token: admin, body: { ...current.body, active: true } });
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect(res.body).to.include({ active: true, consecutiveFailures: 0, disabledAt: null });
  });
});

describe('webhooks: the URL rule at write time (WEBHOOK_ALLOW_PRIVATE off)', () => {
  let app: TestApp;
  let admin: string;
  let receiver: Receiver;

  before(async () => {
    app = await startTestApp({ WEBHOOK_ALLOW_PRIVATE: 'false' });
    admin = await tokenFor(app.db, await makeUser(app.db, 'admin'));
    receiver = await new Receiver().start();
  });

  after(async () => {
    await receiver.stop();
    await app.close();
  });

  it('refuses http, loopback addresses and localhost with a clear code, and stores nothing', async () => {
    const before = await app.db('webhooks').count<{ n: string }[]>({ n: '*' });
    const cases: [string, string, string | undefined][] = [
      [`http://127.0.0.1:${receiver.port}/hook`, 'webhook.https_only', undefined],
      [`https://127.0.0.1:${receiver.port}/hook`, 'webhook.private_address', 'loopback'],
      [`https://localhost:${receiver.port}/hook`, 'webhook.private_address', 'loopback'],
      [`https://[::1]:${receiver.port}/hook`, 'webhook.private_address', 'loopback'],
      ['https://10.1.2.3/hook', 'webhook.private_address', 'private'],
      ['https://169.254.169.254/latest/meta-data/', 'webhook.private_address', 'metadata'],
      ['ftp://hooks.example.org/', 'webhook.url', undefined],
      ['https://user:pw@hooks.example.org/', 'webhook.url', undefined],
    ];
    for (const [url, code, why] of cases) {
      const res = await app.request<ErrorAnswer>('POST', '/api/webhooks', { token: admin, body: { url } });
      expect(res.status, url).to.equal(400);
      expect(res.body.code, url).to.equal('validation');
      expect(res.body.codes.url?.code, url).to.equal(code);
      if (why) expect(res.body.codes.url?.params, url).to.deep.equal({ reason: why });
    }
    const created = await app.request<WebhookAnswer>('POST', '/api/webhooks', { token: admin, body: { url: 'https://hooks.example.org/fine', active: false } });
    expect(created.status).to.equal(201);
    const refused = await app.request<ErrorAnswer>('PUT', `/api/webhooks/${created.body.id}`, { token: admin, body: { ...created.body, secret: undefined, url: `https://localhost:${receiver.port}/` } });
    expect(refused.status).to.equal(400);
    const after = await app.db('webhooks').count<{ n: string }[]>({ n: '*' });
    expect(Number(after[0]!.n)).to.equal(Number(before[0]!.n) + 1);
    expect(receiver.received).to.have.length(0);
  });
});
