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
  relay: OutboxRelay;
  close(): Promise<void>;
}

export function startProducer(db: Knex, config: Pick<Config, 'REDIS_URL' | 'QUEUE_PREFIX' | 'RESCAN_DEBOUNCE_MS'>, logger: Logger): Producer {
  const redis = producerConnection(config.REDIS_URL);
  redis.on('error', () => undefined);
  const queues = createQueues(redis, config.QUEUE_PREFIX);
  const relay = new OutboxRelay(db, queues, logger, config.RESCAN_DEBOUNCE_MS);
  relay.start();
  return {
    queues,
    ready: () => redisAnswers(redis),
    relay,
    close: async () => {
      await relay.stop();
      await queues.close();
      redis.disconnect();
    },
  };
}
