// The body of every error answer (`{ message, code, params?, errors?, codes? }`), as a schema
// over the catalogue's codes (errorCodes.ts).
import { z } from 'zod';
import { ERROR_CODES, FIELD_CODES, type ErrorCode, type FieldCode } from './errorCodes.js';

const paramValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()).readonly()]);
const params = z.record(z.string(), paramValue);

export const errorBodySchema = z.object({
  message: z.string().describe('English, for people; may be reworded'),
  code: z.enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]]).describe('names the whole error; stable'),
  params: params.optional(),
  errors: z.record(z.string(), z.string()).optional().describe('field → English reason'),
  codes: z
    .record(z.string(), z.object({ code: z.enum(FIELD_CODES as [FieldCode, ...FieldCode[]]), params }))
    .optional()
    .describe('field → the code and parameters of its reason'),
});

export type ErrorBody = z.infer<typeof errorBodySchema>;
