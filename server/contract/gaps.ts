import { z } from 'zod';
import { GAP_KINDS, GAP_SEVERITIES } from '../domain/enums.js';
import { field, nullable, readOnlyContract, type RecordOf } from './resource.js';

/** Gaps are written by the scan; the API only reads them. */
export const gaps = readOnlyContract({
  name: 'gaps',
  fields: {
    id: field.id({ sortable: true, filterable: true }),
    initiativeId: field.id({ sortable: true, filterable: true }),
    kind: field.enum(GAP_KINDS, { sortable: true, filterable: true }),
    periodStart: field.date({ sortable: true, filterable: true }),
    periodEnd: field.date({ sortable: true, filterable: true }),
    /** 0 for kinds other than shortfall */
    shortfallCents: field.int({ sortable: true, filterable: true }),
    severity: field.enum(GAP_SEVERITIES, { sortable: true, filterable: true }),
    /** What the gap is made of, by kind (GapDetailsByKind). */
    details: field.json(z.record(z.string(), z.unknown())),
    detectedAt: field.timestamp({ sortable: true, filterable: true }),
    resolvedAt: nullable(field.timestamp({ sortable: true, filterable: true })),
    open: field.bool({ filterable: true, computed: true }),
  },
  defaultSort: ['periodStart', 'ASC'],
});

export type Gap = RecordOf<typeof gaps>;
