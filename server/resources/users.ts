import { users as contract } from '../contract/users.js';
import { forbidden, reason } from '../errors.js';
import { hashPassword } from '../services/passwords.js';
import { ADMIN_ONLY, defineResource } from './resource.js';

export const users = defineResource(contract, {
  // Users are disabled, never deleted: the audit trail keeps pointing at them.
  access: { read: ADMIN_ONLY, write: { create: ADMIN_ONLY, update: ADMIN_ONLY } },
  references: { funderId: 'funders', initiativeId: 'initiatives' },
  // A create always has a password (the contract requires it); an update without one keeps the hash.
  extraColumns: async (input) => (input.password === undefined ? {} : { password_hash: await hashPassword(input.password) }),
  // A new password or a disable ends every session: re-enabling the user later revives none of them.
  afterUpdate: async (trx, prev, next, body) => {
    if (typeof body.password !== 'string' && !(next.disabled && !prev.disabled)) return;
    await trx('sessions').where({ user_id: prev.id }).whereNull('revoked_at').update({ revoked_at: trx.fn.now() });
  },
  auditNotes: (body) => (typeof body.password === 'string' ? { passwordChanged: true } : {}),
  check: async (_trx, next, prev, actor) => {
    if (prev?.id !== actor.userId) return;
    if (next.role !== prev.role) throw forbidden('You cannot change your own role.', { role: reason('user.own_role') });
    if (next.disabled) throw forbidden('You cannot disable yourself.', { disabled: reason('user.own_disable') });
  },
});
