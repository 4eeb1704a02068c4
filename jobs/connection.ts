// The Redis connections, defined once for queues and workers.
import { Redis, type RedisOptions } from 'ioredis';

/** For workers: waits for Redis through an outage (BullMQ requires maxRetriesPerRequest: null). */
export function workerConnection(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, ...options });
}

/**
 * For producers (the API, the outbox relay): fails at once while Redis is away instead of queueing
 * commands, so a request can answer 503 and the outbox keeps what it could not hand over.
 */
export function producerConnection(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, ...options });
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
