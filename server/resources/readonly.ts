// Resources the API only reads: gaps (written by the scan), scans and audit events.
import { GAP_KINDS, GAP_SEVERITIES, SCAN_STATUSES, SCAN_TRIGGERS } from '../domain/enums.js';
import type { ResourceDef } from './resource.js';

export const gaps: ResourceDef = {
  name: 'gaps',
  table: 'gaps',
  fields: {
    id: { sql: 'gaps.id', kind: 'id', sortable: true, filterable: true },
    initiativeId: { sql: 'gaps.initiative_id', kind: 'id', sortable: true, filterable: true },
    kind: { sql: 'gaps.kind', kind: 'enum', values: GAP_KINDS, sortable: true, filterable: true },
    periodStart: { sql: 'gaps.period_start', kind: 'date', sortable: true, filterable: true },
    periodEnd: { sql: 'gaps.period_end', kind: 'date', sortable: true, filterable: true },
    shortfallCents: { sql: 'gaps.shortfall_cents', kind: 'int', sortable: true, filterable: true },
    severity: { sql: 'gaps.severity', kind: 'enum', values: GAP_SEVERITIES, sortable: true, filterable: true },
    details: { sql: 'gaps.details', kind: 'json' },
    detectedAt: { sql: 'gaps.detected_at', kind: 'timestamp', sortable: true, filterable: true },
    resolvedAt: { sql: 'gaps.resolved_at', kind: 'timestamp', sortable: true, nullable: true, filterable: true },
    open: { sql: '(gaps.resolved_at IS NULL)', kind: 'bool', filterable: true },
  },
  search: [],
  defaultSort: ['periodStart', 'ASC'],
  initiativeSql: 'gaps.initiative_id',
};

export const scans: ResourceDef = {
  name: 'scans',
  table: 'scans',
  fields: {
    id: { sql: 'scans.id', kind: 'id', sortable: true, filterable: true },
    trigger: { sql: 'scans.trigger', kind: 'enum', values: SCAN_TRIGGERS, sortable: true, filterable: true },
    status: { sql: 'scans.status', kind: 'enum', values: SCAN_STATUSES, sortable: true, filterable: true },
    asOf: { sql: 'scans.as_of', kind: 'date', sortable: true, filterable: true },
    startedAt: { sql: 'scans.started_at', kind: 'timestamp', sortable: true, filterable: true },
    finishedAt: { sql: 'scans.finished_at', kind: 'timestamp', sortable: true, nullable: true, filterable: true },
    batchesTotal: { sql: 'scans.batches_total', kind: 'int' },
    batchesDone: { sql: 'scans.batches_done', kind: 'int' },
    initiativesTotal: { sql: 'scans.initiatives_total', kind: 'int' },
    initiativesScanned: { sql: 'scans.initiatives_scanned', kind: 'int', sortable: true },
    gapsOpened: { sql: 'scans.gaps_opened', kind: 'int', sortable: true },
    gapsResolved: { sql: 'scans.gaps_resolved', kind: 'int', sortable: true },
    error: { sql: 'scans.error', kind: 'text', nullable: true },
  },
  search: [],
  defaultSort: ['startedAt', 'DESC'],
};

export const auditEvents: ResourceDef = {
  name: 'audit-events',
  table: 'audit_events',
  fields: {
    id: { sql: 'audit_events.id', kind: 'id', sortable: true, filterable: true },
    at: { sql: 'audit_events.at', kind: 'timestamp', sortable: true, filterable: true },
    userId: { sql: 'audit_events.user_id', kind: 'id', sortable: true, nullable: true, filterable: true },
    action: { sql: 'audit_events.action', kind: 'enum', values: ['create', 'update', 'delete'], sortable: true, filterable: true },
    resource: { sql: 'audit_events.resource', kind: 'text', sortable: true, filterable: true },
    recordId: { sql: 'audit_events.record_id', kind: 'text', sortable: true, filterable: true },
    before: { sql: 'audit_events.before', kind: 'json' },
    after: { sql: 'audit_events.after', kind: 'json' },
  },
  search: [],
  defaultSort: ['at', 'DESC'],
};
