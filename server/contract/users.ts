import { z } from 'zod';
import { DIGEST_PREFERENCES, ROLES, USER_LANGUAGES } from '../domain/enums.js';
import { zodReason } from './errorCodes.js';
import { bool, enumOf, id, optional } from './fields.js';
import { field, nullable, writableContract, type CreateOf, type RecordOf, type UpdateOf } from './resource.js';

export const password = () =>
  z
    .string({ error: zodReason('field.text') })
    .min(12, { error: zodReason('field.min_chars', { min: 12 }) })
    .max(200, { error: zodReason('field.max_chars', { max: 200 }) });

/** A user's fields as a write takes them, with the rule binding a funder or initiative user to one. */
const userInput = <P extends z.ZodType>(pass: P) =>
  z
    .object({
      email: z.string({ error: zodReason('field.email') }).trim().toLowerCase().pipe(z.email({ error: zodReason('field.email') })),
      role: enumOf(ROLES),
      funderId: optional(id()),
      initiativeId: optional(id()),
      disabled: bool().default(false),
      language: enumOf(USER_LANGUAGES).default('nl'),
      // Absent or null: the role's default (daily; weekly for admins), which the database fills in.
      digest: optional(enumOf(DIGEST_PREFERENCES)),
      password: pass,
    })
    .superRefine((u, ctx) => {
      if (u.role === 'funder' && !u.funderId) ctx.addIssue({ code: 'custom', path: ['funderId'], message: zodReason('user.funder_required') });
      if (u.role === 'initiative' && !u.initiativeId)
        ctx.addIssue({ code: 'custom', path: ['initiativeId'], message: zodReason('user.initiative_required') });
      if (u.role !== 'funder' && u.funderId) ctx.addIssue({ code: 'custom', path: ['funderId'], message: zodReason('user.empty_for_role', { role: u.role }) });
      if (u.role !== 'initiative' && u.initiativeId)
        ctx.addIssue({ code: 'custom', path: ['initiativeId'], message: zodReason('user.empty_for_role', { role: u.role }) });
    });

export const users = writableContract({
  name: 'users',
  fields: {
    id: field.id({ sortable: true, filterable: true }),
    email: field.text({ sortable: true, filterable: true }),
    role: field.enum(ROLES, { sortable: true, filterable: true }),
    funderId: nullable(field.id({ sortable: true, filterable: true })),
    initiativeId: nullable(field.id({ sortable: true, filterable: true })),
    disabled: field.bool({ sortable: true, filterable: true }),
    language: field.enum(USER_LANGUAGES, { sortable: true, filterable: true }),
    digest: field.enum(DIGEST_PREFERENCES, { sortable: true, filterable: true }),
    createdAt: field.timestamp({ sortable: true }),
    version: field.int(),
  },
  search: ['email'],
  defaultSort: ['email', 'ASC'],
  // A new user needs a password; an update without one keeps it.
  // Absent is a rule of its own (a custom issue), so it says why rather than just "is required".
  create: userInput(z.union([password(), z.undefined()]).refine((p) => p !== undefined, { error: zodReason('user.password_required') })),
  update: userInput(password().optional()),
});

export type User = RecordOf<typeof users>;
export type UserCreate = CreateOf<typeof users>;
export type UserUpdate = UpdateOf<typeof users>;

/** What any logged-in user may change of their own account: `GET/PUT /api/me/preferences`. */
export const preferences = z
  .object({
    language: enumOf(USER_LANGUAGES),
    digest: enumOf(DIGEST_PREFERENCES),
  })
  .strict();

export type Preferences = z.output<typeof preferences>;
