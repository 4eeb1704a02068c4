// The digests through the queue (PostgreSQL, and Redis where it answers): a worker declares the
// schedule once, a build job queues one send job per digest, and an SMTP server that refuses for a
// while delays a digest — it arrives once — and never holds up another user's.
import { expect } from 'chai';
import { DIGEST_SCHEDULER_ID, digestBuildJob } from '../../server/queues/queues.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { adminToken, makeFunder, makeInitiative, makeUser, tokenFor } from '../support/factories.js';
import { forEachBackend, QUIET_SCHEDULE, waitFor } from '../jobs/support.js';
import { gapEvent, quietOtherUsers, startSmtp, type TestSmtp } from './support.js';

/**
 * A run time of its own per backend, so each builds periods nobody built before: far from the
 * present, which a "send now" (below, and in other tests) builds (2038 has 2027's calendar).
 */
const RUN_DAYS = { postgres: ['2038-02-02', '2038-02-03', '2038-02-04'], redis: ['2038-03-02', '2038-03-03', '2038-03-04'] } as const;

forEachBackend('e-mail digests through the queue', (backend) => {
  let app: TestApp;
  let smtp: TestSmtp;
  const days = RUN_DAYS[backend.name as keyof typeof RUN_DAYS];

  const emailOf = async (id: number) => (await app.db('users').where({ id }).first<{ email: string }>('email')).email;
  const outbound = (userId: number) => app.db('outbound_emails').where({ user_id: userId }).first<{ status: string; attempts: number; last_error: string | null } | undefined>();
  const build = async (day: string) => {
    const { name, data, opts } = digestBuildJob(new Date(`${day}T06:00:00Z`));
    await app.producer.queues.digest.add(name, data, opts);
  };
  const userWithNews = async () => {
    const initiative = { id: await makeInitiative(app.db), name: 'Wachtrij Initiatief' };
    const user = await makeUser(app.db, 'initiative', { initiativeId: initiative.id });
    await gapEvent(app.db, initiative);
    return { user, email: await emailOf(user) };
  };

  before(async function () {
    this.timeout(30_000);
    smtp = await startSmtp();
    app = await startTestApp({ ...backend.overrides, SMTP_URL: smtp.url, DIGEST_RETRY_MS: '100', DIGEST_SCHEDULE: QUIET_SCHEDULE, PUBLIC_URL: 'http://vangnet.test' });
    await quietOtherUsers(app.db);
    await app.startWorker({ SMTP_URL: smtp.url, DIGEST_RETRY_MS: '100', DIGEST_SCHEDULE: QUIET_SCHEDULE, PUBLIC_URL: 'http://vangnet.test' });
  });

  after(async () => {
    smtp?.refuse(null);
    await app?.close();
    await smtp?.close();
  });

  it('is declared once by workers starting together, replaced by one with another DIGEST_SCHEDULE, in the digest time zone', async () => {
    const schedulers = async () => (await app.producer.queues.digest.getJobSchedulers(0, -1)).map((s) => ({ key: s.key, pattern: s.pattern, tz: s.tz }));
    await app.producer.queues.digest.removeJobScheduler(DIGEST_SCHEDULER_ID);
    await Promise.all([app.startWorker({ DIGEST_SCHEDULE: '17 6 * * *' }), app.startWorker({ DIGEST_SCHEDULE: '17 6 * * *' })]);
    await waitFor('the schedule of the new workers', async () => (await schedulers()).some((s) => s.pattern === '17 6 * * *'), 5_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await schedulers()).to.deep.equal([{ key: DIGEST_SCHEDULER_ID, pattern: '17 6 * * *', tz: 'Europe/Amsterdam' }]);
    // Leave a schedule that cannot fire during the run.
    await app.startWorker({ DIGEST_SCHEDULE: QUIET_SCHEDULE });
    await waitFor('the quiet schedule', async () => (await schedulers()).some((s) => s.pattern === QUIET_SCHEDULE), 5_000);
    expect(await schedulers()).to.deep.equal([{ key: DIGEST_SCHEDULER_ID, pattern: QUIET_SCHEDULE, tz: 'Europe/Amsterdam' }]);
  });

  it('delivers a digest exactly once when the SMTP server refuses it for the first attempts', async function () {
    this.timeout(30_000);
    const { user, email } = await userWithNews();
    let refused = 0;
    smtp.refuse((address) => address === email && refused++ < 2);
    await build(days[0]);
    const row = await waitFor('the digest to be sent', async () => ((await outbound(user))?.status === 'sent' ? outbound(user) : null), 20_000);
    expect(row).to.include({ status: 'sent', attempts: 3, last_error: null });
    expect(smtp.refusals.filter((a) => a === email)).to.have.length(2);
    expect(smtp.to(email)).to.have.length(1);
    // a second build of the same period, and a retried send job, send nothing more
    await build(days[0]);
    const digestId = Number((await app.db('digests').where({ user_id: user }).first<{ id: string }>('id')).id);
    await app.producer.queues.digest.add('send', { digestId });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(smtp.to(email)).to.have.length(1);
  });

  it("records a failing digest and retries it, without holding up another user's", async function () {
    this.timeout(30_000);
    const failing = await userWithNews();
    const fine = await userWithNews();
    smtp.refuse((address) => address === failing.email);
    await build(days[1]);
    await waitFor('the other digest to arrive', async () => smtp.to(fine.email).length === 1, 10_000);
    const failed = await waitFor('the failing digest to be retried', async () => {
      const row = await outbound(failing.user);
      return row && row.status === 'failed' && row.attempts >= 2 ? row : null;
    });
    expect(failed.last_error).to.match(/451/);
    expect(smtp.to(failing.email)).to.have.length(0);
    smtp.refuse(null);
    await waitFor('the failing digest to be sent after all', async () => (await outbound(failing.user))?.status === 'sent', 20_000);
    expect(await outbound(failing.user)).to.include({ status: 'sent', last_error: null });
    expect(smtp.to(failing.email)).to.have.length(1);
  });

  it('lets an admin send the digests now; nobody else', async () => {
    const funder = await tokenFor(app.db, await makeUser(app.db, 'funder', { funderId: await makeFunder(app.db) }));
    const refused = await app.request('POST', '/api/digests/run', { token: funder });
    expect(refused.status).to.equal(403);
    const accepted = await app.request('POST', '/api/digests/run', { token: await adminToken(app.db) });
    expect(accepted.status).to.equal(202);
    expect(accepted.body).to.deep.equal({ queued: true });
  });
});
