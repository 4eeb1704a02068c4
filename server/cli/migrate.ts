// `npm run migrate`: creates the database when needed and applies every pending migration.
import { loadConfig } from '../config.js';
import { createDb, ensureDatabase, migrateLatest } from '../data/db.js';
import { usePostgres } from '../data/postgres.js';
import { createLogger } from '../logger.js';

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
