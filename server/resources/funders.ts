import { z } from 'zod';
import { FUNDER_TYPES } from '../domain/enums.js';
import { enumOf, municipalityCode, optional, optionalText, text } from './fields.js';
import type { ResourceDef } from './resource.js';

export const funders: ResourceDef = {
  name: 'funders',
  table: 'funders',
  fields: {
    id: { sql: 'funders.id', kind: 'id', sortable: true, filterable: true },
    name: { sql: 'funders.name', kind: 'text', sortable: true, filterable: true, column: 'name' },
    type: { sql: 'funders.type', kind: 'enum', values: FUNDER_TYPES, sortable: true, filterable: true, column: 'type' },
    municipalityCode: { sql: 'funders.municipality_code', kind: 'text', sortable: true, nullable: true, filterable: true, column: 'municipality_code' },
    maxFundingYears: { sql: 'funders.max_funding_years', kind: 'int', sortable: true, nullable: true, filterable: true, column: 'max_funding_years' },
    website: { sql: 'funders.website', kind: 'text', column: 'website' },
    version: { sql: 'funders.version', kind: 'int' },
  },
  search: ['funders.name'],
  defaultSort: ['name', 'ASC'],
  input: z.object({
    name: text(),
    type: enumOf(FUNDER_TYPES),
    municipalityCode: optional(municipalityCode()),
    maxFundingYears: optional(
      z.number({ error: 'must be a whole number of years' }).int({ error: 'must be a whole number of years' }).min(1, { error: 'must be at least 1' }).max(100, { error: 'must be at most 100' }),
    ),
    website: optionalText(500),
  }),
  tenantOf: async (_trx, r) => ({ initiativeId: null, funderId: r.id as number }),
  inUseMessage: 'This funder still has commitments or users: remove those first.',
};
