// Who may read and change what of the e-mail digests over HTTP: every user their own language and
// digest (and nobody else's), the one-click unsubscribe link without a login (RFC 8058), and the
// outbound e-mails for admins only.
import { expect } from 'chai';
import { DigestService } from '../../server/services/digests.js';
import { listQuery, startTestApp, type TestApp } from '../support/app.js';
import { adminToken, makeFunder, makeInitiative, makeUser, tokenFor } from '../support/factories.js';
import { gapEvent } from './support.js';

describe('digest preferences, unsubscribe links and outbound e-mails over HTTP', function () {
  this.timeout(20_000);
  let app: TestApp;
  let funderUser: number;
  let funderToken: string;
  let admin: string;

  const digestOf = async (id: number) => (await app.db('users').where({ id }).first<{ digest: string }>('digest')).digest;
  const linkFor = (userId: number) => app.services.digests.unsubscribeUrl(userId).then((url) => url.slice(url.indexOf('/api/')));

  before(async () => {
    app = await startTestApp({ PUBLIC_URL: 'http://vangnet.test' });
    funderUser = await makeUser(app.db, 'funder', { funderId: await makeFunder(app.db) });
    funderToken = await tokenFor(app.db, funderUser);
    admin = await adminToken(app.db);
  });

  after(async () => {
    await app?.close();
  });

  it('lets any user read and change their own language and digest, recorded in the audit log', async () => {
    expect((await app.request('GET', '/api/me/preferences', { token: funderToken })).body).to.deep.equal({ language: 'nl', digest: 'daily' });
    const res = await app.request('PUT', '/api/me/preferences', { token: funderToken, body: { language: 'en', digest: 'weekly' } });
    expect(res.status).to.equal(200);
    expect(res.body).to.deep.equal({ language: 'en', digest: 'weekly' });
    expect(await app.db('users').where({ id: funderUser }).first('language', 'digest')).to.deep.equal({ language: 'en', digest: 'weekly' });
    const audit = await app.db('audit_events').where({ resource: 'users', record_id: String(funderUser), user_id: funderUser }).first();
    expect(audit.after).to.include({ language: 'en', digest: 'weekly' });
  });

  it('refuses an unknown value with a field code, changing nothing', async () => {
    const res = await app.request<{ code: string; codes: Record<string, { code: string }> }>('PUT', '/api/me/preferences', { token: funderToken, body: { language: 'de', digest: 'hourly' } });
    expect(res.status).to.equal(400);
    expect(res.body.code).to.equal('validation');
    expect(res.body.codes.language?.code).to.equal('field.one_of');
    expect(res.body.codes.digest?.code).to.equal('field.one_of');
    expect(await digestOf(funderUser)).to.equal('weekly');
  });

  it("changes only one's own preferences: another user's are the admins' (users resource)", async () => {
    const other = await makeUser(app.db, 'initiative', { initiativeId: await makeInitiative(app.db) });
    // whatever is sent, /me is the caller
    await app.request('PUT', '/api/me/preferences', { token: funderToken, body: { language: 'en', digest: 'off', id: other } });
    expect(await digestOf(other)).to.equal('daily');
    const res = await app.request('PUT', `/api/users/${other}`, { token: funderToken, body: { digest: 'off', version: 1 } });
    expect(res.status).to.equal(403);
    expect(await digestOf(other)).to.equal('daily');
    const record = (await app.request<{ version: number }>('GET', `/api/users/${other}`, { token: admin })).body;
    const byAdmin = await app.request<{ digest: string; language: string }>('PUT', `/api/users/${other}`, { token: admin, body: { ...record, digest: 'weekly', language: 'en' } });
    expect(byAdmin.status).to.equal(200);
    expect(byAdmin.body).to.include({ digest: 'weekly', language: 'en' });
  });

  it('needs a login for the preferences', async () => {
    expect((await app.request('GET', '/api/me/preferences')).status).to.equal(401);
  });

  it('shows the unsubscribe page in the user’s language, and one POST (RFC 8058) turns the digest off without a login', async () => {
    const user = await makeUser(app.db, 'initiative', { initiativeId: await makeInitiative(app.db) });
    await app.db('users').where({ id: user }).update({ language: 'en' });
    const link = await linkFor(user);
    const page = await app.request<string>('GET', link);
    expect(page.status).to.equal(200);
    expect(page.headers.get('content-type')).to.match(/^text\/html/);
    expect(page.body).to.contain('<html lang="en">');
    expect(page.body).to.contain('<button type="submit">Unsubscribe</button>');
    expect(await digestOf(user)).to.equal('daily');

    const res = await app.request('POST', link, { rawBody: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).to.equal(200);
    expect(await digestOf(user)).to.equal('off');
    const audit = await app.db('audit_events').where({ resource: 'users', record_id: String(user) }).orderBy('id', 'desc').first();
    expect(audit).to.include({ user_id: null });
    expect(audit.after).to.include({ digest: 'off' });
    // once more changes nothing and still answers 200
    expect((await app.request('POST', link, { rawBody: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).to.equal(200);
    expect((await app.request<string>('GET', link)).body).to.contain('already unsubscribed');
  });

  it('refuses a forged, altered or missing token with 400 unsubscribe.invalid_token', async () => {
    const user = await makeUser(app.db, 'initiative', { initiativeId: await makeInitiative(app.db) });
    await app.db('users').where({ id: funderUser }).update({ digest: 'weekly' });
    const link = await linkFor(user);
    const forged = `/api/unsubscribe?token=${user}.${'A'.repeat(43)}`;
    const otherUser = link.replace(`token=${user}.`, `token=${funderUser}.`);
    for (const bad of [forged, otherUser, '/api/unsubscribe', '/api/unsubscribe?token=x']) {
      const post = await app.request<{ code: string }>('POST', bad, { rawBody: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(post.status, bad).to.equal(400);
      expect(post.body.code).to.equal('unsubscribe.invalid_token');
      const get = await app.request<string>('GET', bad);
      expect(get.status).to.equal(400);
      expect(get.body).to.contain('unsubscribe.invalid_token');
    }
    expect(await digestOf(user)).to.equal('daily');
    expect(await digestOf(funderUser)).to.equal('weekly');
  });

  it('keeps links valid across a restart when UNSUBSCRIBE_SECRET is unset (the secret is kept in the database)', async () => {
    const user = await makeUser(app.db, 'initiative', { initiativeId: await makeInitiative(app.db) });
    const settings = { timeZone: 'Europe/Amsterdam', batchSize: 100, publicUrl: 'http://vangnet.test', mailFrom: 'Vangnet <noreply@vangnet.test>' };
    const first = await new DigestService(app.db, null, null, settings).unsubscribeUrl(user);
    const second = await new DigestService(app.db, null, null, settings).unsubscribeUrl(user);
    expect(second).to.equal(first);
    const withSecret = await new DigestService(app.db, null, null, { ...settings, unsubscribeSecret: 'another secret entirely' }).unsubscribeUrl(user);
    expect(withSecret).not.to.equal(first);
  });

  it('shows outbound e-mails to admins only, filtered by status, user and period', async () => {
    const initiative = { id: await makeInitiative(app.db), name: 'Leesbare Post' };
    const user = await makeUser(app.db, 'initiative', { initiativeId: initiative.id });
    await gapEvent(app.db, initiative);
    const stored = new DigestService(app.db, null, null, { timeZone: 'Europe/Amsterdam', batchSize: 100, publicUrl: 'http://vangnet.test', mailFrom: 'Vangnet <noreply@vangnet.test>' });
    // A day far from the present (a "send now" elsewhere builds today's period once per database).
    const built = await stored.build(new Date('2038-05-04T06:00:00Z'));
    for (const id of built.toSend) await stored.send(id);

    const list = await app.request<{ id: number; userId: number; status: string; period: string; subject: string; html: string; headers: Record<string, string> }[]>(
      'GET',
      `/api/outbound-emails${listQuery({ filter: { status: 'not_sent', userId: user, period: 'daily:2038-05-04' }, sort: ['createdAt', 'DESC'], range: [0, 9] })}`,
      { token: admin },
    );
    expect(list.status).to.equal(200);
    expect(list.headers.get('content-range')).to.equal('outbound-emails 0-0/1');
    expect(list.body[0]).to.include({ userId: user, status: 'not_sent', period: 'daily:2038-05-04', subject: 'Vangnet: 1 nieuwe melding (4 mei 2038)' });
    expect(list.body[0]!.headers['List-Unsubscribe-Post']).to.equal('List-Unsubscribe=One-Click');
    const one = await app.request<{ html: string; text: string }>('GET', `/api/outbound-emails/${list.body[0]!.id}`, { token: admin });
    expect(one.body.html).to.contain('Leesbare Post');
    expect(one.body.text).to.contain('Leesbare Post');

    for (const token of [funderToken, await tokenFor(app.db, user)]) {
      expect((await app.request('GET', '/api/outbound-emails', { token })).status).to.equal(403);
      expect((await app.request('GET', `/api/outbound-emails/${list.body[0]!.id}`, { token })).status).to.equal(403);
    }
    expect((await app.request('DELETE', `/api/outbound-emails/${list.body[0]!.id}`, { token: admin })).status).to.equal(405);
    const csv = await app.request<string>('GET', `/api/outbound-emails/export?format=csv&filter=${encodeURIComponent(JSON.stringify({ userId: user }))}`, { token: admin });
    expect(csv.status).to.equal(200);
    expect(csv.body).to.contain('niet verzonden (geen SMTP)');
  });
});
