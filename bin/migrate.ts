// `npm run migrate`: creates the database when needed and applies every pending migration.
import { loadConfig } from '../server/config.js';
import { createDb, ensureDatabase, migrateLatest } from '../server/data/db.js';
import { usePostgres } from '../server/data/postgres.js';
import { createLogger } from '../server/logger.js';

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL);
const postgres = await usePostgres(config, logger);
try {
  if (await ensureDatabase(postgres.url)) logger.info('created the database');
  const db = createDb(postgres.url);
  try {
    const applied = await migrateLatest(db);
    logger.info({ applied }, applied.length ? `applied ${applied.length} migrations` : 'the database is up to date');
  } finally {
    await db.destroy();
  }
} finally {
  await postgres.stop();
}
