import { SCAN_STATUSES, SCAN_TRIGGERS } from '../domain/enums.js';
import { field, nullable, readOnlyContract, type RecordOf } from './resource.js';

/** Scans are started through `POST /api/scans` (figures.ts), not written as records. */
export const scans = readOnlyContract({
  name: 'scans',
  fields: {
    id: field.id({ sortable: true, filterable: true }),
    trigger: field.enum(SCAN_TRIGGERS, { sortable: true, filterable: true }),
    status: field.enum(SCAN_STATUSES, { sortable: true, filterable: true }),
    asOf: field.date({ sortable: true, filterable: true }),
    /** every initiative evaluated, also those nothing changed for since they were evaluated for the day */
    full: field.bool({ filterable: true }),
    startedAt: field.timestamp({ sortable: true, filterable: true }),
    finishedAt: nullable(field.timestamp({ sortable: true, filterable: true })),
    batchesTotal: field.int(),
    batchesDone: field.int(),
    initiativesTotal: field.int(),
    initiativesScanned: field.int({ sortable: true }),
    /** of those, left out because nothing changed for them since they were evaluated for the scan's day */
    initiativesUnchanged: field.int(),
    gapsOpened: field.int({ sortable: true }),
    gapsResolved: field.int({ sortable: true }),
    error: nullable(field.text()),
  },
  defaultSort: ['startedAt', 'DESC'],
});

export type Scan = RecordOf<typeof scans>;
