// `npm run migrate`: creates the database when needed and applies every pending migration.
import { loadConfig } from '../config.js';
import { createDb, ensureDatabase, migrateLatest } from '../data/db.js';
import { createLogger } from '../logger.js';

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL);
if (await ensureDatabase(config.DATABASE_URL)) logger.info('created the database');
const db = createDb(config.DATABASE_URL);
try {
  const applied = await migrateLatest(db);
  logger.info({ applied }, applied.length ? `applied ${applied.length} migrations` : 'the database is up to date');
} finally {
  await db.destroy();
}
