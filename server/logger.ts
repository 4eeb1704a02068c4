import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: { paths: ['password', '*.password', 'passwordHash', '*.passwordHash', 'token', 'req.headers.authorization'], remove: true },
  });
}
