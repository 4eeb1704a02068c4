// GET /api/notifications, PUT /api/notifications/{id}, POST /api/notifications/read-all: the
// current user's notifications (design/notifications.md, "In the console"), each user only the
// events they are told of, with the usual list conventions.
import { expect } from 'chai';
import { recordEvents, type NewEvent } from '../../server/data/events.js';
import type { Notification } from '../../server/contract/notifications.js';
import { startTestApp, listQuery, type TestApp } from '../support/app.js';
import { makeFunder, makeInitiative, makeUser, tokenFor } from '../support/factories.js';

describe('notifications', () => {
  let app: TestApp;
  let initiative: number;
  let other: number;
  let funder: number;
  let tokens: { initiative: string; otherInitiative: string; funder: string; otherFunder: string; admin: string };
  let ids: { opened: number; pledge: number; scan: number; elsewhere: number };

  const gapEvent = (initiativeId: number, subjectId: number, funderIds: number[]): NewEvent => ({
    type: 'gap.opened',
    subjectType: 'gap',
    subjectId,
    initiativeId,
    funderIds,
    admins: true,
    data: { initiativeName: 'Taalcafé Notificatie', gapId: subjectId, kind: 'shortfall', severity: 'high', periodStart: '2027-01-01', periodEnd: '2027-06-30', shortfallCents: 1_234_56 },
  });

  const list = async (token: string, params: Parameters<typeof listQuery>[0] = {}) => {
    const res = await app.request<Notification[]>('GET', `/api/notifications${listQuery(params)}`, { token });
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    return { records: res.body, total: Number(res.headers.get('content-range')!.split('/')[1]) };
  };

  before(async () => {
    app = await startTestApp();
    const db = app.db;
    initiative = await makeInitiative(db, { name: 'Taalcafé Notificatie' });
    other = await makeInitiative(db);
    funder = await makeFunder(db);
    const otherFunder = await makeFunder(db);
    tokens = {
      initiative: await tokenFor(db, await makeUser(db, 'initiative', { initiativeId: initiative })),
      otherInitiative: await tokenFor(db, await makeUser(db, 'initiative', { initiativeId: other })),
      funder: await tokenFor(db, await makeUser(db, 'funder', { funderId: funder })),
      otherFunder: await tokenFor(db, await makeUser(db, 'funder', { funderId: otherFunder })),
      admin: await tokenFor(db, await makeUser(db, 'admin')),
    };
    const [opened] = await recordEvents(db, [gapEvent(initiative, 880_001, [funder])]);
    const [pledge] = await recordEvents(db, [
      {
        type: 'round.pledge',
        subjectType: 'pledge',
        subjectId: 880_002,
        cause: 'pledged:1',
        initiativeId: initiative,
        funderIds: [funder],
        admins: false,
        data: { initiativeName: 'Taalcafé Notificatie', roundId: 1, roundTitle: 'Doorstart 2027', funderName: 'Gemeente Utrecht', pledgeId: 880_002, status: 'pledged', amountCents: 5_000_00 },
      },
    ]);
    const [scan] = await recordEvents(db, [{ type: 'scan.failed', subjectType: 'scan', subjectId: 880_003, initiativeId: null, funderIds: [], admins: true, data: { scanId: 880_003, error: 'x' } }]);
    const [elsewhere] = await recordEvents(db, [gapEvent(other, 880_004, [otherFunder])]);
    ids = { opened: opened!, pledge: pledge!, scan: scan!, elsewhere: elsewhere! };
  });

  after(async () => {
    await app?.close();
  });

  it("lists an initiative user's notifications newest first, unread, with an exact total", async () => {
    const { records, total } = await list(tokens.initiative);
    expect(total).to.equal(2);
    expect(records.map((n) => n.id)).to.deep.equal([ids.pledge, ids.opened]);
    expect(records[1]).to.deep.include({ type: 'gap.opened', subjectType: 'gap', subjectId: 880_001, initiativeId: initiative, read: false });
    expect(records[1]!.data).to.include({ kind: 'shortfall', shortfallCents: 1_234_56 });
  });

  it('tells each role only what it is told of: its own initiative, its own funder, admins what admins are told', async () => {
    expect((await list(tokens.otherInitiative)).records.map((n) => n.id)).to.deep.equal([ids.elsewhere]);
    expect((await list(tokens.funder)).records.map((n) => n.id)).to.deep.equal([ids.pledge, ids.opened]);
    expect((await list(tokens.otherFunder)).records.map((n) => n.id)).to.deep.equal([ids.elsewhere]);
    const admin = await list(tokens.admin, { filter: { id: [ids.opened, ids.pledge, ids.scan, ids.elsewhere] } });
    // the pledge was not for admins
    expect(admin.records.map((n) => n.id)).to.deep.equal([ids.elsewhere, ids.scan, ids.opened]);
  });

  it('answers 404 for a notification of someone else, as for one that does not exist', async () => {
    for (const id of [ids.elsewhere, 99_999_999]) {
      expect((await app.request('GET', `/api/notifications/${id}`, { token: tokens.initiative })).status).to.equal(404);
      const put = await app.request('PUT', `/api/notifications/${id}`, { token: tokens.initiative, body: { read: true } });
      expect(put.status).to.equal(404);
    }
    expect((await list(tokens.otherInitiative, { filter: { read: true } })).total).to.equal(0);
  });

  it('marks one read for that user only, and filters by read', async () => {
    const res = await app.request<Notification>('PUT', `/api/notifications/${ids.opened}`, { token: tokens.initiative, body: { read: true, type: 'ignored' } });
    expect(res.status).to.equal(200);
    expect(res.body).to.include({ id: ids.opened, read: true, type: 'gap.opened' });
    expect((await list(tokens.initiative, { filter: { read: false } })).records.map((n) => n.id)).to.deep.equal([ids.pledge]);
    expect((await list(tokens.initiative, { filter: { read: true } })).records.map((n) => n.id)).to.deep.equal([ids.opened]);
    // the funder user is told of the same event and has not read it
    expect((await list(tokens.funder, { filter: { read: false } })).total).to.equal(2);
  });

  it('refuses anything but read: true, naming the field', async () => {
    const res = await app.request<{ code: string; codes: Record<string, { code: string }> }>('PUT', `/api/notifications/${ids.pledge}`, { token: tokens.initiative, body: { read: 'yes' } });
    expect(res.status).to.equal(400);
    expect(res.body.code).to.equal('validation');
    expect(res.body.codes).to.have.property('read');
    expect((await list(tokens.initiative, { filter: { read: false } })).total).to.equal(1);
  });

  it('marks all read, and a later event is unread again', async () => {
    const res = await app.request<{ read: number }>('POST', '/api/notifications/read-all', { token: tokens.initiative });
    expect(res.status).to.equal(200);
    expect(res.body).to.deep.equal({ read: 1 });
    expect((await list(tokens.initiative, { filter: { read: false } })).total).to.equal(0);
    expect((await app.request<{ read: number }>('POST', '/api/notifications/read-all', { token: tokens.initiative })).body).to.deep.equal({ read: 0 });
    const [later] = await recordEvents(app.db, [gapEvent(initiative, 880_005, [funder])]);
    const unread = await list(tokens.initiative, { filter: { read: false } });
    expect(unread.records.map((n) => n.id)).to.deep.equal([later]);
    // others' marks are their own
    expect((await list(tokens.funder, { filter: { read: false } })).total).to.equal(3);
  });

  it('pages and sorts with the list conventions, and refuses an unknown sort field', async () => {
    const page = await list(tokens.funder, { range: [1, 1], sort: ['id', 'ASC'] });
    expect(page.total).to.equal(3);
    expect(page.records.map((n) => n.id)).to.deep.equal([ids.pledge]);
    const bad = await app.request('GET', `/api/notifications${listQuery({ sort: ['data', 'ASC'] })}`, { token: tokens.funder });
    expect(bad.status).to.equal(400);
  });

  it('is only for a logged-in user', async () => {
    expect((await app.request('GET', '/api/notifications')).status).to.equal(401);
  });
});
