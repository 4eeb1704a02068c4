// Webhook deliveries end to end, on each queue backend: events recorded as the product records
// them, turned into deliveries by the worker's relay, POSTed to a real receiver on 127.0.0.1 that
// verifies the signature, retried with (shortened) backoff, and a webhook switched off after 8
// failures in a row. Nothing here lets the product connect anywhere but loopback.
import { expect } from 'chai';
import { recordEvents, type NewEvent } from '../../server/data/events.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { makeFunder, makeUser, tokenFor } from '../support/factories.js';
import { forEachBackend, QUIET_SCHEDULE, sleep, waitFor } from '../jobs/support.js';
import { Receiver, type Answer } from './receiver.js';

interface DeliveryAnswer {
  id: number;
  webhookId: number;
  eventId: number | null;
  eventType: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
}

let subject = 0;
const gapEvent = (funderIds: number[], over: Partial<NewEvent> = {}): NewEvent => ({
  type: 'gap.opened',
  subjectType: 'gap',
  // Far from the ids the scans give their gaps, so these never collide with a real gap's event.
  subjectId: 900_000_000 + process.pid * 1000 + ++subject,
  initiativeId: null,
  funderIds,
  admins: true,
  data: { initiativeName: 'Buurthuis De Haven', gapId: 1, kind: 'shortfall', severity: 'high', periodStart: '2027-01-01', periodEnd: '2027-06-30', shortfallCents: 1_234_56 },
  ...over,
});

forEachBackend('webhook deliveries', function (backend) {
  // Retries with backoff on a shared machine: each test waits for up to 30 s of deliveries.
  this.timeout(60_000);
  let app: TestApp;
  let admin: string;
  const receivers: Receiver[] = [];

  before(async () => {
    app = await startTestApp({ ...backend.overrides, SCAN_SCHEDULE: QUIET_SCHEDULE, WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_BACKOFF_MS: '20', WEBHOOK_TIMEOUT_MS: '300' });
    admin = await tokenFor(app.db, await makeUser(app.db, 'admin'));
    await app.startWorker();
  });

  after(async () => {
    await app.db('webhooks').update({ active: false });
    for (const r of receivers) await r.stop();
    await app?.close();
  });

  const receiver = async (answers: Answer[]) => {
    const r = await new Receiver(answers).start();
    receivers.push(r);
    return r;
  };

  /** A funder's webhook to the receiver, made by one of its users through the API. */
  const funderWebhook = async (r: Receiver, funderId: number, events: string[] = []) => {
    const token = await tokenFor(app.db, await makeUser(app.db, 'funder', { funderId }));
    const res = await app.request<{ id: number; secret: string }>('POST', '/api/webhooks', { token, body: { url: r.url, events } });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    r.secret = res.body.secret;
    return { id: res.body.id, token };
  };

  const deliveriesOf = async (webhookId: number, token = admin) => {
    const res = await app.request<DeliveryAnswer[]>('GET', `/api/webhook-deliveries?filter=${encodeURIComponent(JSON.stringify({ webhookId }))}&sort=["id","ASC"]`, { token });
    expect(res.status).to.equal(200);
    return res.body;
  };

  it('retries a delivery the receiver refuses (500, 500, 500, 200): one delivery, succeeded after 4 attempts, the same event id and a valid signature each time', async () => {
    const funderId = await makeFunder(app.db);
    const r = await receiver([500, 500, 500, 200]);
    const { id, token } = await funderWebhook(r, funderId);
    const [eventId] = await recordEvents(app.db, [gapEvent([funderId])]);
    const [delivery] = await waitFor('the delivery to succeed', async () => {
      const list = await deliveriesOf(id, token);
      return list[0]?.status === 'succeeded' && list;
    });
    expect(delivery).to.include({ eventId, eventType: 'gap.opened', status: 'succeeded', attempts: 4, lastStatusCode: 200, lastError: null });
    expect(await deliveriesOf(id)).to.have.length(1);
    expect(r.received).to.have.length(4);
    expect(r.received.every((x) => x.signatureValid)).to.equal(true);
    expect(new Set(r.received.map((x) => x.headers['vangnet-event-id']))).to.deep.equal(new Set([`evt_${eventId}`]));
    expect(r.received.map((x) => x.headers['user-agent'])).to.deep.equal(Array(4).fill('Vangnet-Webhooks'));
    const body = JSON.parse(r.received[3]!.body) as Record<string, unknown>;
    expect(body).to.have.keys('id', 'type', 'createdAt', 'data');
    expect(body).to.include({ id: `evt_${eventId}`, type: 'gap.opened' });
    expect((body.data as Record<string, unknown>).initiativeName).to.equal('Buurthuis De Haven');
    const webhook = await app.request<{ consecutiveFailures: number; active: boolean }>('GET', `/api/webhooks/${id}`, { token });
    expect(webhook.body).to.include({ consecutiveFailures: 0, active: true });
    // Nothing is sent again once succeeded, however long the relay keeps running.
    await sleep(1500);
    expect(r.received).to.have.length(4);
  });

  it('switches a webhook off after 8 failed attempts of a receiver that never answers, and tells its owner', async () => {
    const funderId = await makeFunder(app.db);
    const r = await receiver(['hang']);
    const { id, token } = await funderWebhook(r, funderId);
    await recordEvents(app.db, [gapEvent([funderId])]);
    const webhook = await waitFor(
      'the webhook to be switched off',
      async () => {
        const res = await app.request<{ active: boolean; consecutiveFailures: number; disabledAt: string | null }>('GET', `/api/webhooks/${id}`, { token });
        return !res.body.active && res.body;
      },
      30_000,
      100,
    );
    expect(webhook.consecutiveFailures).to.equal(8);
    expect(webhook.disabledAt).to.be.a('string');
    const [delivery] = await deliveriesOf(id);
    expect(delivery).to.include({ status: 'failed', attempts: 8, lastStatusCode: null });
    expect(delivery!.lastError).to.match(/no answer within 300 ms/);
    expect(r.received).to.have.length(8);
    const told = await app.db('events').where({ type: 'webhook.disabled', subject_type: 'webhook', subject_id: id }).select<{ funder_ids: number[]; admins: boolean; data: Record<string, unknown> }[]>('funder_ids', 'admins', 'data');
    expect(told).to.have.length(1);
    expect(told[0]).to.deep.include({ funder_ids: [funderId], admins: false });
    expect(told[0]!.data).to.deep.equal({ webhookId: id, url: r.url, failures: 8 });
    // A switched-off webhook is sent nothing more.
    await recordEvents(app.db, [gapEvent([funderId])]);
    await sleep(1500);
    expect(r.received).to.have.length(8);
    expect(await deliveriesOf(id)).to.have.length(1);
  });

  it("sends a funder's webhook only the events that name its funder, and only those its filter takes", async () => {
    const [funderA, funderB] = [await makeFunder(app.db), await makeFunder(app.db)];
    const r = await receiver([200]);
    const { id } = await funderWebhook(r, funderA, ['gap.opened', 'scan.failed']);
    const [forA, forBoth] = await recordEvents(app.db, [gapEvent([funderA]), gapEvent([funderB, funderA])]);
    await recordEvents(app.db, [gapEvent([funderB]), gapEvent([]), gapEvent([funderA], { type: 'gap.resolved' })]);
    await waitFor('two deliveries to succeed', async () => (await deliveriesOf(id)).filter((d) => d.status === 'succeeded').length === 2);
    await sleep(1500);
    const deliveries = await deliveriesOf(id);
    expect(deliveries.map((d) => d.eventId).sort()).to.deep.equal([forA, forBoth].sort());
    expect(r.received.map((x) => x.headers['vangnet-event-id']).sort()).to.deep.equal([`evt_${forA}`, `evt_${forBoth}`].sort());
  });

  it('delivers each of many events exactly once with two workers relaying and sending at the same time', async () => {
    await app.startWorker();
    const funderId = await makeFunder(app.db);
    const r = await receiver([200]);
    const { id } = await funderWebhook(r, funderId);
    const ids: number[] = [];
    // In several transactions, some recorded while the relays are reading.
    for (let batch = 0; batch < 5; batch++) {
      ids.push(...(await recordEvents(app.db, Array.from({ length: 6 }, () => gapEvent([funderId])))));
      await sleep(150);
    }
    await waitFor('every delivery to succeed', async () => (await deliveriesOf(id)).filter((d) => d.status === 'succeeded').length === ids.length, 30_000, 100);
    await sleep(1500);
    expect(r.received.map((x) => x.headers['vangnet-event-id']).sort()).to.deep.equal(ids.map((e) => `evt_${e}`).sort());
    expect(r.received.every((x) => x.signatureValid)).to.equal(true);
  });

  it('sends a test event on request, once, and shows how it went', async () => {
    const funderId = await makeFunder(app.db);
    const r = await receiver([204]);
    const { id, token } = await funderWebhook(r, funderId);
    const res = await app.request<DeliveryAnswer>('POST', `/api/webhooks/${id}/test`, { token });
    expect(res.status, JSON.stringify(res.body)).to.equal(202);
    expect(res.body).to.include({ webhookId: id, eventId: null, eventType: 'webhook.test', status: 'pending' });
    const done = await waitFor('the test delivery to succeed', async () => {
      const one = await app.request<DeliveryAnswer>('GET', `/api/webhook-deliveries/${res.body.id}`, { token });
      return one.body.status === 'succeeded' && one.body;
    });
    expect(done).to.include({ attempts: 1, lastStatusCode: 204 });
    expect(r.received).to.have.length(1);
    expect(r.received[0]!.signatureValid).to.equal(true);
    expect(JSON.parse(r.received[0]!.body)).to.include({ type: 'webhook.test' });
  });
});

forEachBackend('webhook deliveries to private addresses (WEBHOOK_ALLOW_PRIVATE off)', function (backend) {
  this.timeout(60_000);
  let app: TestApp;
  let receiver: Receiver;

  before(async () => {
    app = await startTestApp({ ...backend.overrides, SCAN_SCHEDULE: QUIET_SCHEDULE, WEBHOOK_ALLOW_PRIVATE: 'false', WEBHOOK_BACKOFF_MS: '20' });
    await app.startWorker();
    receiver = await new Receiver([200]).start();
  });

  after(async () => {
    await app.db('webhooks').update({ active: false });
    await receiver.stop();
    await app?.close();
  });

  it('refuses to deliver to 127.0.0.1 or localhost even when the row bypassed the write check, and never contacts the receiver', async () => {
    const funderId = await makeFunder(app.db);
    const urls = [`http://127.0.0.1:${receiver.port}/hook`, `https://127.0.0.1:${receiver.port}/hook`, `https://localhost:${receiver.port}/hook`];
    const ids: number[] = [];
    for (const url of urls) {
      const [row] = await app.db('webhooks').insert({ funder_id: funderId, url, secret: 'whsec_test' }).returning<{ id: number }[]>('id');
      ids.push(row!.id);
    }
    await recordEvents(app.db, [gapEvent([funderId])]);
    const deliveries = await waitFor(
      'every delivery to be refused and given up',
      async () => {
        const rows = await app.db('webhook_deliveries').whereIn('webhook_id', ids).select<{ webhook_id: number; status: string; attempts: number; last_error: string }[]>('webhook_id', 'status', 'attempts', 'last_error');
        return rows.length === ids.length && rows.every((d) => d.status === 'failed') && rows;
      },
      30_000,
      100,
    );
    for (const d of deliveries) {
      expect(d.attempts, d.last_error).to.equal(8);
      expect(d.last_error).to.match(/^refused: /);
    }
    expect(deliveries.map((d) => d.last_error).sort()).to.deep.equal(
      [`refused: localhost is this machine (loopback)`, 'refused: only https URLs are delivered to', 'refused: 127.0.0.1 resolves to 127.0.0.1, a loopback address'].sort(),
    );
    expect(receiver.received).to.have.length(0);
  });
});
