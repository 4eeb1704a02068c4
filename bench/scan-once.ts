// `tsx bench/scan-once.ts [--workers 1] [--repeat] [--full] [--queues redis|postgres] [--profile DIR] [--as-of YYYY-MM-DD]`
// One full gap scan of the already loaded benchmark database (BENCH_DATABASE_URL), without the
// API: the scan record and its start job are made the way POST /api/scans makes them. For
// looking into the scan alone, e.g. with `--profile /tmp/prof` (a V8 CPU profile per worker,
// open it in Chrome DevTools or speedscope). Without `--repeat` the scan starts from no gaps and
// no kept figures (FORGET_SCANS_SQL), as the bench's first scan does; `--repeat` keeps them, so a
// scan for the same day leaves out every unchanged initiative unless `--full` is given too.
import { parseArgs } from 'node:util';
import path from 'node:path';
import pg from 'pg';
import { startJobId } from '../server/queues/queues.js';
import { loadConfig } from '../server/config.js';
import { today } from '../server/services/clock.js';
import { BENCH_DATABASE_URL } from './defaults.js';
import { peakRssMb, startWorkerNode } from './support/processes.js';
import { FORGET_SCANS_SQL, nextLook } from './support/scans.js';
import { backendEnv, benchBackend, BenchQueues, BENCH_QUEUE_PREFIX, parseQueueKinds } from './support/queues.js';

const { values: args } = parseArgs({
  options: {
    workers: { type: 'string', default: '1' },
    repeat: { type: 'boolean', default: false },
    full: { type: 'boolean', default: false },
    queues: { type: 'string', default: 'redis' },
    profile: { type: 'string' },
    'as-of': { type: 'string' },
  },
});
const workers = Number(args.workers);
const config = loadConfig({ ...process.env, DATABASE_URL: BENCH_DATABASE_URL, QUEUE_PREFIX: BENCH_QUEUE_PREFIX });
const db = new pg.Pool({ connectionString: BENCH_DATABASE_URL, max: 2 });
const [kind] = parseQueueKinds(args.queues);
if (!kind || args.queues === 'both') throw new Error('--queues must be redis or postgres');
const backend = benchBackend(kind, config.REDIS_URL, BENCH_DATABASE_URL);
const queues = new BenchQueues(backend);
await queues.reset();
const env = { DATABASE_URL: BENCH_DATABASE_URL, ...backendEnv(backend), LOG_LEVEL: 'warn' };
const nodeArgs = args.profile ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(args.profile)] : [];
const children = Array.from({ length: workers }, (_, i) => startWorkerNode(`worker ${i + 1}`, env, nodeArgs));
try {
  await queues.waitForWorkers(workers);
  if (!args.repeat) await db.query(FORGET_SCANS_SQL);
  const { rows } = await db.query<{ id: number }>("INSERT INTO scans (trigger, as_of, \"full\") VALUES ('manual', $1, $2) RETURNING id", [args['as-of'] ?? today(), args.full]);
  const scanId = rows[0]!.id;
  const start = performance.now();
  await queues.queues.scan.add('start', { scanId }, { jobId: startJobId(scanId) });
  for (;;) {
    const scan = (await db.query<{ status: string; batches_done: number; batches_total: number; gaps_opened: number; error: string | null }>('SELECT status, batches_done, batches_total, gaps_opened, error FROM scans WHERE id = $1', [scanId])).rows[0]!;
    if (scan.status === 'failed') throw new Error(scan.error ?? 'scan failed');
    if (scan.status === 'completed') {
      console.log(`scan ${scanId}: ${((performance.now() - start) / 1000).toFixed(2)} s with ${workers} worker(s), ${scan.batches_total} batches, ${scan.gaps_opened} gaps opened`);
      break;
    }
    await nextLook(start);
  }
  console.log(`peak RSS: ${children.map((c) => `${Math.round(peakRssMb(c.pid))} MB`).join(', ')}`);
} finally {
  await Promise.all(children.map((c) => c.stop()));
  await queues.reset();
  await queues.close();
  await db.end();
}
