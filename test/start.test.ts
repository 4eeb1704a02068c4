// The start path of `npm start`: an empty database is created, migrated and given the demo
// portfolio; a second start adds nothing; SIGTERM shuts the process down cleanly, and a job that
// cannot finish holds it up for STOP_GRACE_MS at most, or until a second signal.
import { spawn, type ChildProcess, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { expect } from 'chai';
import pg from 'pg';
import { loadConfig, type Config } from '../server/config.js';
import { databaseUrl } from '../server/data/embeddedPostgres.js';
import { createLogger } from '../server/logger.js';
import { startServer } from '../bin/start.js';
import { REDIS_CANDIDATE_URL, TEST_DATABASE_URL, TEST_QUEUE_PREFIX } from './support/env.js';
import { dropQueueKeys } from './support/infra.js';

// A database of its own beside the run's, on the same server (TEST_DATABASE_URL's or the embedded one).
const NAME = `vangnet_start_${process.pid}`;
const URL_ = databaseUrl(TEST_DATABASE_URL, NAME);
const OWN_QUEUE_PREFIX = TEST_QUEUE_PREFIX.replace('}', '-start}');

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl(TEST_DATABASE_URL, 'postgres') });
  await client.connect();
  await client.query(sql);
  await client.end();
}

function config(overrides: Record<string, string> = {}): Config {
  return loadConfig({ DATABASE_URL: URL_, PORT: '0', LOG_LEVEL: 'silent', START_WORKER: 'false', QUEUE_PREFIX: TEST_QUEUE_PREFIX, ...overrides });
}

async function counts(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const out: Record<string, number> = {};
  for (const table of ['funders', 'initiatives', 'commitments', 'users']) {
    out[table] = Number((await client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
  }
  await client.end();
  return out;
}

describe('npm start', function () {
  this.timeout(120_000);
  const drop = () => adminQuery(`DROP DATABASE IF EXISTS "${NAME}" WITH (FORCE)`);
  beforeEach(drop);
  after(drop);
  // Redis may be away (queues on PostgreSQL): then there are no keys to drop.
  after(() => dropQueueKeys(REDIS_CANDIDATE_URL, OWN_QUEUE_PREFIX).catch(() => undefined));

  it('creates, migrates and fills an empty database, and a second start adds nothing', async () => {
    const first = await startServer(config({ ADMIN_EMAIL: 'eerste@test.example', ADMIN_PASSWORD: 'first admin password' }), createLogger('silent'));
    const health = await fetch(`${first.url}/healthz`);
    expect(health.status).to.equal(200);
    await first.close();
    const afterFirst = await counts(URL_);
    // 22 funders, 40 initiatives and three demo users besides the first admin.
    expect(afterFirst).to.deep.include({ funders: 22, initiatives: 40, users: 4 });
    expect(afterFirst.commitments).to.be.greaterThan(200);

    const second = await startServer(config({ ADMIN_EMAIL: 'eerste@test.example', ADMIN_PASSWORD: 'first admin password' }), createLogger('silent'));
    await second.close();
    expect(await counts(URL_)).to.deep.equal(afterFirst);
  });

  it('queues a portfolio scan on the first start of a never-scanned database, and only then', async () => {
    const portfolioScans = async () => {
      const client = new pg.Client({ connectionString: URL_ });
      await client.connect();
      const { rows } = await client.query<{ trigger: string }>(`SELECT trigger FROM scans WHERE trigger <> 'change' ORDER BY id`);
      await client.end();
      return rows.map((r) => r.trigger);
    };
    const first = await startServer(config(), createLogger('silent'));
    // queued as soon as the queue answers, which may be a moment after the start
    for (let waited = 0; waited < 10_000 && (await portfolioScans()).length === 0; waited += 100) await new Promise((r) => setTimeout(r, 100));
    await first.close();
    expect(await portfolioScans()).to.deep.equal(['schedule']);
    const second = await startServer(config(), createLogger('silent'));
    await second.close();
    expect(await portfolioScans()).to.deep.equal(['schedule']);
  });

  it('loads nothing when DEMO_DATA is false', async () => {
    const running = await startServer(config({ DEMO_DATA: 'false' }), createLogger('silent'));
    await running.close();
    expect(await counts(URL_)).to.deep.equal({ funders: 0, initiatives: 0, commitments: 0, users: 0 });
  });

  it('says where to open it and exits cleanly on SIGTERM', async () => {
    const { child, output } = await startMain({ DEMO_DATA: 'false' });
    expect(output()).to.match(/Vangnet is running: open http:\/\/localhost:\d+\//);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    // It lets running jobs finish first (a scan of the demo portfolio a first start queued, say).
    const { code } = await exitWithin(child, exited, 40_000, performance.now());
    expect(code, `after SIGTERM:\n${output().slice(-3000)}`).to.equal(0);
  });

  describe('a stop while a job cannot finish', () => {
    // The demo portfolio, never scanned, with every initiative locked by the test: the scan the
    // first start queues has a batch that waits for the lock as long as the test holds it.
    let locker: pg.Client;
    // Queues of each test's own: a job id is fixed by its scan's id, which the next test's database repeats.
    let queuePrefix = '';
    let tests = 0;
    beforeEach(async () => {
      tests += 1;
      queuePrefix = OWN_QUEUE_PREFIX.replace('}', `-stop${tests}}`);
      const prepareQueues = TEST_QUEUE_PREFIX.replace('}', '-stop}');
      await (await startServer(config({ QUEUE_PREFIX: prepareQueues }), createLogger('silent'))).close();
      await dropQueueKeys(REDIS_CANDIDATE_URL, prepareQueues).catch(() => undefined);
      locker = new pg.Client({ connectionString: URL_ });
      await locker.connect();
      await locker.query('DELETE FROM scans');
      await locker.query('BEGIN');
      await locker.query('SELECT id FROM initiatives FOR UPDATE');
    });
    afterEach(async () => {
      await locker.query('ROLLBACK').catch(() => undefined);
      await locker.end();
      await dropQueueKeys(REDIS_CANDIDATE_URL, queuePrefix).catch(() => undefined);
    });

    /** Starts the product with a worker and waits until a job of it waits for the test's lock. */
    async function startWaiting(env: Record<string, string>) {
      const started = await startMain({ QUEUE_PREFIX: queuePrefix, ...env });
      const watcher = new pg.Client({ connectionString: URL_ });
      await watcher.connect();
      try {
        for (let waited = 0; ; waited += 100) {
          // the scan batch's lock of its initiatives (the queues on PostgreSQL wait on locks of their own)
          const { rows } = await watcher.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_stat_activity
              WHERE datname = $1 AND wait_event_type = 'Lock' AND query ILIKE '%from "initiatives"%for no key update%'`,
            [NAME],
          );
          if (rows[0]!.n > 0) break;
          if (waited > 60_000) throw new Error(`no job waited for the lock:\n${started.output().slice(-3000)}`);
          await new Promise((r) => setTimeout(r, 100));
        }
      } finally {
        await watcher.end();
      }
      return { ...started, exited: new Promise<number | null>((resolve) => started.child.on('exit', (code) => resolve(code))) };
    }

    it('stops without the job after STOP_GRACE_MS, exiting with 1', async () => {
      const { child, output, exited } = await startWaiting({ STOP_GRACE_MS: '1500' });
      const since = performance.now();
      child.kill('SIGTERM');
      const { code, seconds } = await exitWithin(child, exited, 30_000, since);
      expect(code, output().slice(-3000)).to.equal(1);
      expect(seconds).to.be.at.least(1.5);
      expect(output()).to.contain('stopping without waiting for the running jobs (they were still running after STOP_GRACE_MS, 1500 ms)');
    });

    it('stops without the job at once on a second signal', async () => {
      const { child, output, exited } = await startWaiting({ STOP_GRACE_MS: '600000' });
      child.kill('SIGTERM');
      // The same stop passed on twice moments apart (a Ctrl-C through npm) is one stop: the job
      // still holds it up.
      await new Promise((r) => setTimeout(r, 100));
      child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 1400));
      expect(child.exitCode, output().slice(-3000)).to.equal(null);
      const since = performance.now();
      child.kill('SIGINT');
      const { code, seconds } = await exitWithin(child, exited, 30_000, since);
      expect(code, output().slice(-3000)).to.equal(1);
      expect(seconds).to.be.below(15);
      expect(output()).to.contain('stopping without waiting for the running jobs (a second SIGINT)');
    });
  });
});

/** Waits for the exit, at most `ms` (then kills it hard); answers the exit code and the time it took from `since`. */
async function exitWithin(child: ChildProcess, exited: Promise<number | null>, ms: number, since: number) {
  const code = await Promise.race([exited, new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), ms))]);
  if (code === 'still running') child.kill('SIGKILL');
  return { code, seconds: (performance.now() - since) / 1000 };
}

/** `npm start`'s process (bin/main.ts) on the test's database with a worker, once it says it runs. */
async function startMain(env: Record<string, string>): Promise<{ child: ChildProcessByStdio<null, Readable, Readable>; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bin/main.ts'], {
    // Queues of its own: the run's shared ones may hold jobs other files left for other databases.
    env: { ...process.env, DATABASE_URL: URL_, PORT: '0', LOG_LEVEL: 'info', QUEUE_PREFIX: OWN_QUEUE_PREFIX, START_WORKER: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start line in: ${output}`)), 60_000);
    child.stdout.on('data', () => {
      if (output.includes('Vangnet is running')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return { child, output: () => output };
}
