// The benchmark's own queues, on Redis (QUEUE_PREFIX named after the bench database, e.g.
// {vangnet_bench}) or on PostgreSQL (schema `bullmq` of the bench database): emptied before and
// after a run, and watched to know when the workers are connected.
import { setTimeout as sleep } from 'node:timers/promises';
import { openLink, queueBackend, type QueueBackend, type QueueLink } from '../../server/queues/backend.js';
import { createQueues, SCHEDULER_ID, type Queues } from '../../server/queues/queues.js';
import { loadConfig } from '../../server/config.js';
import { BENCH_DATABASE_URL } from '../defaults.js';

/**
 * The bench database's name as a Redis hash tag: two benches on different databases
 * (BENCH_DATABASE_URL) never take each other's jobs, as PostgreSQL queues in each database cannot.
 */
export const BENCH_QUEUE_PREFIX = `{${decodeURIComponent(new URL(BENCH_DATABASE_URL).pathname.slice(1)).replace(/[^\w.:-]/g, '-')}}`;

export const QUEUE_KINDS = ['redis', 'postgres'] as const;
export type QueueKind = (typeof QUEUE_KINDS)[number];

export const QUEUE_LABELS: Record<QueueKind, string> = { redis: 'Redis', postgres: 'PostgreSQL' };

/** `--queues redis|postgres|both` as the backends to measure, Redis first. */
export function parseQueueKinds(option: string): QueueKind[] {
  if (option === 'both') return [...QUEUE_KINDS];
  const kind = QUEUE_KINDS.find((k) => k === option);
  if (!kind) throw new Error(`--queues must be redis, postgres or both, not ${option}`);
  return [kind];
}

/** Redis queues run on REDIS_URL, else the local Redis; PostgreSQL queues in the bench database. */
export function benchBackend(kind: QueueKind, configuredRedisUrl: string | undefined, databaseUrl: string): QueueBackend {
  return queueBackend(kind === 'redis' ? (configuredRedisUrl ?? 'redis://127.0.0.1:6379') : undefined, databaseUrl);
}

/** The backend of a tool that measures on one (`--queues redis|postgres`), as configured. */
export function singleBackend(option: string): { kind: QueueKind; backend: QueueBackend } {
  const [kind] = parseQueueKinds(option);
  if (!kind || option === 'both') throw new Error('--queues must be redis or postgres');
  const config = loadConfig({ ...process.env, DATABASE_URL: BENCH_DATABASE_URL, QUEUE_PREFIX: BENCH_QUEUE_PREFIX });
  return { kind, backend: benchBackend(kind, config.REDIS_URL, BENCH_DATABASE_URL) };
}

/**
 * The environment that makes the API and the workers choose `backend` as the product does: an
 * empty REDIS_URL counts as unset (server/config.ts), so the queues go to PostgreSQL even when
 * the bench itself was started with REDIS_URL set.
 */
export function backendEnv(backend: QueueBackend): Record<string, string> {
  return { REDIS_URL: backend.kind === 'redis' ? backend.url : '', QUEUE_PREFIX: BENCH_QUEUE_PREFIX };
}

export class BenchQueues {
  private readonly link: QueueLink;
  readonly queues: Queues;

  constructor(readonly backend: QueueBackend) {
    const report = (err: Error) => console.error(`bench queues: ${err.message}`);
    this.link = openLink(backend, report);
    this.queues = createQueues(this.link, BENCH_QUEUE_PREFIX, report);
  }

  /** Removes every job, schedule and deduplication key of the benchmark's queues. */
  async reset(): Promise<void> {
    // Redis's producer connection fails fast rather than queueing commands, and PostgreSQL's
    // queues answer once their schema is migrated: wait until the backend is up.
    for (let tries = 0; !(await this.link.ready()); tries++) {
      if (tries > 100) throw new Error(`the ${QUEUE_LABELS[this.backend.kind]} queues do not answer`);
      await sleep(100);
    }
    await this.queues.scan.removeJobScheduler(SCHEDULER_ID);
    for (const queue of [this.queues.scan, this.queues.rescan, this.queues.simulation]) await queue.obliterate({ force: true });
  }

  /** Waits until `count` processes have a worker on the scan and on the rescan queue. */
  async waitForWorkers(count: number, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const [scan, rescan] = await Promise.all([this.queues.scan.getWorkersCount(), this.queues.rescan.getWorkersCount()]);
      if (scan >= count && rescan >= count) return;
      await sleep(100);
    }
    throw new Error(`${count} workers did not connect to the queues within ${timeoutMs / 1000} s`);
  }

  async close(): Promise<void> {
    await this.queues.close();
    await this.link.close();
  }
}
