// The start path of `npm start`: an empty database is created, migrated and given the demo
// portfolio; a second start adds nothing; SIGTERM shuts the process down cleanly.
import { spawn } from 'node:child_process';
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
    const child = spawn(process.execPath, ['--import', 'tsx', 'bin/main.ts'], {
      // Queues of its own: the run's shared ones may hold jobs other files left for other databases.
      env: { ...process.env, DATABASE_URL: URL_, PORT: '0', LOG_LEVEL: 'info', DEMO_DATA: 'false', QUEUE_PREFIX: OWN_QUEUE_PREFIX, START_WORKER: 'true' },
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
    expect(output).to.match(/Vangnet is running: open http:\/\/localhost:\d+\//);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    // It lets running jobs finish first (a scan of the demo portfolio a first start queued, say).
    const code = await Promise.race([exited, new Promise<string>((resolve) => setTimeout(() => resolve('still running'), 40_000))]);
    if (code === 'still running') child.kill('SIGKILL');
    expect(code, `after SIGTERM:\n${output.slice(-3000)}`).to.equal(0);
  });
});
