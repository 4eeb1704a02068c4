// The queue side of an API process: a fail-fast Redis connection, the queues to put jobs on, and
// the outbox relay that hands rescans over after every write.
import type { Knex } from 'knex';
import type { Config } from '../server/config.js';
import type { Logger } from '../server/logger.js';
import { producerConnection, redisAnswers } from './connection.js';
import { OutboxRelay } from './outbox.js';
import { createQueues, type Queues } from './queues.js';

export interface Producer {
  queues: Queues;
  ready(): Promise<boolean>;
  /** Calls `listener` now if Redis is connected, and at every (re)connect. */
  onReady(listener: () => void): void;
  relay: OutboxRelay;
  close(): Promise<void>;
}

export function startProducer(db: Knex, config: Pick<Config, 'REDIS_URL' | 'QUEUE_PREFIX' | 'RESCAN_DEBOUNCE_MS' | 'RESCAN_REQUEUE_MS'>, logger: Logger): Producer {
  const redis = producerConnection(config.REDIS_URL);
  // An outage shows in /readyz and in the outbox; the connection retries by itself.
  const quiet = (err: Error) => logger.debug({ err: err.message }, 'redis unavailable');
  redis.on('error', quiet);
  const queues = createQueues(redis, config.QUEUE_PREFIX, quiet);
  const relay = new OutboxRelay(db, queues, logger, { debounceMs: config.RESCAN_DEBOUNCE_MS, requeueAfterMs: config.RESCAN_REQUEUE_MS });
  relay.start();
  return {
    queues,
    ready: () => redisAnswers(redis),
    onReady: (listener) => {
      redis.on('ready', listener);
      if (redis.status === 'ready') listener();
    },
    relay,
    close: async () => {
      await relay.stop();
      await queues.close();
      redis.disconnect();
    },
  };
}
