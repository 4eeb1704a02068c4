// `npm run seed`: migrates, then loads the demo portfolio when the database is empty.
import { loadDemoIfEmpty } from '../seeds/load.js';
import { loadConfig } from '../server/config.js';
import { createDb, ensureDatabase, migrateLatest } from '../server/data/db.js';
import { usePostgres } from '../server/data/postgres.js';
import { createLogger } from '../server/logger.js';
import { today } from '../server/services/clock.js';

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL);
const postgres = await usePostgres(config, logger);
try {
  await ensureDatabase(postgres.url);
  const db = createDb(postgres.url);
  try {
    await migrateLatest(db);
    const result = await loadDemoIfEmpty(db, today());
    logger.info(result, result.loaded ? 'loaded the demo portfolio' : 'the database already holds data: nothing loaded');
  } finally {
    await db.destroy();
  }
} finally {
  await postgres.stop();
}
