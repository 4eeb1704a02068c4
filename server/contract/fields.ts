// Building blocks of the input schemas: each names what is wrong with a code of the catalogue
// (errorCodes.ts), which the console translates and which gives the English text beside it.
import { z } from 'zod';
import { zodReason } from './errorCodes.js';

export const MAX_CENTS = 10_000_000_000_00; // ten billion euros: far above any real commitment

export const cents = () =>
  z
    .number({ error: zodReason('field.cents') })
    .int({ error: zodReason('field.whole_cents') })
    .min(0, { error: zodReason('field.not_negative') })
    .max(MAX_CENTS, { error: zodReason('field.too_large', { maxCents: MAX_CENTS }) });

/** The calendar dates Vangnet accepts: wide enough for any real funding, narrow enough for date arithmetic. */
export const FIRST_DATE = '1900-01-01';
export const LAST_DATE = '2199-12-31';

export const isoDate = () =>
  z
    .string({ error: zodReason('field.date') })
    .pipe(z.iso.date({ error: zodReason('field.calendar_date') }))
    .refine((d) => d >= FIRST_DATE && d <= LAST_DATE, { error: zodReason('field.date_between', { firstDate: FIRST_DATE, lastDate: LAST_DATE }) });

export const text = (max = 200) =>
  z
    .string({ error: zodReason('field.text') })
    .trim()
    .min(1, { error: zodReason('field.not_empty') })
    .max(max, { error: zodReason('field.max_chars', { max }) });

/** Optional text: absent, null and '' all mean "not set". */
export const optionalText = (max = 2000) =>
  z
    .union([z.string({ error: zodReason('field.text') }).trim().max(max, { error: zodReason('field.max_chars', { max }) }), z.null()])
    .optional()
    .transform((v) => (v === undefined || v === null || v === '' ? null : v));

/**
 * Optional value: absent, null and '' all mean "not set" (null); anything else must fit the schema.
 * Typed as an optional input, which a preprocess step does not infer by itself.
 */
export const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v: z.input<T> | null | '' | undefined) => (v === '' || v === undefined ? null : v), schema.nullable()) as OptionalInput<
    z.ZodPipe<z.ZodTransform<z.input<T> | null, z.input<T> | null | '' | undefined>, z.ZodNullable<T>>
  >;

type OptionalInput<S extends z.ZodType> = S & { _zod: { optin: 'optional' } };

export const enumOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: zodReason('field.one_of', { values }) });

export const id = () => {
  const error = zodReason('field.existing_record', {});
  return z
    .number({ error })
    .int({ error })
    .positive({ error })
    .max(2 ** 31 - 1, { error });
};

export const bool = () => z.boolean({ error: zodReason('field.bool') });

export const municipalityCode = () => z.string({ error: zodReason('field.cbs_code') }).regex(/^GM\d{4}$/, { error: zodReason('field.cbs_code') });

/** An org-id (org-id.guide): a list prefix of country and register, then the identifier, e.g. NL-KVK-41202535. */
export const orgId = () =>
  z
    .string({ error: zodReason('field.org_id') })
    .trim()
    .max(200, { error: zodReason('field.max_chars', { max: 200 }) })
    .regex(/^[A-Z]{2}-[A-Z0-9]{2,}-.+$/, { error: zodReason('field.org_id') });

/** A year from `min` through `max`. */
export const year = (min: number, max: number) =>
  z
    .number({ error: zodReason('field.year') })
    .int({ error: zodReason('field.year') })
    .min(min, { error: zodReason('field.year_from', { min }) })
    .max(max, { error: zodReason('field.year_through', { max }) });
