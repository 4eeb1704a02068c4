// Helpers for the job tests: polling, scans and gaps through the API, a quiet queue, and the child
// processes (a real `npm run worker`, a private redis-server) that the tests start and must stop.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import type { Knex } from 'knex';
import { WORKER_NODE_FLAGS } from '../../jobs/runtime.js';
import { createDb } from '../../server/data/db.js';
import type { GapKind, GapSeverity } from '../../server/domain/enums.js';
import type { Scan } from '../../server/records.js';
import { listQuery, type TestApp } from '../support/app.js';
import { REDIS_CANDIDATE_URL, TEST_DATABASE_URL, TEST_QUEUE_PREFIX } from '../support/env.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A nightly schedule that cannot fire while the tests run (03:00 on 1 January). */
export const QUIET_SCHEDULE = '0 3 1 1 *';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it answers something other than false/undefined/null. */
export async function waitFor<T>(what: string, probe: () => Promise<T | false | undefined | null>, timeoutMs = 15_000, intervalMs = 25): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== false && value !== undefined && value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

/** A scan as GET /api/scans/{id} answers it. */
export type ScanRecord = Scan;

/** A gap as GET /api/gaps answers it. */
export interface GapRecord {
  id: number;
  initiativeId: number;
  kind: GapKind;
  periodStart: string;
  periodEnd: string;
  shortfallCents: number;
  severity: GapSeverity;
  details: Record<string, unknown>;
  detectedAt: string;
  resolvedAt: string | null;
}

/** What a scan must find: a gap without its id and timestamps. */
export type GapShape = Pick<GapRecord, 'kind' | 'periodStart' | 'periodEnd' | 'shortfallCents' | 'severity'> & { details?: Record<string, unknown> };

export async function postScan(app: TestApp, token: string, asOf: string, full?: boolean): Promise<ScanRecord> {
  const res = await app.request<ScanRecord>('POST', '/api/scans', { token, body: { asOf, full } });
  if (res.status !== 202) throw new Error(`POST /api/scans answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function getScan(app: TestApp, token: string, id: number): Promise<ScanRecord> {
  const res = await app.request<ScanRecord>('GET', `/api/scans/${id}`, { token });
  if (res.status !== 200) throw new Error(`GET /api/scans/${id} answered ${res.status}`);
  return res.body;
}

/** Polls a scan until it completed (a failed scan throws); answers every state seen on the way. */
export async function waitForScan(app: TestApp, token: string, id: number, timeoutMs = 30_000): Promise<{ final: ScanRecord; seen: ScanRecord[] }> {
  const seen: ScanRecord[] = [];
  const final = await waitFor(
    `scan ${id} to complete`,
    async () => {
      const scan = await getScan(app, token, id);
      seen.push(scan);
      if (scan.status === 'failed') throw new Error(`scan ${id} failed: ${scan.error ?? ''}`);
      return scan.status === 'completed' ? scan : false;
    },
    timeoutMs,
    20,
  );
  return { final, seen };
}

/** The gaps of one initiative through the API, open ones only unless `all`. */
export async function gapsOf(app: TestApp, token: string, initiativeId: number, all = false): Promise<GapRecord[]> {
  const filter: Record<string, unknown> = { initiativeId };
  if (!all) filter.open = true;
  const res = await app.request<GapRecord[]>('GET', `/api/gaps${listQuery({ filter, sort: ['id', 'ASC'], range: [0, 999] })}`, { token });
  if (res.status !== 200) throw new Error(`GET /api/gaps answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Gaps in a stable order (by kind as in DESIGN.md, then period), for comparing with what is expected. */
export function ordered<T extends { kind: string; periodStart: string }>(gaps: readonly T[]): T[] {
  const kinds = ['shortfall', 'cliff', 'expiring', 'funder_limit', 'five_year_risk'];
  return [...gaps].sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind) || a.periodStart.localeCompare(b.periodStart));
}

export function shapeOf(gap: GapRecord, withDetails = false): GapShape {
  const { kind, periodStart, periodEnd, shortfallCents, severity } = gap;
  return withDetails ? { kind, periodStart, periodEnd, shortfallCents, severity, details: gap.details } : { kind, periodStart, periodEnd, shortfallCents, severity };
}

/** Open gap rows of some initiatives as one comparable line each. */
export async function openGapLines(db: Knex, initiativeIds: readonly number[]): Promise<string[]> {
  const rows = await db('gaps')
    .whereIn('initiative_id', [...initiativeIds])
    .whereNull('resolved_at')
    .select<{ initiative_id: number; kind: string; subject_id: number; period_start: string; period_end: string; shortfall_cents: number; severity: string }[]>(
      'initiative_id',
      'kind',
      'subject_id',
      'period_start',
      'period_end',
      'shortfall_cents',
      'severity',
    );
  return rows.map((r) => gapLine(r.initiative_id, r.kind, r.subject_id, r.period_start, r.period_end, r.shortfall_cents, r.severity)).sort();
}

export function gapLine(initiativeId: number, kind: string, subjectId: number, periodStart: string, periodEnd: string, shortfallCents: number, severity: string): string {
  return `${initiativeId} ${kind} ${subjectId} ${periodStart}..${periodEnd} ${shortfallCents} ${severity}`;
}

/** Pairs of open gaps the database should never hold: one initiative, kind and subject, overlapping periods. */
export async function overlappingOpenGaps(db: Knex): Promise<unknown[]> {
  const { rows } = await db.raw<{ rows: unknown[] }>(`
    SELECT a.id AS first, b.id AS second
    FROM gaps a JOIN gaps b
      ON a.initiative_id = b.initiative_id AND a.kind = b.kind AND a.subject_id = b.subject_id AND a.id < b.id
     AND daterange(a.period_start, a.period_end, '[]') && daterange(b.period_start, b.period_end, '[]')
    WHERE a.resolved_at IS NULL AND b.resolved_at IS NULL`);
  return rows;
}

export async function countRows(db: Knex, table: string, where: (q: Knex.QueryBuilder) => void = () => undefined): Promise<number> {
  const [row] = await db(table).modify(where).count<{ n: string }[]>({ n: '*' });
  return Number(row?.n ?? 0);
}

/** Whether neither queue has a job waiting or running (the nightly scheduler's delayed job aside). */
async function queuesIdle(app: TestApp): Promise<boolean> {
  const rescan = await app.producer.queues.rescan.getJobCounts('wait', 'active', 'delayed', 'prioritized');
  const scan = await app.producer.queues.scan.getJobCounts('wait', 'active', 'prioritized');
  return [...Object.values(rescan), ...Object.values(scan)].every((n) => n === 0);
}

/**
 * Waits until nothing is pending: the outbox is empty and the queues idle (left-overs of earlier
 * test files included), so a test starts from a quiet system.
 */
export async function settle(app: TestApp, timeoutMs = 30_000): Promise<void> {
  await waitFor('the outbox and the queues to drain', async () => (await countRows(app.db, 'rescan_outbox')) === 0 && queuesIdle(app), timeoutMs, 50);
}

/** Deletes the marker of the last stalled-job check (Redis), so the next worker checks at once. */
export async function forgetStalledChecks(app: TestApp): Promise<void> {
  const queues = app.producer.queues.redis;
  if (!queues || !app.config.REDIS_URL) return;
  const redis = new Redis(app.config.REDIS_URL);
  try {
    await redis.del(...queues.map((q) => q.toKey('stalled-check')));
  } finally {
    redis.disconnect();
  }
}

/** The database's clock, to tell the scans a test started from earlier ones. */
export async function dbNow(db: Knex): Promise<Date> {
  const { rows } = await db.raw<{ rows: { now: Date }[] }>('SELECT clock_timestamp() AS now');
  return rows[0]!.now;
}

/** Holds a row lock on an initiative, so a scan batch that reaches it waits until `release`. */
export async function lockInitiative(db: Knex, id: number): Promise<{ release(): Promise<void> }> {
  const trx = await db.transaction();
  await trx('initiatives').where({ id }).forUpdate().select('id');
  return {
    release: async () => {
      if (!trx.isCompleted()) await trx.commit();
    },
  };
}

/** Whether some session of this database waits for a row lock (a batch stuck at `lockInitiative`). */
export async function someoneWaitsForALock(db: Knex): Promise<boolean> {
  const { rows } = await db.raw<{ rows: { n: number }[] }>(
    "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
  );
  return (rows[0]?.n ?? 0) > 0;
}

const children = new Set<ChildProcess>();

/** SIGKILLs every child process a test started and has not stopped (for `after` hooks). */
export async function killChildren(): Promise<void> {
  await Promise.all(
    [...children].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
  children.clear();
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

function track(child: ChildProcess): { exited: Promise<Exit>; output: () => string; errors: () => string } {
  children.add(child);
  let output = '';
  let errors = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
    errors += d.toString();
  });
  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    }),
  );
  return { exited, output: () => output, errors: () => errors };
}

async function started(child: ChildProcess, output: () => string, line: string, what: string, timeoutMs: number): Promise<void> {
  await waitFor(
    what,
    async () => {
      if (output().includes(line)) return true;
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${what}: exited early with\n${output()}`);
      return false;
    },
    timeoutMs,
    20,
  );
}

export interface WorkerChild {
  child: ChildProcess;
  exited: Promise<Exit>;
  /** stdout and stderr */
  output(): string;
  /** stderr only */
  errors(): string;
}

/**
 * Runs the real worker entry point (`npm run worker`, bin/worker.ts) on this run's database and
 * on the queues of `app` (Redis or PostgreSQL).
 */
export async function spawnWorker(app: Pick<TestApp, 'config'>, env: Record<string, string> = {}): Promise<WorkerChild> {
  const child = spawn(process.execPath, [...WORKER_NODE_FLAGS, '--import', 'tsx', 'bin/worker.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      DATABASE_URL: TEST_DATABASE_URL,
      REDIS_URL: app.config.REDIS_URL ?? '',
      QUEUE_PREFIX: TEST_QUEUE_PREFIX,
      SCAN_SCHEDULE: QUIET_SCHEDULE,
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { exited, output, errors } = track(child);
  await started(child, output, 'worker started', 'the worker process to start', 30_000);
  return { child, exited, output, errors };
}

/** Resolves when the child exits, or answers 'still running' after `ms`. */
export function exitWithin(worker: { exited: Promise<Exit> }, ms: number): Promise<Exit | 'still running'> {
  return Promise.race([worker.exited, sleep(ms).then(() => 'still running' as const)]);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A queue backend the job tests run on: the overrides that select it for startTestApp. */
export interface Backend {
  name: 'postgres' | 'redis';
  overrides: { REDIS_URL: string };
}

async function redisAnswersAt(url: string): Promise<boolean> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1_000 });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

const redisBackend = (await redisAnswersAt(REDIS_CANDIDATE_URL)) ? REDIS_CANDIDATE_URL : null;

/**
 * Rescans that earlier suites handed to the other backend's queue would wait there, or for
 * RESCAN_REQUEUE_MS; marks them not handed over, so the suite's own relay sends them at once.
 */
async function handOutboxOverAgain(): Promise<void> {
  const db = createDb(TEST_DATABASE_URL, 1);
  try {
    await db('rescan_outbox').update({ queued_at: null });
  } finally {
    await db.destroy();
  }
}

/**
 * Describes a suite once per queue backend: PostgreSQL always, Redis when TEST_REDIS_URL (or a
 * local Redis) answers; a Redis run that cannot happen says so in the output.
 */
export function forEachBackend(title: string, body: (this: Mocha.Suite, backend: Backend) => void): void {
  describe(`${title} (queues on PostgreSQL)`, function () {
    before(handOutboxOverAgain);
    body.call(this, { name: 'postgres', overrides: { REDIS_URL: '' } });
  });
  if (redisBackend) {
    describe(`${title} (queues on Redis)`, function () {
      before(handOutboxOverAgain);
      body.call(this, { name: 'redis', overrides: { REDIS_URL: redisBackend } });
    });
  } else {
    describe(`${title} (queues on Redis)`, () => {
      it(`is skipped: no Redis answers at ${REDIS_CANDIDATE_URL} (TEST_REDIS_URL, else a local Redis)`, function () {
        this.skip();
      });
    });
  }
}

/**
 * Describes a Redis fault suite, which starts and stops a private redis-server: without the
 * binary (a laptop without Redis) it is skipped with the reason in the output.
 */
export function describeWithRedisServer(title: string, body: (this: Mocha.Suite) => void): void {
  if (spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0) {
    describe(title, body);
    return;
  }
  describe(title, () => {
    it('is skipped: no redis-server binary on PATH to start a private Redis', function () {
      this.skip();
    });
  });
}

/** A private, throw-away redis-server (no persistence) that a test can stop and start again. */
export class RedisServer {
  private child: ChildProcess | undefined;
  private exited: Promise<Exit> | undefined;

  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const { exited, output } = track(child);
    this.child = child;
    this.exited = exited;
    await started(child, output, 'Ready to accept connections', `redis-server on port ${this.port}`, 10_000);
  }

  get running(): boolean {
    return this.child !== undefined;
  }

  /** Shuts the server down without saving (`SHUTDOWN NOSAVE`): it comes back empty, every job lost. */
  async shutdownNosave(): Promise<void> {
    if (!this.child || !this.exited) return;
    const admin = new Redis(this.url, { maxRetriesPerRequest: 0, retryStrategy: () => null });
    admin.on('error', () => undefined);
    await admin.call('SHUTDOWN', 'NOSAVE').catch(() => undefined);
    admin.disconnect();
    await this.exited;
    this.child = undefined;
  }

  /** Kills the server the hard way, as an outage would. */
  async stop(): Promise<void> {
    if (!this.child || !this.exited) return;
    this.child.kill('SIGKILL');
    await this.exited;
    this.child = undefined;
  }
}
