// The benchmark's own queues in Redis (QUEUE_PREFIX {vangnet-bench}): emptied before and after a
// run, and watched to know when the workers are connected.
import { Redis } from 'ioredis';
import { createQueues, SCHEDULER_ID, type Queues } from '../../jobs/queues.js';
import { setTimeout as sleep } from 'node:timers/promises';

export const BENCH_QUEUE_PREFIX = '{vangnet-bench}';

export class BenchQueues {
  private readonly redis: Redis;
  readonly queues: Queues;

  constructor(redisUrl: string) {
    this.redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
    this.queues = createQueues(this.redis, BENCH_QUEUE_PREFIX, (err) => console.error(`bench queues: ${err.message}`));
  }

  /** Removes every job, schedule and deduplication key of the benchmark's queues. */
  async reset(): Promise<void> {
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
    this.redis.disconnect();
  }
}
