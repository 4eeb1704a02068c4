// `npm run bench [-- --initiatives N] [--skip-load] [--seed S] [--as-of YYYY-MM-DD] [--edits 50]
//   [--queues redis|postgres|both] [--rate 200] [--list-seconds 10] [--profile DIR] [--drop-after]`
//
// One run, side by side with the machine's limits, against the benchmark's own database
// (vangnet_bench, dropped and loaded afresh unless --skip-load): bulk load; the full gap scan with
// one and with two worker processes against PostgreSQL's bare aggregate and edit-to-flag latency,
// each on the queue backends asked for (Redis, and PostgreSQL as without REDIS_URL);
// the list endpoints under a fixed request rate against a bare node:http + pg server running the
// same SQL; the figure endpoints; peak memory of API and workers. Writes
// bench/results/<date>-<size>.json and .md, updates bench/results/latest.md and prints the table.
import { mkdirSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig } from '../server/config.js';
import { today } from '../server/services/clock.js';
import { BENCH_DATABASE_URL, DEFAULT_INITIATIVES, DEFAULT_SEED } from './defaults.js';
import { measureAnalytics } from './scenarios/analytics.js';
import { measureKeptRenewal } from './scenarios/keptRenewal.js';
import { measureEditToFlag } from './scenarios/edits.js';
import { measureList, type ListResult } from './scenarios/lists.js';
import { measureFloor, measureWriteFloor, runScan, type ScanResult } from './scenarios/scan.js';
import { captureList, statements, type CapturedList, type ListRequest } from './support/capture.js';
import { adminToken, codeVersion, databaseName, dropDatabase } from './support/database.js';
import { ApiClient, listQuery } from './support/http.js';
import { describeMachine } from './support/machine.js';
import { freePort, peakRssMb, REPO_ROOT, startNode, startWorkerNode, waitForHttp, type Child } from './support/processes.js';
import { backendEnv, benchBackend, BenchQueues, BENCH_QUEUE_PREFIX, parseQueueKinds, QUEUE_LABELS, type QueueKind } from './support/queues.js';
import { waitForQuiet, type Quiet } from './support/quiet.js';
import { checkTargets, renderMarkdown, sizeLabel, type BenchResult, type QueueRun } from './support/report.js';
import { loadPortfolio, TABLES, type LoadReport, type Table } from './synthetic/load.js';

const { values: args } = parseArgs({
  options: {
    initiatives: { type: 'string', default: String(DEFAULT_INITIATIVES) },
    'skip-load': { type: 'boolean', default: false },
    seed: { type: 'string', default: DEFAULT_SEED },
    'as-of': { type: 'string' },
    edits: { type: 'string', default: '50' },
    queues: { type: 'string', default: 'both' },
    rate: { type: 'string', default: '200' },
    connections: { type: 'string', default: '10' },
    'list-seconds': { type: 'string', default: '10' },
    profile: { type: 'string' },
    'drop-after': { type: 'boolean', default: false },
    'quiet-seconds': { type: 'string', default: '90' },
  },
});

const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
const databaseUrl = BENCH_DATABASE_URL;
const appConfig = loadConfig({ ...process.env, DATABASE_URL: databaseUrl, QUEUE_PREFIX: BENCH_QUEUE_PREFIX });
const asOf = args['as-of'] ?? today();
const initiatives = Number(args.initiatives);
const queueKinds = parseQueueKinds(args.queues);
const edits = Number(args.edits);
const quiet: Record<string, Quiet> = {};
/** Waits for the machine to be quiet before a measurement and records how quiet it was. */
async function settle(phase: string): Promise<void> {
  quiet[phase] = await waitForQuiet(Number(args['quiet-seconds']));
  if (quiet[phase].busyBefore >= 0.15) log(`  the machine is busy (${Math.round(quiet[phase].busyBefore * 100)}% CPU) before ${phase}; measuring anyway`);
}
const profileArgs = args.profile ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(args.profile)] : [];

async function countRows(db: pg.Pool): Promise<Record<Table, number>> {
  const rows = {} as Record<Table, number>;
  for (const table of TABLES) rows[table] = Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);
  return rows;
}

const backends = new Map(queueKinds.map((kind) => [kind, benchBackend(kind, appConfig.REDIS_URL, databaseUrl)]));
/** The API's and the workers' environment: the bench database, and the queues on `kind`. */
function childEnv(kind: QueueKind): Record<string, string> {
  return { DATABASE_URL: databaseUrl, ...backendEnv(backends.get(kind)!), LOG_LEVEL: 'warn' };
}

async function withWorkers<T>(queues: BenchQueues, count: number, work: (workers: Child[]) => Promise<T>): Promise<T> {
  const env = childEnv(queues.backend.kind);
  const workers = Array.from({ length: count }, (_, i) => startWorkerNode(`worker ${i + 1}`, env, profileArgs));
  try {
    await queues.waitForWorkers(count);
    return await work(workers);
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
  }
}

/** An API process with its queues on `kind`; its jobs run in worker processes started apart. */
async function startApi(kind: QueueKind, token: string): Promise<{ api: Child; client: ApiClient; url: string }> {
  const port = await freePort();
  const api = startNode(`API (${QUEUE_LABELS[kind]} queues)`, 'bin/main.ts', { ...childEnv(kind), PORT: String(port), START_WORKER: 'false', DEMO_DATA: 'false' }, profileArgs);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}/readyz`, api);
  } catch (err) {
    await api.stop();
    throw err;
  }
  return { api, client: new ApiClient(url, token), url };
}

/** The full scans with one and with two workers (first and repeat) and edit-to-flag, the queues on `kind`. */
async function measureQueues(kind: QueueKind, client: ApiClient, db: pg.Pool): Promise<QueueRun> {
  const label = `${QUEUE_LABELS[kind]} queues`;
  const queues = new BenchQueues(backends.get(kind)!);
  try {
    await queues.reset();
    const scans: ScanResult[] = [];
    const workerPeakRssMb: Record<string, number[]> = {};
    const scanTimeout = Math.max(300_000, initiatives * 10);
    const scanTwice = async (workers: number) => {
      for (const scanKind of ['first', 'repeat', 'full'] as const) {
        await settle(`scan on ${label}, ${workers} worker(s), ${scanKind}`);
        const scan = await runScan(client, db, asOf, workers, scanKind, scanTimeout);
        log(`  scan with ${workers} worker(s), ${scanKind}: ${scan.seconds.toFixed(2)} s, ${scan.gapsOpened} gaps opened`);
        scans.push(scan);
      }
    };
    log(`${label}, one worker: full scans, then edit-to-flag`);
    const editToFlag = await withWorkers(queues, 1, async (workers) => {
      await scanTwice(1);
      await settle(`edit-to-flag on ${label}`);
      const result = await measureEditToFlag(client, db, Number(asOf.slice(0, 4)), edits);
      log(`  edit-to-flag p50 ${result.p50Ms.toFixed(0)} ms, p95 ${result.p95Ms.toFixed(0)} ms`);
      workerPeakRssMb['1'] = workers.map((w) => peakRssMb(w.pid));
      return result;
    });
    log(`${label}, two workers: full scans`);
    await withWorkers(queues, 2, async (workers) => {
      await scanTwice(2);
      workerPeakRssMb['2'] = workers.map((w) => peakRssMb(w.pid));
    });
    return { backend: kind, scans, workerPeakRssMb, editToFlag };
  } finally {
    await queues.reset().catch(() => undefined);
    await queues.close();
  }
}

async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  const loadAverageAtStart = os.loadavg();
  const code = codeVersion();
  let load: LoadReport | null = null;
  if (!args['skip-load']) {
    log(`dropping ${databaseName(databaseUrl)}, generating and loading ${initiatives} initiatives`);
    await dropDatabase(databaseUrl);
    await settle('load');
    load = await loadPortfolio({ databaseUrl, initiatives, seed: args.seed, asOf, log: (m) => log(m.trim()) });
    log(`loaded ${load.totalRows} rows in ${load.seconds.total.toFixed(1)} s`);
  }
  const db = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  // Earlier runs (--skip-load) leave gaps, scans and sessions behind; each run starts from none.
  await db.query('TRUNCATE gaps, scans, scan_batches, rescan_outbox, audit_events, sessions CASCADE');
  // An API that finds no scan at all queues a full one on start (the first-start scan), which the
  // workers would then run beside the measured scans: a stand-in record tells it this database was
  // scanned. It is failed, so nothing that reads the latest completed scan sees it.
  await db.query("INSERT INTO scans (trigger, status, as_of, finished_at, error) VALUES ('manual', 'failed', $1, now(), 'bench: stands in for the first-start scan')", [asOf]);
  const rows = await countRows(db);
  const redis = backends.get('redis');
  const machine = await describeMachine(db, redis?.kind === 'redis' ? redis.url : null);
  const token = await adminToken(db);

  // One API at a time: each relays the rescan outbox to its own queues, so a second API running
  // on the other backend would take the edits' rescans to queues no worker listens on.
  const [primary, ...others] = queueKinds as [QueueKind, ...QueueKind[]];
  const { api, client, url: apiUrl } = await startApi(primary, token);
  try {
    log('floor: EXPLAIN ANALYZE of the bare aggregate');
    await settle('floor');
    const floor = await measureFloor(db);
    log(`  ${floor.seconds.toFixed(2)} s`);

    const queueRuns = [await measureQueues(primary, client, db)];
    log("write floor: what a first scan writes, each table's rows inserted again by PostgreSQL alone");
    await settle('write floor');
    const writeFloor = await measureWriteFloor(db);
    for (const t of writeFloor.tables) log(`  ${t.table}: ${t.rows} rows in ${t.seconds.toFixed(2)} s`);

    const settings = { rate: Number(args.rate), connections: Number(args.connections), durationSeconds: Number(args['list-seconds']) };
    const requests: (ListRequest & { name: string })[] = [
      {
        name: 'GET /api/initiatives',
        resource: 'initiatives',
        query: { filter: JSON.stringify({ status: 'active', municipality: 'Utrecht' }), sort: JSON.stringify(['name', 'ASC']), range: JSON.stringify([0, 24]) },
      },
      {
        name: 'GET /api/commitments',
        resource: 'commitments',
        query: { filter: JSON.stringify({ status: 'committed', kind: 'subsidy' }), sort: JSON.stringify(['endDate', 'DESC']), range: JSON.stringify([0, 24]) },
      },
    ];
    const routes: Record<string, CapturedList> = {};
    const paths = requests.map((r) => `/api/${r.resource}${listQuery({ sort: JSON.parse(r.query.sort), range: JSON.parse(r.query.range), filter: JSON.parse(r.query.filter) })}`);
    for (const [i, r] of requests.entries()) routes[paths[i]!] = await captureList(databaseUrl, token, r);
    const routesFile = path.join(tmpdir(), `vangnet-bench-routes-${process.pid}.json`);
    writeFileSync(routesFile, JSON.stringify(routes));
    const barePort = await freePort();
    const bare = startNode('bare server', 'bench/bare-server.ts', { DATABASE_URL: databaseUrl, PORT: String(barePort), BARE_ROUTES: routesFile, DB_POOL_MAX: String(appConfig.DB_POOL_MAX) });
    const lists: ListResult[] = [];
    try {
      await waitForHttp(`http://127.0.0.1:${barePort}/healthz`, bare, 10_000);
      for (const [i, r] of requests.entries()) {
        log(`list load: ${r.name}`);
        const result = await measureList(r.name, paths[i]!, apiUrl, `http://127.0.0.1:${barePort}`, `Bearer ${token}`, settings, (server) => settle(`${r.name}, ${server}`));
        log(`  API p99 ${result.api.fixed.p99Ms} ms at ${settings.rate}/s, max ${result.api.max.requestsPerSecond.toFixed(0)}/s; bare max ${result.bare.max.requestsPerSecond.toFixed(0)}/s`);
        lists.push({ ...result, sql: statements(routes[paths[i]!]!) });
      }
    } finally {
      await bare.stop();
    }

    log('analytics endpoints');
    await settle('analytics');
    const analytics = await measureAnalytics(client, db, asOf);
    log(`  runway ${analytics.runway.medianMs.toFixed(1)} ms, fragmentation ${analytics.fragmentation.medianMs.toFixed(0)} ms (${analytics.fragmentation.computed}), funding ${analytics.funding?.medianMs.toFixed(0)} ms (${analytics.funding?.computed}), risk ${analytics.risk.medianMs.toFixed(0)} ms (${analytics.risk.computed}), burden ${analytics.burden?.medianMs.toFixed(0)} ms (${analytics.burden?.computed})`);
    const apiPeakRssMb = peakRssMb(api.pid);
    log('kept-figure renewal per rescan');
    await settle('kept renewal');
    const keptRenewal = await measureKeptRenewal(databaseUrl, asOf);
    log(`  a rescan's batch ${keptRenewal.batchMedianMs.toFixed(1)} ms, of which renewing kept figures ${keptRenewal.renewalMedianMs.toFixed(1)} ms (medians)`);
    // Child.stop() is idempotent: the finally below stops it only when a measurement failed first.
    await api.stop();

    for (const kind of others) {
      const other = await startApi(kind, token);
      try {
        queueRuns.push(await measureQueues(kind, other.client, db));
      } finally {
        await other.api.stop();
      }
    }

    const partial: Omit<BenchResult, 'targets'> = {
      startedAt,
      finishedAt: new Date().toISOString(),
      seed: args.seed,
      asOf,
      code,
      rows,
      machine,
      settings: { scanBatch: appConfig.SCAN_BATCH, workerConcurrency: appConfig.WORKER_CONCURRENCY, rescanDebounceMs: appConfig.RESCAN_DEBOUNCE_MS, dbPoolMax: appConfig.DB_POOL_MAX, listRate: settings.rate, listConnections: settings.connections, listSeconds: settings.durationSeconds, edits },
      load,
      floor,
      writeFloor,
      queues: queueRuns,
      lists,
      analytics,
      keptRenewal,
      apiPeakRssMb,
      quiet,
      loadAverage: { start: loadAverageAtStart, end: os.loadavg() },
    };
    const result: BenchResult = { ...partial, targets: checkTargets(partial) };
    const markdown = renderMarkdown(result);
    const dir = path.join(REPO_ROOT, 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    const base = path.join(dir, `${startedAt.slice(0, 10)}-${sizeLabel(rows.initiatives)}`);
    writeFileSync(`${base}.json`, `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(`${base}.md`, `${markdown}\n`);
    writeFileSync(path.join(dir, 'latest.md'), `${markdown}\n`);
    console.log(`\n${markdown}\nWritten: ${path.relative(REPO_ROOT, base)}.json, .md and bench/results/latest.md`);
  } finally {
    await api.stop();
    await db.end();
    if (args['drop-after']) await dropDatabase(databaseUrl);
  }
}

await main();
