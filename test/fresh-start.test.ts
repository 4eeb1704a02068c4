// `npm start` as a fresh user runs it: no DATABASE_URL, an empty VANGNET_DATA_DIR. The real
// process tree (npm, node, the embedded PostgreSQL) starts, serves the demo portfolio with its
// gaps, stops on one SIGTERM to npm without leaving a postgres behind, and finds its data again.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { listQuery } from './support/app.js';
import { REDIS_CANDIDATE_URL, TEST_QUEUE_PREFIX, TEST_REDIS_URL } from './support/env.js';
import { dropQueueKeys } from './support/infra.js';
import { freePort, QUIET_SCHEDULE, sleep, waitFor } from './jobs/support.js';

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));
const ADMIN = { email: 'admin@vangnet.example', password: 'vangnet-admin-2026' };
/** Queues of their own: the started product's worker must never take this run's other jobs. */
const QUEUE_PREFIX = TEST_QUEUE_PREFIX.replace('}', '-fresh}');

interface Started {
  npm: ChildProcess;
  url: string;
  output(): string;
}

async function npmStart(dataDir: string, port: number): Promise<Started> {
  const env: NodeJS.ProcessEnv = { ...process.env, VANGNET_DATA_DIR: dataDir, PORT: String(port), REDIS_URL: TEST_REDIS_URL ?? '', QUEUE_PREFIX, SCAN_SCHEDULE: QUIET_SCHEDULE, LOG_LEVEL: 'info' };
  delete env.DATABASE_URL;
  const npm = spawn('npm', ['start'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  npm.stdout.on('data', (d: Buffer) => (output += d.toString()));
  npm.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const url = await waitFor(
    'npm start to say where to open it',
    async () => {
      if (npm.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
      return /Vangnet is running: open (http:\/\/localhost:\d+)\//.exec(output)?.[1];
    },
    90_000,
    100,
  );
  return { npm, url, output: () => output };
}

/** SIGTERM to npm alone, as `docker stop` sends it; answers npm's exit code and how long it took. */
async function stop(started: Started): Promise<{ code: number | null; ms: number }> {
  const begin = Date.now();
  const exited = new Promise<number | null>((resolve) => started.npm.once('exit', (code) => resolve(code)));
  started.npm.kill('SIGTERM');
  const code = await Promise.race([exited, sleep(15_000).then(() => 'still running' as const)]);
  if (code === 'still running') {
    started.npm.kill('SIGKILL');
    throw new Error(`npm start still ran 15 s after SIGTERM:\n${started.output()}`);
  }
  return { code, ms: Date.now() - begin };
}

/** Command lines of the processes that still run on the data folder (postgres names it). */
async function processesOn(dataDir: string): Promise<string[]> {
  try {
    const { stdout } = await promisify(execFile)('pgrep', ['-a', '-f', dataDir]);
    return stdout.trim().split('\n');
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

async function api<T>(url: string, method: string, pathAndQuery: string, token?: string, body?: unknown): Promise<{ status: number; headers: Headers; body: T }> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${url}${pathAndQuery}`, { method, headers, body: body === undefined ? null : JSON.stringify(body) });
  return { status: res.status, headers: res.headers, body: (await res.json()) as T };
}

async function login(url: string): Promise<string> {
  const res = await api<{ token: string }>(url, 'POST', '/api/auth/login', undefined, ADMIN);
  expect(res.status).to.equal(200);
  return res.body.token;
}

/** The total behind a list's Content-Range (`gaps 0-0/123`). */
async function total(url: string, token: string, resource: string, filter: Record<string, unknown> = {}): Promise<number> {
  const res = await api<unknown[]>(url, 'GET', `/api/${resource}${listQuery({ range: [0, 0], filter })}`, token);
  expect(res.status, `GET /api/${resource}`).to.equal(200);
  return Number(res.headers.get('content-range')?.split('/')[1]);
}

interface ScanRow {
  id: number;
  trigger: string;
  status: string;
}

async function scans(url: string, token: string): Promise<ScanRow[]> {
  return (await api<ScanRow[]>(url, 'GET', `/api/scans${listQuery({ sort: ['id', 'ASC'], range: [0, 99] })}`, token)).body;
}

interface Budget {
  id: number;
  initiativeId: number;
  amountCents: number;
  version: number;
}

describe('a fresh start without DATABASE_URL (embedded PostgreSQL)', function () {
  this.timeout(300_000);
  let dataDir = '';
  let running: Started | null = null;

  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'vangnet-fresh-'));
  });
  after(async () => {
    if (running && running.npm.exitCode === null) await stop(running).catch(() => undefined);
    await dropQueueKeys(REDIS_CANDIDATE_URL, QUEUE_PREFIX).catch(() => undefined);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('serves the demo portfolio with its gaps, rescans an edit, stops on SIGTERM and finds the same data again', async () => {
    const port = await freePort();
    running = await npmStart(dataDir, port);
    expect(running.output()).to.include(`data in ${path.join(dataDir, 'postgres')}`);
    expect(running.output()).to.include('loaded the demo portfolio');
    let token = await login(running.url);
    expect(await total(running.url, token, 'initiatives')).to.equal(40);

    // The first-start scan finds the demo portfolio's gaps by itself.
    const first = running;
    const firstScan = await waitFor('the first-start scan to complete', async () => (await scans(first.url, token)).find((s) => s.trigger === 'schedule' && s.status === 'completed'), 60_000, 250);
    const gaps = await total(running.url, token, 'gaps', { open: true });
    expect(gaps).to.be.greaterThan(0);

    // An edit is rescanned.
    const [budget] = (await api<Budget[]>(running.url, 'GET', `/api/budgets${listQuery({ sort: ['id', 'ASC'], range: [0, 0] })}`, token)).body;
    if (!budget) throw new Error('the demo portfolio has no budget');
    const edited = await api<Budget>(running.url, 'PUT', `/api/budgets/${budget.id}`, token, { ...budget, amountCents: budget.amountCents * 3 });
    expect(edited.status).to.equal(200);
    await waitFor('the rescan of the edited initiative', async () => (await scans(first.url, token)).find((s) => s.trigger === 'change' && s.status === 'completed'), 60_000, 250);
    const gapsAfterEdit = await total(running.url, token, 'gaps', { open: true });

    const stopped = await stop(running);
    expect(stopped.code).to.equal(0);
    expect(stopped.ms).to.be.below(10_000);
    expect(running.output()).to.include('stopped the embedded PostgreSQL');
    expect(await processesOn(dataDir)).to.deep.equal([]);

    running = await npmStart(dataDir, port);
    expect(running.output()).not.to.include('loaded the demo portfolio');
    token = await login(running.url);
    expect(await total(running.url, token, 'initiatives')).to.equal(40);
    expect(await total(running.url, token, 'gaps', { open: true })).to.equal(gapsAfterEdit);
    const again = await api<Budget>(running.url, 'GET', `/api/budgets/${budget.id}`, token);
    expect(again.body.amountCents).to.equal(budget.amountCents * 3);
    // No second first-start scan: the database has been scanned.
    expect((await scans(running.url, token)).filter((s) => s.trigger === 'schedule').map((s) => s.id)).to.deep.equal([firstScan.id]);

    expect((await stop(running)).code).to.equal(0);
    expect(await processesOn(dataDir)).to.deep.equal([]);
  });
});
