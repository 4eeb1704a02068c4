// Where the queues live, chosen in this one place: Redis when REDIS_URL is set, else BullMQ's
// PostgreSQL backend in the API's own database (schema `bullmq`), so a laptop needs nothing installed.
import {
  ConnectionClosedError,
  Queue,
  Worker,
  createPostgresBackend,
  type Job,
  type JobProgress,
  type PostgresConnectionOptions,
  type PostgresQueueBackend,
  type QueueOptions,
  type WorkerOptions,
} from 'bullmq';
import { producerConnection, redisAnswers, workerConnection } from './connection.js';

export type QueueBackend = { kind: 'redis'; url: string } | { kind: 'postgres'; databaseUrl: string; schema: string };

/** The schema of the PostgreSQL queues, beside the application's tables. */
export const QUEUE_SCHEMA = 'bullmq';

export function queueBackend(redisUrl: string | undefined, databaseUrl: string): QueueBackend {
  return redisUrl ? { kind: 'redis', url: redisUrl } : { kind: 'postgres', databaseUrl, schema: QUEUE_SCHEMA };
}

/**
 * What Vangnet uses of a queue, on either backend. A PostgreSQL-backed `Queue` carries other
 * connection types than a Redis one, so neither is assignable to the other; this part is the same.
 */
export type QueueApi<T> = Pick<
  RedisQueue<T>,
  | 'name'
  | 'add'
  | 'addBulk'
  | 'getJob'
  | 'getJobs'
  | 'getJobState'
  | 'remove'
  | 'getJobCounts'
  | 'getJobScheduler'
  | 'getJobSchedulers'
  | 'upsertJobScheduler'
  | 'removeJobScheduler'
  | 'getWorkersCount'
  | 'isPaused'
  | 'obliterate'
  | 'close'
>;

/** A Redis-backed queue of `T` (data type given outright, so both backends' queues agree on it). */
export type RedisQueue<T> = Queue<T, unknown, string, T, unknown, string>;

/** A queue of the producer side, and the full Redis `Queue` where bull-board can show it. */
export interface OpenedQueue<T> {
  queue: QueueApi<T>;
  redisQueue: RedisQueue<T> | null;
}

/** The producer's connection to the backend: its queues, and whether it answers. */
export interface QueueLink {
  open<T>(name: string, opts: Omit<QueueOptions, 'connection'>, onError: (err: Error) => void): OpenedQueue<T>;
  /** Whether the backend answers now. */
  ready(): Promise<boolean>;
  /** Calls `listener` now if the backend answers, and every time it answers again after an outage. */
  onReady(listener: () => void): void;
  close(): Promise<void>;
}

/**
 * PostgreSQL pools small enough for several processes per database; the LISTEN client comes on top.
 * Six queues, each with a producer's and a worker's pool, would otherwise keep dozens of
 * connections per process: an idle connection is closed after a second. (Two at least: BullMQ's
 * migration at a queue's first use holds one while it asks for another.)
 */
function postgresConnection(backend: Extract<QueueBackend, { kind: 'postgres' }>, max: number): PostgresConnectionOptions {
  return { connectionString: backend.databaseUrl, schema: backend.schema, migrate: true, max, connectionTimeoutMillis: 5_000, idleTimeoutMillis: 1_000 };
}

/** What BullMQ's PostgreSQL backend and its connection remember of their first readiness. */
interface Readiness {
  readyPromise?: Promise<void>;
  waitUntilReady(): Promise<void>;
}

/**
 * BullMQ's PostgreSQL backend remembers its first readiness (connect, and migrate its schema) for
 * good, also when it failed: a connection first used while PostgreSQL was down or shutting down
 * then fails every later call at once, and a worker's fetch loop, retrying without delay an error
 * it does not take for a connection error, never yields to the event loop again (seen in the
 * outage test: a process at 100% CPU whose timers never fire). So a failed readiness is forgotten,
 * and the next call connects again; and it counts as a connection error, after which the worker
 * waits its `runRetryDelay`.
 */
function forgetFailedReadiness(target: Readiness): void {
  const wait = target.waitUntilReady.bind(target);
  target.waitUntilReady = () =>
    wait().catch((err: unknown) => {
      target.readyPromise = undefined;
      throw new ConnectionClosedError(`PostgreSQL is not ready for the queues: ${err instanceof Error ? err.message : String(err)}`);
    });
}

/** What of node-postgres's pool the backend's connection keeps. */
interface ClientEvents {
  on(event: 'connect', listener: (client: { on(event: 'error', listener: (err: Error) => void): void }) => void): void;
}

const postgresBackend: typeof createPostgresBackend = (...args) => {
  const backend = createPostgresBackend(...args);
  // node-postgres's pool listens for the errors of idle clients only: a client the backend has
  // checked out (migrating its schema at first use) that PostgreSQL drops would raise its 'error'
  // with nobody listening, an uncaught exception. The query it was running fails either way.
  (backend.connection as unknown as { pool: ClientEvents }).pool.on('connect', (client) => client.on('error', () => undefined));
  forgetFailedReadiness(backend.connection as unknown as Readiness);
  forgetFailedReadiness(backend as unknown as Readiness);
  return backend;
};

function timeout(ms: number): Promise<false> {
  return new Promise((resolve) => setTimeout(() => resolve(false), ms).unref());
}

export function openLink(backend: QueueBackend, onError: (err: Error) => void): QueueLink {
  if (backend.kind === 'redis') {
    const redis = producerConnection(backend.url);
    redis.on('error', onError);
    return {
      open: <T>(name: string, opts: Omit<QueueOptions, 'connection'>, onQueueError: (err: Error) => void) => {
        const queue: RedisQueue<T> = new Queue<T, unknown, string, T, unknown, string>(name, { ...opts, connection: redis });
        queue.on('error', onQueueError);
        return { queue, redisQueue: queue };
      },
      ready: () => redisAnswers(redis),
      onReady: (listener) => {
        redis.on('ready', listener);
        if (redis.status === 'ready') listener();
      },
      close: async () => {
        redis.disconnect();
      },
    };
  }

  // PostgreSQL has no connection events worth trusting across an outage: poll the first queue.
  const opened: QueueApi<unknown>[] = [];
  const listeners: (() => void)[] = [];
  let answered = false;
  const ready = async (): Promise<boolean> => {
    const probe = opened[0];
    if (!probe) return false;
    return Promise.race([
      probe.getJobCounts('wait').then(
        () => true,
        () => false,
      ),
      timeout(2_000),
    ]);
  };
  const poll = async () => {
    const now = await ready();
    if (now && !answered) for (const listener of listeners) listener();
    answered = now;
  };
  const timer = setInterval(() => void poll(), 1_000);
  timer.unref();
  return {
    open: <T>(name: string, opts: Omit<QueueOptions, 'connection'>, onQueueError: (err: Error) => void) => {
      const queue = new Queue<T, unknown, string, T, unknown, string, PostgresQueueBackend, PostgresConnectionOptions>(
        name,
        { ...opts, connection: postgresConnection(backend, 2) },
        postgresBackend,
      );
      queue.on('error', onQueueError);
      opened.push(queue);
      if (opened.length === 1) void poll();
      return { queue, redisQueue: null };
    },
    ready,
    onReady: (listener) => {
      listeners.push(listener);
      if (answered) listener();
    },
    close: async () => {
      clearInterval(timer);
    },
  };
}

export interface WorkerHandlers<T> {
  failed(job: Job<T> | undefined, err: Error): void;
  error(err: Error): void;
}

/** A worker on the backend; the handlers are attached here, where the worker's type is concrete. */
export function openWorker<T>(
  backend: QueueBackend,
  name: string,
  processor: (job: Job<T>) => Promise<unknown>,
  opts: Omit<WorkerOptions, 'connection'>,
  handlers: WorkerHandlers<T>,
): Pick<Worker<T>, 'close' | 'name'> {
  if (backend.kind === 'redis') {
    const worker = new Worker<T>(name, processor, { ...opts, connection: workerConnection(backend.url) });
    worker.on('failed', handlers.failed);
    worker.on('error', handlers.error);
    return worker;
  }
  const worker = new Worker<T, unknown, string, PostgresQueueBackend, JobProgress, PostgresConnectionOptions>(
    name,
    processor,
    { ...opts, connection: postgresConnection(backend, (opts.concurrency ?? 1) + 1) },
    postgresBackend,
  );
  worker.on('failed', handlers.failed);
  worker.on('error', handlers.error);
  return worker;
}
