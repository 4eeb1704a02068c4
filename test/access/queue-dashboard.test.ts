import { expect } from 'chai';
import { NO_DASHBOARD } from '../../server/http/queueDashboard.js';
import { forEachBackend } from '../jobs/support.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { makeFunder, makeUser, tokenFor } from '../support/factories.js';

forEachBackend('queue dashboard', (backend) => {
  let app: TestApp;
  let adminToken: string;
  let funderToken: string;

  before(async () => {
    app = await startTestApp(backend.overrides);
    adminToken = await tokenFor(app.db, await makeUser(app.db, 'admin'));
    funderToken = await tokenFor(app.db, await makeUser(app.db, 'funder', { funderId: await makeFunder(app.db) }));
  });
  after(() => app.close());

  it('answers 401 without a session and 403 to a funder', async () => {
    expect((await app.request('GET', '/admin/queues')).status).to.equal(401);
    expect((await app.request('GET', '/admin/queues/api/queues')).status).to.equal(401);
    expect((await app.request('GET', '/admin/queues', { token: funderToken })).status).to.equal(403);
    expect((await app.request('POST', '/api/auth/dashboard-cookie', { token: funderToken })).status).to.equal(403);
  });

  it('sends a browser that opens the page without a session to the console’s login', async () => {
    const html = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    const page = await app.request('GET', '/admin/queues', { headers: { accept: html }, redirect: 'manual' });
    expect(page.status).to.equal(303);
    expect(page.headers.get('location')).to.equal('/');
    const expired = await app.request('GET', '/admin/queues', { headers: { accept: html, cookie: 'vangnet_dashboard=no-such-session' }, redirect: 'manual' });
    expect(expired.status).to.equal(303);
    expect((await app.request('GET', '/admin/queues/api/queues', { headers: { accept: html } })).status, 'data, not a page').to.equal(401);
  });

  if (backend.name === 'postgres') {
    it('answers an admin 404 naming the console’s scans page: bull-board cannot show queues on PostgreSQL', async () => {
      for (const path of ['/admin/queues', '/admin/queues/api/queues']) {
        const res = await app.request('GET', path, { token: adminToken });
        expect(res.status, path).to.equal(404);
        expect(res.body, path).to.deep.equal({ message: NO_DASHBOARD, code: 'not_found' });
      }
      expect((await app.request('PUT', '/admin/queues/api/queues/scan/pause', { token: adminToken, body: {} })).status).to.equal(405);
    });
  } else {
    it('shows the queues to an admin, with the bearer token or the dashboard cookie', async () => {
      const page = await app.request<string>('GET', '/admin/queues', { token: adminToken });
      expect(page.status).to.equal(200);
      expect(page.body).to.contain('__UI_CONFIG__');

      const cookie = await app.request('POST', '/api/auth/dashboard-cookie', { token: adminToken });
      expect(cookie.status).to.equal(204);
      const setCookie = cookie.headers.get('set-cookie') ?? '';
      expect(setCookie).to.match(/^vangnet_dashboard=[^;]+;/);
      for (const attribute of ['Path=/admin/queues', 'HttpOnly', 'SameSite=Strict']) expect(setCookie).to.contain(attribute);
      const queues = await app.request<{ queues: { name: string }[] }>('GET', '/admin/queues/api/queues', { headers: { cookie: setCookie.split(';')[0]! } });
      expect(queues.status).to.equal(200);
      expect(queues.body.queues.map((q) => q.name).sort()).to.deep.equal(['digest', 'import', 'rescan', 'scan', 'simulation', 'webhook']);
    });

    it('is read-only: pause, resume, retry, clean and the rest answer 405 and change nothing', async () => {
      for (const [method, path] of [
        ['PUT', '/api/queues/pause'],
        ['PUT', '/api/queues/scan/pause'],
        ['PUT', '/api/queues/scan/retry/failed'],
        ['PUT', '/api/queues/scan/clean/completed'],
        ['PUT', '/api/queues/scan/empty'],
        ['POST', '/api/queues/scan/add'],
        ['DELETE', '/api/queues/scan/obliterate'],
      ] as const) {
        const res = await app.request(method, `/admin/queues${path}`, { token: adminToken, body: {} });
        expect(res.status, `${method} ${path}`).to.equal(405);
      }
      expect(await app.producer.queues.scan.isPaused()).to.equal(false);
      const queues = await app.request<{ queues: { readOnlyMode: boolean }[] }>('GET', '/admin/queues/api/queues', { token: adminToken });
      expect(queues.body.queues.every((q) => q.readOnlyMode)).to.equal(true);
    });

    it('never announces X-Powered-By, on the page or its API', async () => {
      for (const path of ['/admin/queues', '/admin/queues/api/queues']) {
        const res = await app.request('GET', path, { token: adminToken });
        expect(res.status).to.equal(200);
        expect(res.headers.get('x-powered-by'), path).to.equal(null);
      }
    });
  }

  it('answers 401 to a cookie that is not valid percent-encoding, before anything else', async () => {
    for (const cookie of ['vangnet_dashboard=%', 'vangnet_dashboard=%E0%A4%A', 'vangnet_dashboard=%ZZ']) {
      expect((await app.request('GET', '/admin/queues', { headers: { cookie } })).status, cookie).to.equal(401);
    }
  });

  it('sets the cookie for exactly the rest of the session, Secure over HTTPS', async () => {
    const plain = await app.request('POST', '/api/auth/dashboard-cookie', { token: adminToken });
    const maxAge = Number(/Max-Age=(\d+)/.exec(plain.headers.get('set-cookie') ?? '')?.[1]);
    // tokenFor makes sessions of one hour.
    expect(maxAge).to.be.within(3600 - 60, 3600);
    expect(plain.headers.get('set-cookie')).not.to.contain('Secure');
    const https = await app.request('POST', '/api/auth/dashboard-cookie', { token: adminToken, headers: { 'x-forwarded-proto': 'https' } });
    expect(https.headers.get('set-cookie')).to.contain('Secure');
  });
});
