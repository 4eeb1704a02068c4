// Errors are values with a status and a message a user can act on. They are thrown from the
// services and turned into HTTP in one place (http/errorHandler.ts).

export type FieldErrors = Record<string, string>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: FieldErrors,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const badRequest = (message: string, errors?: FieldErrors) => new ApiError(400, message, errors);
export const fieldError = (field: string, reason: string) => badRequest(`${field}: ${reason}`, { [field]: reason });
export const unauthorized = (message = 'Not logged in') => new ApiError(401, message);
export const forbidden = (message: string, errors?: FieldErrors) => new ApiError(403, message, errors);
export const notFound = (message = 'Not found') => new ApiError(404, message);
export const conflict = (message: string, errors?: FieldErrors) => new ApiError(409, message, errors);
export const unprocessable = (message: string, errors?: FieldErrors) => new ApiError(422, message, errors);
export const unavailable = (message: string) => new ApiError(503, message);
/** Seconds a client is asked to wait (Retry-After) while the database cannot be reached. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;
export const DATABASE_DOWN = 'The database cannot be reached or is too busy right now; try again in a few seconds.';
export const databaseUnavailable = () => new ApiError(503, DATABASE_DOWN, undefined, { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) });
export const methodNotAllowed = (message: string) => new ApiError(405, message);
