// A first full scan of the loaded benchmark database by worker processes, as `POST /api/scans`
// starts one (the scan record and its start job), for the benchmarks that set something against
// the scan's time (bench/notifications.ts, bench/simulation.ts).
import { setTimeout as sleep } from 'node:timers/promises';
import type { Knex } from 'knex';
import type { QueueBackend } from '../../server/queues/backend.js';
import { startJobId } from '../../server/queues/queues.js';
import { today } from '../../server/services/clock.js';
import { BENCH_DATABASE_URL } from '../defaults.js';
import { peakRssMb, startWorkerNode, type Child } from './processes.js';
import { backendEnv, BenchQueues } from './queues.js';

/** Worker processes on the bench database and `backend`, connected to the queues; stopped by `stop`. */
export async function startWorkers(backend: QueueBackend, count: number): Promise<{ queues: BenchQueues; children: Child[]; stop: () => Promise<void> }> {
  const queues = new BenchQueues(backend);
  await queues.reset();
  const env = { DATABASE_URL: BENCH_DATABASE_URL, ...backendEnv(backend), LOG_LEVEL: 'warn' };
  const children = Array.from({ length: count }, (_, i) => startWorkerNode(`worker ${i + 1}`, env));
  const stop = async () => {
    await Promise.all(children.map((c) => c.stop()));
    await queues.reset();
    await queues.close();
  };
  try {
    await queues.waitForWorkers(count);
  } catch (err) {
    await stop();
    throw err;
  }
  return { queues, children, stop };
}

/**
 * What a first full scan starts from: no gaps, events or kept figures (a scan for the day would
 * leave out every initiative whose kept figures are current, README "Kept figures").
 */
export const FORGET_SCANS_SQL = 'TRUNCATE gaps, events, kept_figures, kept_years, kept_windows, kept_obligations CASCADE';

/**
 * How long to wait before looking at a running scan again, `start` being when it was started
 * (performance.now()): a two-hundredth of the time it has taken so far, from 2 to 50 ms. Each look
 * is a query, and the harness shares the two cores with the scan it times: looking every 5 ms cost
 * a national-size scan about a tenth of the machine's CPU (its process and its PostgreSQL backend),
 * while this keeps the error of the reading under 0.5 % and costs nothing measurable.
 */
export function nextLook(start: number): Promise<void> {
  return sleep(Math.min(50, Math.max(2, (performance.now() - start) / 200)));
}

export interface ScanRun {
  seconds: number;
  gapsOpened: number;
  /** the highest peak RSS of the workers, MB */
  workerPeakMb: number;
}

/** A first full scan (no gaps, events or kept figures before it) with `workers` worker processes. */
export async function firstFullScan(db: Knex, backend: QueueBackend, workers: number): Promise<ScanRun> {
  const { queues, children, stop } = await startWorkers(backend, workers);
  try {
    await db.raw(FORGET_SCANS_SQL);
    const [scan] = await db('scans').insert({ trigger: 'manual', as_of: today() }).returning<{ id: number }[]>('id');
    const start = performance.now();
    await queues.queues.scan.add('start', { scanId: scan!.id }, { jobId: startJobId(scan!.id) });
    for (;;) {
      const row = await db('scans').where({ id: scan!.id }).first<{ status: string; gaps_opened: number; error: string | null }>('status', 'gaps_opened', 'error');
      if (row!.status === 'failed') throw new Error(row!.error ?? 'scan failed');
      if (row!.status === 'completed') {
        return { seconds: (performance.now() - start) / 1000, gapsOpened: row!.gaps_opened, workerPeakMb: Math.max(...children.map((c) => peakRssMb(c.pid))) };
      }
      await nextLook(start);
    }
  } finally {
    await stop();
  }
}
