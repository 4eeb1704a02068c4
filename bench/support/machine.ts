// What the figures were measured on.
import os from 'node:os';
import type pg from 'pg';
import { Redis } from 'ioredis';

export interface Machine {
  cpuModel: string;
  cores: number;
  ramGb: number;
  os: string;
  node: string;
  postgres: string;
  postgresSettings: Record<string, string>;
  /** 'not used' when no queue backend measured was Redis */
  redis: string;
}

export async function describeMachine(client: pg.Pool, redisUrl: string | null): Promise<Machine> {
  const settings: Record<string, string> = {};
  for (const name of ['shared_buffers', 'work_mem', 'maintenance_work_mem', 'max_parallel_workers_per_gather', 'random_page_cost', 'jit', 'synchronous_commit', 'autovacuum']) {
    const { rows } = await client.query<Record<string, string>>(`SHOW ${name}`);
    settings[name] = Object.values(rows[0] ?? {})[0] ?? '';
  }
  const version = await client.query<{ server_version: string }>('SHOW server_version');
  return {
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.cpus().length,
    ramGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: version.rows[0]?.server_version ?? 'unknown',
    postgresSettings: settings,
    redis: redisUrl ? await redisVersion(redisUrl) : 'not used',
  };
}

async function redisVersion(redisUrl: string): Promise<string> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    return /redis_version:(\S+)/.exec(await redis.info('server'))?.[1] ?? 'unknown';
  } finally {
    redis.disconnect();
  }
}
