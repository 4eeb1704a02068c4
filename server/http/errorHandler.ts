// Every error becomes JSON `{ message, code, params?, errors?, codes? }` here, and nowhere else
// (the codes: contract/errorCodes.ts). Bad input never reaches a 500: errors the database raises for bad
// values are mapped to 4xx as a safety net.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { isDatabaseUnavailable } from '../data/db.js';
import { ApiError, databaseUnavailable, notFound, reason, type FieldReason } from '../errors.js';
import type { ErrorCode } from '../contract/errorCodes.js';
import type { Logger } from '../logger.js';

const PG_ERRORS: Record<string, [ErrorCode, string]> = {
  '23505': ['conflict.duplicate', 'A record with these values already exists.'],
  '23P01': ['conflict.duplicate', 'This conflicts with an existing record.'],
  '23503': ['validation', 'A referenced record does not exist.'],
  '23514': ['validation', 'A value breaks a rule of the data model.'],
  '23502': ['validation', 'A required value is missing.'],
  '22P02': ['validation', 'A value has the wrong format.'],
  '22003': ['validation', 'A number is out of range.'],
  '22007': ['validation', 'A date has the wrong format.'],
  '22008': ['validation', 'A date is out of range.'],
  '22001': ['validation', 'A text is too long.'],
  '22021': ['validation', 'A text holds a character the database cannot store (NUL, \\u0000).'],
};

/** body-parser's errors: malformed JSON, too large, bad encoding. */
const BODY_ERRORS: Record<string, [string, FieldReason]> = {
  'entity.parse.failed': ['The body is not valid JSON.', reason('body.invalid_json')],
  'entity.too.large': ['The body is too large.', reason('body.too_large')],
  'encoding.unsupported': ['The body has an unsupported encoding.', reason('body.unsupported_encoding')],
  'charset.unsupported': ['The body has an unsupported character set.', reason('body.unsupported_charset')],
};

/** The code of a library's own 4xx, by its status. */
const CODE_OF_STATUS: Record<number, ErrorCode> = { 400: 'validation', 413: 'payload_too_large', 415: 'unsupported_media_type' };
const codeOfStatus = (status: number): ErrorCode => CODE_OF_STATUS[status] ?? 'bad_request';

/** A library's error about the request itself (http-errors style `status` 4xx), e.g. a bad path or body encoding. */
function clientStatus(err: unknown): number | null {
  const status = typeof err === 'object' && err !== null ? (err as { status?: unknown }).status : undefined;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : null;
}

/** zlib's failure to inflate a body (gzip, deflate: `Z_DATA_ERROR`, ...; brotli: `ERR__ERROR_FORMAT_...`). */
function isDecompressionError(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('Z_') || code.startsWith('ERR__'));
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
    let error: ApiError = new ApiError('internal', 'Something went wrong on our side.');
    if (err instanceof ApiError) {
      error = err;
    } else if (typeof err === 'object' && err !== null && (err as BodyParserError).type) {
      const e = err as BodyParserError;
      const status = e.status && e.status >= 400 && e.status < 500 ? e.status : 400;
      const [message, body] = BODY_ERRORS[e.type!] ?? ['The body could not be read.', reason('body.unreadable')];
      error = new ApiError(codeOfStatus(status), message, { status, fields: { body } });
    } else if (clientStatus(err)) {
      const status = clientStatus(err)!;
      // The router's decoding of a path parameter throws URIError; a corrupt compressed body comes from zlib.
      error =
        err instanceof URIError
          ? new ApiError('bad_request', 'The address holds malformed percent-encoding.', { status })
          : new ApiError(codeOfStatus(status), isDecompressionError(err) ? 'The body could not be read: is it compressed as its Content-Encoding says?' : 'The body could not be read.', {
              status,
              fields: { body: reason('body.unreadable') },
            });
    } else {
      const code = (err as { code?: string }).code;
      const mapped = code ? PG_ERRORS[code] : undefined;
      if (mapped) error = new ApiError(mapped[0], mapped[1]);
    }
    if (error.headers) res.set(error.headers);
    if (error.code === 'unavailable.database' && err !== rawErr) logger.warn({ err: (rawErr as Error).message, method: req.method, url: req.originalUrl }, 'database unavailable');
    else if (error.status >= 500) logger.error({ err, method: req.method, url: req.originalUrl }, 'request failed');
    res.status(error.status).json(error.toBody());
  };
}

export const notFoundHandler: RequestHandler = (req, res) => {
  res.status(404).json(notFound(`No such endpoint: ${req.method} ${req.path}`).toBody());
};
