// The Redis connections, defined once for queues and workers.
import type { ConnectionOptions } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';

/** The connection options a `redis://` or `rediss://` URL stands for. */
export function redisOptions(url: string): RedisOptions {
  const u = new URL(url);
  return {
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port: u.port ? Number(u.port) : 6379,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.pathname.length > 1 ? { db: Number(u.pathname.slice(1)) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

/**
 * Reconnect attempts 100 ms, 200 ms, ... apart, at most 500 ms: a worker is back within about a
 * second of Redis (BullMQ's own default backs off exponentially to 20 s).
 */
export const reconnectDelay = (attempt: number): number => Math.min(attempt * 100, 500);

/**
 * For workers: options rather than a connection, so BullMQ opens and closes its connections
 * itself; they wait for Redis through an outage (BullMQ requires maxRetriesPerRequest: null).
 */
export function workerConnection(url: string): ConnectionOptions {
  const { host, port, username, password, db, tls } = redisOptions(url);
  return { host, port, username, password, db, tls, maxRetriesPerRequest: null, retryStrategy: reconnectDelay };
}

/**
 * For producers (the API, the outbox relay): fails at once while Redis is away instead of queueing
 * commands, so a request can answer 503 and the outbox keeps what it could not hand over.
 */
export function producerConnection(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, retryStrategy: reconnectDelay, ...options });
}

/** Whether Redis answers a PING within `timeoutMs`. */
export async function redisAnswers(redis: Redis, timeoutMs = 500): Promise<boolean> {
  if (redis.status !== 'ready') return false;
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      redis.ping().then((r) => r === 'PONG'),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      }),
    ]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
