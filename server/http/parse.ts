// Reads a request's body and query parameters into the values the services take: a 400 naming
// each field that is wrong, never a service called with unread input.
import type { z } from 'zod';
import { reason, validationError, zodReasons } from '../errors.js';

/** The input as the schema reads it, or a 400 naming each field that is wrong. */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationError(zodReasons(parsed.error, input));
  return parsed.data;
}

/** The `version` a DELETE may carry (query or body): undefined when absent, else a whole number or 400. */
export function parseVersion(raw: unknown): number | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  const version = typeof raw === 'string' && /^\d{1,15}$/.test(raw) ? Number(raw) : raw;
  if (typeof version !== 'number' || !Number.isSafeInteger(version)) throw validationError({ version: reason('field.whole_number') });
  return version;
}
