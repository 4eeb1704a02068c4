// The queue side of an API process: a fail-fast connection to the queue backend (Redis or
// PostgreSQL), the queues to put jobs on, and the outbox relay that hands rescans over after every write.
import type { Knex } from 'knex';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { openLink, type QueueBackend } from './backend.js';
import { OutboxRelay } from './outbox.js';
import { createQueues, type Queues } from './queues.js';

export interface Producer {
  backend: QueueBackend;
  queues: Queues;
  /** Whether the queue backend answers. */
  ready(): Promise<boolean>;
  /** Calls `listener` now if the queue answers, and every time it answers again after an outage. */
  onReady(listener: () => void): void;
  relay: OutboxRelay;
  close(): Promise<void>;
}

export function startProducer(
  db: Knex,
  backend: QueueBackend,
  config: Pick<Config, 'QUEUE_PREFIX' | 'RESCAN_DEBOUNCE_MS' | 'RESCAN_REQUEUE_MS'>,
  logger: Logger,
): Producer {
  // An outage shows in /readyz and in the outbox; the connection retries by itself.
  const quiet = (err: Error) => logger.debug({ err: err.message, queue: backend.kind }, 'queue backend unavailable');
  const link = openLink(backend, quiet);
  const queues = createQueues(link, config.QUEUE_PREFIX, quiet);
  const relay = new OutboxRelay(db, queues, logger, { debounceMs: config.RESCAN_DEBOUNCE_MS, requeueAfterMs: config.RESCAN_REQUEUE_MS });
  relay.start();
  return {
    backend,
    queues,
    ready: link.ready,
    onReady: link.onReady,
    relay,
    close: async () => {
      await relay.stop();
      await queues.close();
      await link.close();
    },
  };
}
