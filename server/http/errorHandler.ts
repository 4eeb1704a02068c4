// Every error becomes JSON `{ message, errors? }` here, and nowhere else. Bad input never
// reaches a 500: errors the database raises for bad values are mapped to 4xx as a safety net.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { isDatabaseUnavailable } from '../data/db.js';
import { ApiError, databaseUnavailable } from '../errors.js';
import type { Logger } from '../logger.js';

const PG_ERRORS: Record<string, [number, string]> = {
  '23505': [409, 'A record with these values already exists.'],
  '23P01': [409, 'This conflicts with an existing record.'],
  '23503': [400, 'A referenced record does not exist.'],
  '23514': [400, 'A value breaks a rule of the data model.'],
  '23502': [400, 'A required value is missing.'],
  '22P02': [400, 'A value has the wrong format.'],
  '22003': [400, 'A number is out of range.'],
  '22007': [400, 'A date has the wrong format.'],
  '22008': [400, 'A date is out of range.'],
  '22001': [400, 'A text is too long.'],
  '22021': [400, 'A text holds a character the database cannot store (NUL, \\u0000).'],
};

/** A library's error about the request itself (http-errors style `status` 4xx), e.g. a bad path or body encoding. */
function clientStatus(err: unknown): number | null {
  const status = typeof err === 'object' && err !== null ? (err as { status?: unknown }).status : undefined;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : null;
}

interface BodyParserError {
  type?: string;
  status?: number;
  expose?: boolean;
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (rawErr: unknown, req, res, _next) => {
    // PostgreSQL away (stopped, restarting, pool exhausted): a 503 to retry, never a 500.
    const err = isDatabaseUnavailable(rawErr) ? databaseUnavailable() : rawErr;
    let status = 500;
    let body: { message: string; errors?: Record<string, string> } = { message: 'Something went wrong on our side.' };
    if (err instanceof ApiError) {
      status = err.status;
      body = err.errors ? { message: err.message, errors: err.errors } : { message: err.message };
      if (err.headers) res.set(err.headers);
    } else if (typeof err === 'object' && err !== null && (err as BodyParserError).type) {
      // body-parser: malformed JSON, too large, bad encoding.
      const e = err as BodyParserError;
      status = e.status && e.status >= 400 && e.status < 500 ? e.status : 400;
      const messages: Record<string, string> = {
        'entity.parse.failed': 'The body is not valid JSON.',
        'entity.too.large': 'The body is too large.',
        'encoding.unsupported': 'The body has an unsupported encoding.',
        'charset.unsupported': 'The body has an unsupported character set.',
      };
      body = { message: messages[e.type!] ?? 'The body could not be read.', errors: { body: messages[e.type!] ?? 'could not be read' } };
    } else if (clientStatus(err)) {
      status = clientStatus(err)!;
      // The router's decoding of a path parameter throws URIError; a corrupt compressed body comes from zlib.
      body =
        err instanceof URIError
          ? { message: 'The address holds malformed percent-encoding.' }
          : { message: 'The body could not be read: is it compressed as its Content-Encoding says?', errors: { body: 'could not be read' } };
    } else {
      const code = (err as { code?: string }).code;
      const mapped = code ? PG_ERRORS[code] : undefined;
      if (mapped) [status, body] = [mapped[0], { message: mapped[1] }];
    }
    if (status === 503 && err !== rawErr) logger.warn({ err: (rawErr as Error).message, method: req.method, url: req.originalUrl }, 'database unavailable');
    else if (status >= 500) logger.error({ err, method: req.method, url: req.originalUrl }, 'request failed');
    res.status(status).json(body);
  };
}

export const notFoundHandler: RequestHandler = (req, res) => {
  res.status(404).json({ message: `No such endpoint: ${req.method} ${req.path}` });
};
