// `npm start`: the API and, unless START_WORKER=false, a job worker in one process.
import { loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { startServer } from './start.js';

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL);

try {
  const running = await startServer(config, logger);
  logger.info(`Vangnet is running: open ${running.url}/ (API at ${running.url}/api)`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await running.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
} catch (err) {
  logger.fatal({ err }, 'could not start');
  process.exit(1);
}
