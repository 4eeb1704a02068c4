// Building blocks of the input schemas: each says in words what is wrong, so the console can show
// the message next to the field.
import { z } from 'zod';

export const MAX_CENTS = 10_000_000_000_00; // ten billion euros: far above any real commitment

export const cents = () =>
  z
    .number({ error: 'must be a whole number of cents' })
    .int({ error: 'must be a whole number of cents (no fractions)' })
    .min(0, { error: 'must not be negative' })
    .max(MAX_CENTS, { error: 'is too large' });

/** The calendar dates Vangnet accepts: wide enough for any real funding, narrow enough for date arithmetic. */
export const FIRST_DATE = '1900-01-01';
export const LAST_DATE = '2199-12-31';

export const isoDate = () =>
  z
    .string({ error: 'must be a date YYYY-MM-DD' })
    .pipe(z.iso.date({ error: 'must be an existing calendar date YYYY-MM-DD' }))
    .refine((d) => d >= FIRST_DATE && d <= LAST_DATE, { error: `must lie between ${FIRST_DATE} and ${LAST_DATE}` });

export const text = (max = 200) =>
  z
    .string({ error: 'must be text' })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` });

/** Optional text: absent, null and '' all mean "not set". */
export const optionalText = (max = 2000) =>
  z
    .union([z.string({ error: 'must be text' }).trim().max(max, { error: `must be at most ${max} characters` }), z.null()])
    .optional()
    .transform((v) => (v === undefined || v === null || v === '' ? null : v));

/** Optional value: absent, null and '' all mean "not set"; anything else must fit the schema. */
export const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' || v === undefined ? null : v), schema.nullable());

export const enumOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of: ${values.join(', ')}` });

export const id = () =>
  z
    .number({ error: 'must be the id of an existing record' })
    .int({ error: 'must be the id of an existing record' })
    .positive({ error: 'must be the id of an existing record' })
    .max(2 ** 31 - 1, { error: 'must be the id of an existing record' });

export const bool = () => z.boolean({ error: 'must be true or false' });

export const municipalityCode = () =>
  z.string({ error: 'must be a CBS code like GM0363' }).regex(/^GM\d{4}$/, { error: 'must be a CBS code like GM0363' });

