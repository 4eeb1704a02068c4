// Which PostgreSQL Vangnet uses: DATABASE_URL when it is set, else a server of its own with the
// data in VANGNET_DATA_DIR (see embeddedPostgres.ts). Entry points ask here, nowhere else.
import path from 'node:path';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { databaseUrl, startEmbeddedPostgres } from './embeddedPostgres.js';

/** The database of the embedded server. */
export const EMBEDDED_DATABASE = 'vangnet';

export interface Postgres {
  url: string;
  /** Stops the embedded server when this process started it; otherwise nothing. */
  stop(): Promise<void>;
}

/** "host:port/database", never the password. */
export function describeDatabase(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || 5432}${u.pathname}`;
}

export async function usePostgres(config: Pick<Config, 'DATABASE_URL' | 'VANGNET_DATA_DIR'>, logger: Logger): Promise<Postgres> {
  if (config.DATABASE_URL) {
    logger.info({ database: describeDatabase(config.DATABASE_URL) }, `using PostgreSQL at ${describeDatabase(config.DATABASE_URL)} (DATABASE_URL)`);
    return { url: config.DATABASE_URL, stop: async () => undefined };
  }
  const dataDir = path.resolve(config.VANGNET_DATA_DIR);
  const server = await startEmbeddedPostgres(dataDir);
  const url = databaseUrl(server.url, EMBEDDED_DATABASE);
  const where = describeDatabase(url);
  logger.info(
    { database: where, dataDir: server.clusterDir, log: server.logFile, version: server.version },
    server.owned
      ? `started the embedded PostgreSQL ${server.version} (no DATABASE_URL): database ${where}, data in ${server.clusterDir}`
      : `using the embedded PostgreSQL ${server.version} already running on ${server.clusterDir}: database ${where}`,
  );
  return {
    url,
    stop: async () => {
      if (!server.owned) return;
      await server.stop();
      logger.info({ dataDir: server.clusterDir }, 'stopped the embedded PostgreSQL');
    },
  };
}
