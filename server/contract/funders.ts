import { z } from 'zod';
import { FUNDER_TYPES } from '../domain/enums.js';
import { zodReason } from './errorCodes.js';
import { enumOf, municipalityCode, orgId, optional, optionalText, text } from './fields.js';
import { field, nullable, writableContract, type CreateOf, type RecordOf } from './resource.js';

export const funders = writableContract({
  name: 'funders',
  fields: {
    id: field.id({ sortable: true, filterable: true }),
    name: field.text({ sortable: true, filterable: true }),
    type: field.enum(FUNDER_TYPES, { sortable: true, filterable: true }),
    municipalityCode: nullable(field.text({ sortable: true, filterable: true })),
    orgId: nullable(field.text({ sortable: true, filterable: true })),
    maxFundingYears: nullable(field.int({ sortable: true, filterable: true })),
    website: nullable(field.text()),
    version: field.int(),
  },
  search: ['name'],
  defaultSort: ['name', 'ASC'],
  create: z.object({
    name: text(),
    type: enumOf(FUNDER_TYPES),
    orgId: optional(orgId()),
    municipalityCode: optional(municipalityCode()),
    maxFundingYears: optional(
      z
        .number({ error: zodReason('field.whole_years') })
        .int({ error: zodReason('field.whole_years') })
        .min(1, { error: zodReason('field.at_least', { min: 1 }) })
        .max(100, { error: zodReason('field.at_most', { max: 100 }) }),
    ),
    website: optionalText(500),
  }),
});

export type Funder = RecordOf<typeof funders>;
export type FunderCreate = CreateOf<typeof funders>;
