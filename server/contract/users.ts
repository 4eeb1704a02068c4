import { z } from 'zod';
import { ROLES } from '../domain/enums.js';
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
