import { z } from 'zod';
import { OUTBOUND_EMAIL_STATUSES } from '../domain/enums.js';
import { field, nullable, readOnlyContract, type RecordOf } from './resource.js';

/** The header lines an e-mail carried besides From, To and Subject (List-Unsubscribe, ...). */
const headers = z.record(z.string(), z.string());

/**
 * Every e-mail Vangnet sent or would have sent (the digests), for the admins to read: written by
 * the digest jobs, read-only in the API. `period` is the digest's period key (`daily:2026-12-01`).
 */
export const outboundEmails = readOnlyContract({
  name: 'outbound-emails',
  fields: {
    id: field.id({ sortable: true, filterable: true }),
    userId: nullable(field.id({ sortable: true, filterable: true })),
    period: nullable(field.text({ sortable: true, filterable: true })),
    to: field.text({ sortable: true, filterable: true }),
    subject: field.text({ sortable: true }),
    html: field.text(),
    text: field.text(),
    headers: field.json(headers),
    status: field.enum(OUTBOUND_EMAIL_STATUSES, { sortable: true, filterable: true }),
    attempts: field.int({ sortable: true }),
    lastError: nullable(field.text()),
    sentAt: nullable(field.timestamp({ sortable: true, filterable: true })),
    messageId: nullable(field.text()),
    createdAt: field.timestamp({ sortable: true, filterable: true }),
  },
  search: ['to', 'subject'],
  defaultSort: ['createdAt', 'DESC'],
});

export type OutboundEmail = RecordOf<typeof outboundEmails>;
