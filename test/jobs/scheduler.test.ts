// The nightly scan is declared by every worker at start (upsertJobScheduler), idempotently: however
// many workers start, there is one scheduler `nightly-scan` with SCAN_SCHEDULE in Europe/Amsterdam,
// and one next run waiting.
import { expect } from 'chai';
import { SCHEDULER_ID } from '../../server/queues/queues.js';
import type { WorkerRuntime } from '../../jobs/runtime.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { forEachBackend, QUIET_SCHEDULE, settle, sleep, waitFor } from './support.js';

const SCHEDULE = '17 4 * * *';

forEachBackend('nightly scan scheduler', (backend) => {
  let app: TestApp;

  const queue = () => app.producer.queues.scan;
  const schedulers = async () =>
    (await queue().getJobSchedulers(0, -1)).map((s) => ({ key: s.key, name: s.name, pattern: s.pattern, tz: s.tz, data: s.template?.data }));
  const nextRuns = async () => (await queue().getJobs(['delayed'])).filter((j) => j?.name === 'start');
  const amsterdamTime = (ms: number) =>
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(ms));
  /**
   * When a delayed job runs, to the nearest minute: the PostgreSQL backend works out the delay a
   * few milliseconds after it stamps the job, so timestamp + delay may fall just before the minute.
   */
  const runsAt = (job: { timestamp: number; delay?: number }) => amsterdamTime(Math.round((job.timestamp + (job.delay ?? 0)) / 60_000) * 60_000);

  before(async () => {
    app = await startTestApp({ ...backend.overrides, SCAN_SCHEDULE: SCHEDULE });
    const drain = await app.startWorker();
    await settle(app);
    await drain.close();
    // start from nothing, so the workers below race to create it
    await queue().removeJobScheduler(SCHEDULER_ID);
    expect(await schedulers()).to.deep.equal([]);
  });

  // Each test's workers stop after it: six queues' workers per runtime on PostgreSQL are many
  // connections, and the next test's workers find the schedule all the same.
  let started: WorkerRuntime[] = [];
  const startWorker = async (overrides?: Parameters<TestApp['startWorker']>[0]) => {
    const worker = await app.startWorker(overrides);
    started.push(worker);
    return worker;
  };
  afterEach(async () => {
    await Promise.all(started.map((w) => w.close()));
    started = [];
  });

  after(async () => {
    // Leave a schedule that cannot fire during the rest of the run.
    await queue().upsertJobScheduler(SCHEDULER_ID, { pattern: QUIET_SCHEDULE, tz: 'Europe/Amsterdam' }, { name: 'start', data: { trigger: 'schedule' } });
    await app?.close();
  });

  /** A worker declares the schedule once its Redis connection is ready, just after it started. */
  const declared = async (pattern: string) => {
    await waitFor(`the schedule ${pattern}`, async () => (await schedulers()).some((s) => s.pattern === pattern), 5_000);
    await sleep(300);
  };

  it('is declared once when two workers start at the same time', async () => {
    await Promise.all([startWorker(), startWorker()]);
    await declared(SCHEDULE);
    expect(await schedulers()).to.deep.equal([{ key: SCHEDULER_ID, name: 'start', pattern: SCHEDULE, tz: 'Europe/Amsterdam', data: { trigger: 'schedule' } }]);
    const runs = await nextRuns();
    expect(runs).to.have.length(1);
    expect(runsAt(runs[0]!)).to.equal('04:17');
    const [scheduler] = await queue().getJobSchedulers(0, -1);
    expect(amsterdamTime(scheduler!.next!)).to.equal('04:17');
  });

  it('stays one, with the same next run, when another worker starts later', async () => {
    await startWorker();
    await declared(SCHEDULE);
    const [before] = await queue().getJobSchedulers(0, -1);
    await startWorker();
    await sleep(300);
    expect(await schedulers()).to.have.length(1);
    const [after] = await queue().getJobSchedulers(0, -1);
    expect(after!.next).to.equal(before!.next);
    expect(await nextRuns()).to.have.length(1);
  });

  it('is replaced, not doubled, by a worker with another SCAN_SCHEDULE', async () => {
    await startWorker({ SCAN_SCHEDULE: '45 2 * * *' });
    await declared('45 2 * * *');
    expect(await schedulers()).to.deep.equal([{ key: SCHEDULER_ID, name: 'start', pattern: '45 2 * * *', tz: 'Europe/Amsterdam', data: { trigger: 'schedule' } }]);
    const runs = await nextRuns();
    expect(runs).to.have.length(1);
    expect(runsAt(runs[0]!)).to.equal('02:45');
  });
});
