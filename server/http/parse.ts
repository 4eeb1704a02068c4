// Reads what a request says (its path id, its query, a body a route's own schema describes) into
// the values the services take, or answers 400 naming each field that is wrong (404 for an id that
// cannot exist). A resource's body is the exception: the CRUD service checks it against the
// resource's input schema, on update merged with the stored record only it reads.
import type { z } from 'zod';
import { notFound, reason, validationError, zodReasons } from '../errors.js';

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

/** A record id from the path; an id that cannot exist is simply not found. */
export function parseId(raw: string): number {
  const id = /^\d{1,15}$/.test(raw) ? Number(raw) : 0;
  if (id < 1) throw notFound();
  return id;
}
