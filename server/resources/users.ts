import { z } from 'zod';
import { ROLES } from '../domain/enums.js';
import { fieldError, forbidden, reason, zodReason } from '../errors.js';
import { hashPassword } from '../services/passwords.js';
import { bool, enumOf, id, optional } from './fields.js';
import type { ResourceDef } from './resource.js';

export const password = () =>
  z
    .string({ error: zodReason('field.text') })
    .min(12, { error: zodReason('field.min_chars', { min: 12 }) })
    .max(200, { error: zodReason('field.max_chars', { max: 200 }) });

export const users: ResourceDef = {
  name: 'users',
  table: 'users',
  fields: {
    id: { sql: 'users.id', kind: 'id', sortable: true, filterable: true },
    email: { sql: 'users.email', kind: 'text', sortable: true, filterable: true, column: 'email' },
    role: { sql: 'users.role', kind: 'enum', values: ROLES, sortable: true, filterable: true, column: 'role' },
    funderId: { sql: 'users.funder_id', kind: 'id', sortable: true, nullable: true, filterable: true, column: 'funder_id' },
    initiativeId: { sql: 'users.initiative_id', kind: 'id', sortable: true, nullable: true, filterable: true, column: 'initiative_id' },
    disabled: { sql: 'users.disabled', kind: 'bool', sortable: true, filterable: true, column: 'disabled' },
    createdAt: { sql: 'users.created_at', kind: 'timestamp', sortable: true },
    version: { sql: 'users.version', kind: 'int' },
  },
  search: ['users.email'],
  defaultSort: ['email', 'ASC'],
  input: z
    .object({
      email: z.string({ error: zodReason('field.email') }).trim().toLowerCase().pipe(z.email({ error: zodReason('field.email') })),
      role: enumOf(ROLES),
      funderId: optional(id()),
      initiativeId: optional(id()),
      disabled: bool().default(false),
      password: password().optional(),
    })
    .superRefine((u, ctx) => {
      if (u.role === 'funder' && !u.funderId) ctx.addIssue({ code: 'custom', path: ['funderId'], message: zodReason('user.funder_required') });
      if (u.role === 'initiative' && !u.initiativeId)
        ctx.addIssue({ code: 'custom', path: ['initiativeId'], message: zodReason('user.initiative_required') });
      if (u.role !== 'funder' && u.funderId) ctx.addIssue({ code: 'custom', path: ['funderId'], message: zodReason('user.empty_for_role', { role: u.role }) });
      if (u.role !== 'initiative' && u.initiativeId)
        ctx.addIssue({ code: 'custom', path: ['initiativeId'], message: zodReason('user.empty_for_role', { role: u.role }) });
    }),
  extraInput: ['password'],
  references: { funderId: 'funders', initiativeId: 'initiatives' },
  extraColumns: async (input, prev) => {
    if (typeof input.password === 'string') return { password_hash: await hashPassword(input.password) };
    if (!prev) throw fieldError('password', reason('user.password_required'));
    return {};
  },
  // A new password or a disable ends every session: re-enabling the user later revives none of them.
  afterUpdate: async (trx, prev, next, input) => {
    if (typeof input.password !== 'string' && !(next.disabled && !prev.disabled)) return;
    await trx('sessions').where({ user_id: prev.id }).whereNull('revoked_at').update({ revoked_at: trx.fn.now() });
  },
  auditNotes: (input) => (typeof input.password === 'string' ? { passwordChanged: true } : {}),
  check: async (_trx, next, prev, actor) => {
    if (prev?.id !== actor.userId) return;
    if (next.role !== prev.role) throw forbidden('You cannot change your own role.', { role: reason('user.own_role') });
    if (next.disabled) throw forbidden('You cannot disable yourself.', { disabled: reason('user.own_disable') });
  },
};
