// The PostgreSQL connection: knex with type parsers that keep dates as calendar dates and
// money as integers, and the start-up steps (create the database, migrate).
import knexFactory, { type Knex } from 'knex';
import pg from 'pg';
import { migrationSource } from '../../migrations/index.js';
import type { Logger } from '../logger.js';

// DATE stays the string PostgreSQL sends ('2027-12-31'): a JS Date would shift it by time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
// BIGINT (cents, counts, ids) as a number: every value we store is far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export type Db = Knex;

export interface DbOptions {
  /**
   * Bounds both the wait for a free connection and the connecting itself, so a request fails
   * within seconds (and answers 503) while PostgreSQL is away instead of hanging.
   */
  acquireTimeoutMs?: number;
  /** Where knex's own warnings go (lost connections during an outage), instead of the console. */
  logger?: Logger;
}

export function createDb(databaseUrl: string, poolMax = 10, { acquireTimeoutMs = 5_000, logger }: DbOptions = {}): Db {
  return knexFactory({
    client: 'pg',
    connection: { connectionString: databaseUrl, connectionTimeoutMillis: acquireTimeoutMs },
    pool: { min: 0, max: poolMax },
    acquireConnectionTimeout: acquireTimeoutMs,
    migrations: { migrationSource, tableName: 'knex_migrations' },
    ...(logger
      ? {
          log: {
            // Each request that meets an outage answers 503 and logs it once: these are details.
            warn: (message: unknown) => logger.debug({ knex: String(message) }, 'database connection'),
            error: (message: unknown) => logger.error({ knex: String(message) }, 'database'),
            deprecate: (method: string, alternative: string) => logger.warn({ method, alternative }, 'knex deprecation'),
            debug: (message: unknown) => logger.debug({ knex: String(message) }, 'knex'),
          },
        }
      : {}),
  });
}

// Errors that say PostgreSQL cannot be reached (or is restarting), not that a query is wrong.
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
// SQLSTATE: admin_shutdown, crash_shutdown, cannot_connect_now (starting up or shutting down),
// too_many_connections; class 08 is "connection exception".
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const UNREACHABLE_MESSAGES = /^(Connection terminated|Client has encountered a connection error|Client was closed|Connection ended|timeout expired)/;

/** Whether `err` means the database is unreachable for now, as opposed to a failing query. */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const { name, code, message, errors } = err as { name?: unknown; code?: unknown; message?: unknown; errors?: unknown };
  if (name === 'KnexTimeoutError') return true;
  if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08'))) return true;
  if (typeof message === 'string' && UNREACHABLE_MESSAGES.test(message)) return true;
  // A host name with several addresses fails with one error per address.
  return Array.isArray(errors) && errors.length > 0 && errors.every(isDatabaseUnavailable);
}

/** Creates the database named in the URL when it does not exist yet. */
export async function ensureDatabase(databaseUrl: string): Promise<boolean> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!name) throw new Error('DATABASE_URL names no database');
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    return true;
  } catch (err) {
    // Two processes starting at once: the other one created it first.
    if ((err as { code?: string }).code === '42P04') return false;
    throw err;
  } finally {
    await client.end();
  }
}

export async function migrateLatest(db: Db): Promise<string[]> {
  const [, applied] = (await db.migrate.latest()) as [number, string[]];
  return applied;
}
