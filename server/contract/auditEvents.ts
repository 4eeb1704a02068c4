import { z } from 'zod';
import { field, nullable, readOnlyContract, type RecordOf } from './resource.js';

export const AUDIT_ACTIONS = ['create', 'update', 'delete'] as const;

/** A record as it was before and after the write: null before a create and after a delete. */
const snapshot = z.record(z.string(), z.unknown()).nullable();

export const auditEvents = readOnlyContract({
  name: 'audit-events',
  fields: {
    id: field.id({ sortable: true, filterable: true }),
    at: field.timestamp({ sortable: true, filterable: true }),
    userId: nullable(field.id({ sortable: true, filterable: true })),
    action: field.enum(AUDIT_ACTIONS, { sortable: true, filterable: true }),
    resource: field.text({ sortable: true, filterable: true }),
    recordId: field.text({ sortable: true, filterable: true }),
    before: field.json(snapshot),
    after: field.json(snapshot),
  },
  defaultSort: ['at', 'DESC'],
});

export type AuditEvent = RecordOf<typeof auditEvents>;
