// Resources the API only reads: gaps (written by the scan), scans and audit events.
import { auditEvents as auditContract } from '../contract/auditEvents.js';
import { gaps as gapContract } from '../contract/gaps.js';
import { outboundEmails as outboundContract } from '../contract/outboundEmails.js';
import { scans as scanContract } from '../contract/scans.js';
import { ADMIN_ONLY, ANY_ROLE, defineResource } from './resource.js';

export const gaps = defineResource(gapContract, {
  computed: { open: '(gaps.resolved_at IS NULL)' },
  access: { read: ANY_ROLE, write: {} },
  initiativeSql: 'gaps.initiative_id',
});

// Scans are started through POST /api/scans (services/scans.ts), which this policy allows.
export const scans = defineResource(scanContract, { access: { read: ADMIN_ONLY, write: { create: ADMIN_ONLY } } });

export const auditEvents = defineResource(auditContract, { access: { read: ADMIN_ONLY, write: {} } });

// Written by the digest jobs (services/digests.ts); the admins read what was, or would have been, sent.
export const outboundEmails = defineResource(outboundContract, { access: { read: ADMIN_ONLY, write: {} } });
