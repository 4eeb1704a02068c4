import { expect } from 'chai';
import { AuthService, DEFAULT_AUTH_SETTINGS } from '../../server/services/auth.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { makeFunder, makeUser, TEST_PASSWORD, tokenFor } from '../support/factories.js';

interface LoginBody {
  token: string;
  user: { id: number; email: string; role: string };
}

describe('login and sessions', () => {
  let app: TestApp;
  let email: string;
  let userId: number;

  before(async () => {
    app = await startTestApp();
  });
  beforeEach(async () => {
    await app.db('login_attempts').delete();
    userId = await makeUser(app.db, 'funder', { funderId: await makeFunder(app.db) });
    email = (await app.db('users').where({ id: userId }).first<{ email: string }>('email')).email;
  });
  after(() => app.close());

  const login = (body: unknown, ip = '10.0.0.1') => app.request<LoginBody>('POST', '/api/auth/login', { body, headers: { 'x-forwarded-for': ip } });

  it('logs in with the right password and answers the user, never its password', async () => {
    const res = await login({ email: email.toUpperCase(), password: TEST_PASSWORD });
    expect(res.status).to.equal(200);
    expect(res.body.token).to.match(/^[A-Za-z0-9_-]{40,}$/);
    expect(res.body.user).to.deep.include({ id: userId, email, role: 'funder' });
    expect(JSON.stringify(res.body)).not.to.match(/password|argon2/i);
    const me = await app.request('GET', '/api/auth/me', { token: res.body.token });
    expect(me.status).to.equal(200);
    expect(me.body).to.deep.include({ id: userId, role: 'funder' });
  });

  it('stores only a hash of the token', async () => {
    const res = await login({ email, password: TEST_PASSWORD });
    const stored = await app.db('sessions').where({ user_id: userId }).select('token_hash');
    expect(stored).to.have.length(1);
    expect(stored[0].token_hash).to.have.length(64);
    expect(stored[0].token_hash).not.to.equal(res.body.token);
  });

  it('answers the same generic message for a wrong password and an unknown email', async () => {
    const wrong = await login({ email, password: 'not the password at all' });
    const unknown = await login({ email: 'nobody@test.example', password: TEST_PASSWORD });
    expect(wrong.status).to.equal(401);
    expect(unknown.status).to.equal(401);
    expect(wrong.body).to.deep.equal(unknown.body);
    expect(wrong.body).to.deep.equal({ message: 'Wrong email or password.', code: 'auth.invalid_credentials' });
  });

  it('refuses a disabled user with the same message', async () => {
    await app.db('users').where({ id: userId }).update({ disabled: true });
    const res = await login({ email, password: TEST_PASSWORD });
    expect(res.status).to.equal(401);
    expect(res.body).to.deep.equal({ message: 'Wrong email or password.', code: 'auth.invalid_credentials' });
  });

  it('answers 400 naming the field for a login without a password', async () => {
    const res = await login({ email });
    expect(res.status).to.equal(400);
    expect(res.body).to.have.nested.property('errors.password', 'is required');
  });

  /** Failed attempts written straight to the table: as if they had been made, without argon2's cost. */
  const recordFailures = (n: number, row: { email: string; ip: string }) => app.db('login_attempts').insert(Array.from({ length: n }, () => ({ ...row, success: false })));

  it("lets the owner in from another address after an attacker's 10 failures: no lockout per email", async () => {
    for (let i = 0; i < 10; i += 1) expect((await login({ email, password: `wrong ${i}` }, '203.0.113.66')).status).to.equal(401);
    expect((await login({ email, password: TEST_PASSWORD }, '10.0.2.1')).status).to.equal(200);
  });

  it('limits failures per email and address: the eleventh try from there answers 429 with Retry-After, even with the right password', async () => {
    for (let i = 0; i < 10; i += 1) expect((await login({ email, password: `wrong ${i}` }, '203.0.113.7')).status).to.equal(401);
    const limited = await login({ email, password: TEST_PASSWORD }, '203.0.113.7');
    expect(limited.status).to.equal(429);
    expect(Number(limited.headers.get('retry-after'))).to.be.within(1, 15 * 60);
    // Another account from that address, and this account from elsewhere, are not affected.
    const other = await makeUser(app.db, 'admin');
    const otherEmail = (await app.db('users').where({ id: other }).first<{ email: string }>('email')).email;
    expect((await login({ email: otherEmail, password: TEST_PASSWORD }, '203.0.113.7')).status).to.equal(200);
    expect((await login({ email, password: TEST_PASSWORD }, '203.0.113.8')).status).to.equal(200);
  });

  it('does not count successful logins: 50 people behind one office address all get in', async () => {
    const people = await Promise.all(Array.from({ length: 5 }, () => makeUser(app.db, 'admin')));
    const emails = (await app.db('users').whereIn('id', people).select<{ email: string }[]>('email')).map((u) => u.email);
    for (let i = 0; i < 55; i += 1) {
      const res = await login({ email: emails[i % emails.length], password: TEST_PASSWORD }, '198.51.100.1');
      expect(res.status, `login ${i + 1}`).to.equal(200);
    }
  });

  it('limits failures per address across emails (100 in 15 minutes)', async () => {
    await recordFailures(100, { email: 'someone@test.example', ip: '10.9.9.9' });
    const limited = await login({ email, password: TEST_PASSWORD }, '10.9.9.9');
    expect(limited.status).to.equal(429);
    expect(limited.headers.get('retry-after')).to.match(/^\d+$/);
    expect((await login({ email, password: TEST_PASSWORD }, '10.9.9.10')).status).to.equal(200);
  });

  it('slows, never locks, an account attacked from many addresses', async () => {
    const auth = new AuthService(app.db, { ...DEFAULT_AUTH_SETTINGS, slowFailuresPerEmail: 20, slowDelayMs: 200, maxSlowDelayMs: 400 });
    for (let i = 0; i < 30; i += 1) await recordFailures(1, { email, ip: `192.0.2.${i}` });
    const started = Date.now();
    const { user } = await auth.login(email, TEST_PASSWORD, '10.0.3.1');
    expect(user.id).to.equal(userId);
    expect(Date.now() - started).to.be.at.least(400);
  });

  it("ends a user's sessions when an admin resets the password, and records only that it changed", async () => {
    const admin = await tokenFor(app.db, await makeUser(app.db, 'admin'));
    const old = await tokenFor(app.db, userId);
    const record = (await app.request<Record<string, unknown>>('GET', `/api/users/${userId}`, { token: admin })).body;
    const reset = await app.request('PUT', `/api/users/${userId}`, { token: admin, body: { ...record, password: 'a reset password 2027' } });
    expect(reset.status).to.equal(200);
    expect((await app.request('GET', '/api/auth/me', { token: old })).status).to.equal(401);
    const audit = await app.db('audit_events').where({ resource: 'users', record_id: String(userId), action: 'update' }).orderBy('id', 'desc').first<{ after: Record<string, unknown> }>('after');
    expect(audit.after).to.include({ passwordChanged: true });
    expect(JSON.stringify(audit.after)).not.to.contain('a reset password 2027');
    // An update without a password leaves sessions alone.
    const fresh = await tokenFor(app.db, userId);
    const current = (await app.request<Record<string, unknown>>('GET', `/api/users/${userId}`, { token: admin })).body;
    expect((await app.request('PUT', `/api/users/${userId}`, { token: admin, body: current })).status).to.equal(200);
    expect((await app.request('GET', '/api/auth/me', { token: fresh })).status).to.equal(200);
  });

  it('ends the sessions of a user an admin disables: enabling them again revives none', async () => {
    const admin = await tokenFor(app.db, await makeUser(app.db, 'admin'));
    const old = await tokenFor(app.db, userId);
    const record = (await app.request<Record<string, unknown>>('GET', `/api/users/${userId}`, { token: admin })).body;
    const disabled = await app.request<Record<string, unknown>>('PUT', `/api/users/${userId}`, { token: admin, body: { ...record, disabled: true } });
    expect(disabled.status).to.equal(200);
    const enabled = await app.request('PUT', `/api/users/${userId}`, { token: admin, body: { ...disabled.body, disabled: false } });
    expect(enabled.status).to.equal(200);
    expect((await app.request('GET', '/api/auth/me', { token: old })).status).to.equal(401);
    expect((await login({ email, password: TEST_PASSWORD })).status).to.equal(200);
  });

  it('answers 401 without a token, with a malformed one, and with an unknown one', async () => {
    expect((await app.request('GET', '/api/funders')).status).to.equal(401);
    expect((await app.request('GET', '/api/funders', { headers: { authorization: 'Basic abc' } })).status).to.equal(401);
    expect((await app.request('GET', '/api/funders', { token: 'made-up-token' })).status).to.equal(401);
  });

  it('ends the session on logout', async () => {
    const { body } = await login({ email, password: TEST_PASSWORD });
    expect((await app.request('GET', '/api/funders', { token: body.token })).status).to.equal(200);
    expect((await app.request('POST', '/api/auth/logout', { token: body.token })).status).to.equal(204);
    expect((await app.request('GET', '/api/funders', { token: body.token })).status).to.equal(401);
  });

  it('refuses an expired session', async () => {
    const token = await tokenFor(app.db, userId);
    await app.db('sessions').where({ user_id: userId }).update({ expires_at: app.db.raw("now() - interval '1 second'") });
    const res = await app.request('GET', '/api/auth/me', { token });
    expect(res.status).to.equal(401);
  });

  it('forgets login attempts and ended sessions a day old as people log in, and keeps the recent ones', async () => {
    await app.db('login_attempts').insert([
      { ip: '10.0.0.8', email, success: false, at: app.db.raw("now() - interval '25 hours'") },
      { ip: '10.0.0.9', email, success: false, at: app.db.raw("now() - interval '23 hours'") },
    ]);
    await tokenFor(app.db, userId);
    await tokenFor(app.db, userId);
    const [long, lately] = await app.db('sessions').where({ user_id: userId }).orderBy('token_hash').pluck<string[]>('token_hash');
    await app.db('sessions').where({ token_hash: long }).update({ expires_at: app.db.raw("now() - interval '25 hours'") });
    await app.db('sessions').where({ token_hash: lately }).update({ expires_at: app.db.raw("now() - interval '1 hour'") });
    expect((await login({ email, password: TEST_PASSWORD })).status).to.equal(200);
    const attempts = await app.db('login_attempts').where({ email }).orderBy('at').pluck<string[]>('ip');
    expect(attempts).to.deep.equal(['10.0.0.9', '10.0.0.1']);
    // The session that ended 25 hours ago is gone; the one that ended an hour ago and the new one stay.
    const left = await app.db('sessions').where({ user_id: userId }).pluck<string[]>('token_hash');
    expect(left).to.have.length(2);
    expect(left).to.include(lately).and.not.include(long);
  });

  it('gives a session the configured lifetime', async () => {
    await login({ email, password: TEST_PASSWORD });
    const row = await app.db('sessions').where({ user_id: userId }).first<{ seconds: number }>(app.db.raw('extract(epoch from expires_at - created_at)::int AS seconds'));
    expect(row.seconds).to.be.within(12 * 3600 - 5, 12 * 3600 + 5);
  });

  it('refuses a disabled user’s existing session', async () => {
    const token = await tokenFor(app.db, userId);
    await app.db('users').where({ id: userId }).update({ disabled: true });
    expect((await app.request('GET', '/api/auth/me', { token })).status).to.equal(401);
  });

  it('lets a user change their own password with the old one, ending their other sessions', async () => {
    const current = await tokenFor(app.db, userId);
    const other = await tokenFor(app.db, userId);
    const wrong = await app.request('PUT', '/api/auth/password', { token: current, body: { oldPassword: 'not it', newPassword: 'a brand new password' } });
    expect(wrong.status).to.equal(400);
    expect(wrong.body).to.have.nested.property('errors.oldPassword');
    const short = await app.request('PUT', '/api/auth/password', { token: current, body: { oldPassword: TEST_PASSWORD, newPassword: 'short' } });
    expect(short.status).to.equal(400);
    expect(short.body).to.have.nested.property('errors.newPassword', 'must be at least 12 characters');
    const ok = await app.request('PUT', '/api/auth/password', { token: current, body: { oldPassword: TEST_PASSWORD, newPassword: 'a brand new password' } });
    expect(ok.status).to.equal(204);
    expect((await app.request('GET', '/api/auth/me', { token: current })).status).to.equal(200);
    expect((await app.request('GET', '/api/auth/me', { token: other })).status).to.equal(401);
    expect((await login({ email, password: TEST_PASSWORD })).status).to.equal(401);
    expect((await login({ email, password: 'a brand new password' })).status).to.equal(200);
  });

  it('creates the first admin once', async () => {
    const auth = new AuthService(app.db);
    expect(await auth.ensureAdmin('First.Admin@Test.Example', 'a first admin password')).to.equal(true);
    expect(await auth.ensureAdmin('first.admin@test.example', 'another password here')).to.equal(false);
    const admins = await app.db('users').whereRaw("lower(email) = 'first.admin@test.example'").select('role');
    expect(admins).to.deep.equal([{ role: 'admin' }]);
    const res = await login({ email: 'first.admin@test.example', password: 'a first admin password' });
    expect(res.status).to.equal(200);
  });
});

describe('hardening', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.close());

  it("sends helmet's security headers", async () => {
    const res = await app.request('GET', '/healthz');
    expect(res.headers.get('x-content-type-options')).to.equal('nosniff');
    expect(res.headers.get('content-security-policy')).to.be.a('string');
    expect(res.headers.get('x-powered-by')).to.equal(null);
  });

  it('allows only the configured CORS origin', async () => {
    const allowed = await app.request('GET', '/healthz', { headers: { origin: 'http://console.example' } });
    expect(allowed.headers.get('access-control-allow-origin')).to.equal('http://console.example');
    const other = await app.request('GET', '/healthz', { headers: { origin: 'http://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).to.equal(null);
  });

  it('answers Cache-Control: no-store wherever a token or personal data is answered', async () => {
    const userId = await makeUser(app.db, 'admin');
    const email = (await app.db('users').where({ id: userId }).first<{ email: string }>('email')).email;
    const login = await app.request<LoginBody>('POST', '/api/auth/login', { body: { email, password: TEST_PASSWORD }, headers: { 'x-forwarded-for': '10.7.0.1' } });
    expect(login.status).to.equal(200);
    const token = login.body.token;
    for (const res of [
      login,
      await app.request('GET', '/api/auth/me', { token }),
      await app.request('GET', '/api/users', { token }),
      await app.request('GET', `/api/users/${userId}`, { token }),
      await app.request('POST', '/api/auth/login', { body: { email, password: 'wrong password' }, headers: { 'x-forwarded-for': '10.7.0.1' } }),
    ]) {
      expect(res.headers.get('cache-control')).to.equal('no-store');
    }
  });

  it('answers errors without a stack trace', async () => {
    const res = await app.request('POST', '/api/auth/login', { rawBody: '{"email":', headers: { 'content-type': 'application/json' } });
    expect(res.status).to.equal(400);
    expect(JSON.stringify(res.body)).not.to.match(/at .*\.(ts|js):\d+/);
  });
});
