// The benchmark's own queues in Redis (QUEUE_PREFIX {vangnet-bench}): emptied before and after a
// run, and watched to know when the workers are connected.
import { setTimeout as sleep } from 'node:timers/promises';
import { openLink, type QueueLink } from '../../server/queues/backend.js';
import { createQueues, SCHEDULER_ID, type Queues } from '../../server/queues/queues.js';

export const BENCH_QUEUE_PREFIX = process.env.BENCH_QUEUE_PREFIX ?? '{vangnet-bench}';

/** The benchmark measures the production set-up, queues on Redis: REDIS_URL, else the local one. */
export function benchRedisUrl(configured: string | undefined): string {
  return configured ?? 'redis://127.0.0.1:6379';
}

export class BenchQueues {
  private readonly link: QueueLink;
  readonly queues: Queues;

  constructor(redisUrl: string) {
    const report = (err: Error) => console.error(`bench queues: ${err.message}`);
    this.link = openLink({ kind: 'redis', url: redisUrl }, report);
    this.queues = createQueues(this.link, BENCH_QUEUE_PREFIX, report);
  }

  /** Removes every job, schedule and deduplication key of the benchmark's queues. */
  async reset(): Promise<void> {
    // The producer's connection fails fast rather than queueing commands: wait until it is up.
    for (let tries = 0; !(await this.link.ready()); tries++) {
      if (tries > 100) throw new Error('Redis does not answer');
      await sleep(100);
    }
    await this.queues.scan.removeJobScheduler(SCHEDULER_ID);
    for (const queue of [this.queues.scan, this.queues.rescan]) await queue.obliterate({ force: true });
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
