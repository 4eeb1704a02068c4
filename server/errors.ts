// Errors are values with a status, a stable code and a message a user can act on. They are thrown
// from the services and turned into HTTP in one place (http/errorHandler.ts). Field reasons are
// made only here, from a code of the catalogue (contract/errorCodes.ts) and its parameters, which also give
// the English text.
import type { z } from 'zod';
import { ERROR_STATUS, FIELD_REASONS, type ErrorBody, type ErrorCode, type ErrorParams, type FieldCode, type ReasonArgs, type ParamValue } from './contract/errorCodes.js';

/** Why one field is wrong: a code of the catalogue, its parameters and its English text. */
export interface FieldReason {
  code: FieldCode;
  params: Record<string, ParamValue>;
  text: string;
}

export type FieldReasons = Record<string, FieldReason>;

export function reason<C extends FieldCode>(code: C, ...args: ReasonArgs<C>): FieldReason {
  const params = (args[0] ?? {}) as Record<string, ParamValue>;
  return { code, params, text: (FIELD_REASONS[code] as (p: Record<string, ParamValue>) => string)(params) };
}

interface ErrorOptions<C extends ErrorCode> {
  fields?: FieldReasons;
  params?: ErrorParams<C>;
  headers?: Record<string, string>;
  /** Only for a library's own 4xx; otherwise the code's status. */
  status?: number;
}

export class ApiError<C extends ErrorCode = ErrorCode> extends Error {
  readonly status: number;
  readonly fields: FieldReasons | undefined;
  readonly params: ErrorParams<C> | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    readonly code: C,
    message: string,
    options: ErrorOptions<C> = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = options.status ?? ERROR_STATUS[code];
    this.fields = options.fields && Object.keys(options.fields).length ? options.fields : undefined;
    this.params = options.params;
    this.headers = options.headers;
  }

  /** The JSON answer: English texts in `message` and `errors`, codes and parameters beside them. */
  toBody(): ErrorBody {
    const body: ErrorBody = { message: this.message, code: this.code };
    if (this.params) body.params = this.params as Record<string, ParamValue>;
    if (this.fields) {
      const fields = Object.entries(this.fields);
      body.errors = Object.fromEntries(fields.map(([field, r]) => [field, r.text]));
      body.codes = Object.fromEntries(fields.map(([field, r]) => [field, { code: r.code, params: r.params }]));
    }
    return body;
  }
}

/** 400 naming each field that is wrong. */
export function validationError(fields: FieldReasons): ApiError<'validation'> {
  const summary = Object.entries(fields)
    .map(([f, r]) => `${f}: ${r.text}`)
    .join('; ');
  return new ApiError('validation', `Invalid input. ${summary}`, { fields });
}

export const badRequest = (message: string, fields?: FieldReasons) => new ApiError('validation', message, { fields });
export const fieldError = (field: string, r: FieldReason) => badRequest(`${field}: ${r.text}`, { [field]: r });
export const unauthorized = (code: 'auth.required' | 'auth.session_ended' | 'auth.invalid_credentials', message: string) => new ApiError(code, message);
export const forbidden = (message: string, fields?: FieldReasons) => new ApiError('forbidden', message, { fields });
export const notFound = (message = 'Not found') => new ApiError('not_found', message);
export const conflict = (code: 'conflict.version' | 'conflict.duplicate' | 'conflict.in_use', message: string, fields?: FieldReasons) =>
  new ApiError(code, message, { fields });
/** 422: the input is well-formed but breaks a funding rule. */
export const unprocessable = (message: string, fields: FieldReasons) => new ApiError('rule', message, { fields });
export const unavailable = (message: string, code: 'unavailable' | 'unavailable.queue' = 'unavailable') => new ApiError(code, message);
/** Seconds a client is asked to wait (Retry-After) while the database cannot be reached. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;
export const DATABASE_DOWN = 'The database cannot be reached or is too busy right now; try again in a few seconds.';
export const databaseUnavailable = () =>
  new ApiError('unavailable.database', DATABASE_DOWN, { headers: { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) } });
export const methodNotAllowed = (message: string) => new ApiError('method_not_allowed', message);

// A schema's error message carries its reason's code and parameters as JSON (`zodReason`,
// server/contract/errorCodes.ts): this turns the issues back into reasons.
function reasonOfIssue(issue: z.ZodError['issues'][number]): FieldReason {
  try {
    const { code, params } = JSON.parse(issue.message) as { code?: unknown; params?: unknown };
    if (typeof code === 'string' && Object.hasOwn(FIELD_REASONS, code) && typeof params === 'object' && params !== null) {
      return reason(code as FieldCode, params as never);
    }
  } catch {
    // A zod default message: not one of ours.
  }
  return reason('field.invalid');
}

/** One reason per field; a field that was not sent at all "is required". */
export function zodReasons(error: z.ZodError, input?: unknown): FieldReasons {
  const fields: FieldReasons = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[[...issue.path.map(String), key].join('.')] ??= reason('field.unknown', {});
      continue;
    }
    const field = issue.path.length ? issue.path.map(String).join('.') : 'body';
    const sent = issue.path.length === 1 && typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[String(issue.path[0])] : null;
    fields[field] ??= issue.code !== 'custom' && sent === undefined ? reason('field.required') : reasonOfIssue(issue);
  }
  return fields;
}
