import { z } from 'zod';
import { DOMAINS, INITIATIVE_STATUSES } from '../domain/enums.js';
import { zodReason } from '../errors.js';
import { bool, cents, enumOf, isoDate, municipalityCode, optional, optionalText, text } from './fields.js';
import type { ResourceDef } from './resource.js';

export const initiatives: ResourceDef = {
  name: 'initiatives',
  table: 'initiatives',
  fields: {
    id: { sql: 'initiatives.id', kind: 'id', sortable: true, filterable: true },
    name: { sql: 'initiatives.name', kind: 'text', sortable: true, filterable: true, column: 'name' },
    foundedOn: { sql: 'initiatives.founded_on', kind: 'date', sortable: true, filterable: true, column: 'founded_on' },
    municipality: { sql: 'initiatives.municipality', kind: 'text', sortable: true, filterable: true, column: 'municipality' },
    municipalityCode: { sql: 'initiatives.municipality_code', kind: 'text', sortable: true, nullable: true, filterable: true, column: 'municipality_code' },
    domains: { sql: 'initiatives.domains', kind: 'textArray', values: DOMAINS, filterable: true, column: 'domains' },
    kvkNumber: { sql: 'initiatives.kvk_number', kind: 'text', filterable: true, column: 'kvk_number' },
    reservesCents: { sql: 'initiatives.reserves_cents', kind: 'int', sortable: true, filterable: true, column: 'reserves_cents' },
    sharedWithFunders: { sql: 'initiatives.shared_with_funders', kind: 'bool', sortable: true, filterable: true, column: 'shared_with_funders' },
    status: { sql: 'initiatives.status', kind: 'enum', values: INITIATIVE_STATUSES, sortable: true, filterable: true, column: 'status' },
    description: { sql: 'initiatives.description', kind: 'text', column: 'description' },
    version: { sql: 'initiatives.version', kind: 'int' },
  },
  search: ['initiatives.name'],
  defaultSort: ['name', 'ASC'],
  input: z.object({
    name: text(),
    foundedOn: isoDate(),
    municipality: text(),
    municipalityCode: optional(municipalityCode()),
    domains: z
      .array(enumOf(DOMAINS), { error: zodReason('field.list_of', { values: DOMAINS }) })
      .max(DOMAINS.length, { error: zodReason('field.list_of', { values: DOMAINS }) })
      .default([])
      .transform((d) => [...new Set(d)]),
    kvkNumber: optional(z.string({ error: zodReason('field.kvk') }).regex(/^\d{8}$/, { error: zodReason('field.kvk') })),
    reservesCents: cents().default(0),
    sharedWithFunders: bool().default(false),
    status: enumOf(INITIATIVE_STATUSES).default('active'),
    description: optionalText(5000),
  }),
  initiativeSql: 'initiatives.id',
  tenantOf: async (_trx, r) => ({ initiativeId: r.id as number, funderId: null }),
  // Gaps go too, unaudited: the scans write them, their rows are never audited, and the
  // initiative's own audit row says what went.
  cascades: { budgets: 'initiative_id' },
  inUseMessage: 'This initiative still has commitments or users: remove those first.',
};
