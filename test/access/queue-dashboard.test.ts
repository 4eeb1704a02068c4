import { expect } from 'chai';
import { startTestApp, type TestApp } from '../support/app.js';
import { makeFunder, makeUser, tokenFor } from '../support/factories.js';

describe('queue dashboard', () => {
  let app: TestApp;
  let adminToken: string;
  let funderToken: string;

  before(async () => {
    app = await startTestApp();
    adminToken = await tokenFor(app.db, await makeUser(app.db, 'admin'));
    funderToken = await tokenFor(app.db, await makeUser(app.db, 'funder', { funder_id: await makeFunder(app.db) }));
  });
  after(() => app.close());

  it('answers 401 without a session and 403 to a funder', async () => {
    expect((await app.request('GET', '/admin/queues')).status).to.equal(401);
    expect((await app.request('GET', '/admin/queues/api/queues')).status).to.equal(401);
    expect((await app.request('GET', '/admin/queues', { token: funderToken })).status).to.equal(403);
    expect((await app.request('POST', '/api/auth/dashboard-cookie', { token: funderToken })).status).to.equal(403);
  });

  it('shows both queues to an admin, with the bearer token or the dashboard cookie', async () => {
    const page = await app.request<string>('GET', '/admin/queues', { token: adminToken });
    expect(page.status).to.equal(200);
    expect(page.body).to.contain('__UI_CONFIG__');

    const cookie = await app.request('POST', '/api/auth/dashboard-cookie', { token: adminToken });
    expect(cookie.status).to.equal(204);
    const setCookie = cookie.headers.get('set-cookie') ?? '';
    expect(setCookie).to.match(/^vangnet_dashboard=[^;]+; Path=\/admin\/queues; HttpOnly; SameSite=Strict/);
    const queues = await app.request<{ queues: { name: string }[] }>('GET', '/admin/queues/api/queues', { headers: { cookie: setCookie.split(';')[0]! } });
    expect(queues.status).to.equal(200);
    expect(queues.body.queues.map((q) => q.name).sort()).to.deep.equal(['rescan', 'scan']);
  });
});
