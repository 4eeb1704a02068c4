import { z } from 'zod';
import { DOMAINS, INITIATIVE_STATUSES } from '../domain/enums.js';
import { zodReason } from './errorCodes.js';
import { bool, cents, enumOf, isoDate, municipalityCode, optional, optionalText, text } from './fields.js';
import { field, nullable, writableContract, type CreateOf, type RecordOf } from './resource.js';

export const initiatives = writableContract({
  name: 'initiatives',
  fields: {
    id: field.id({ sortable: true, filterable: true }),
    name: field.text({ sortable: true, filterable: true }),
    foundedOn: field.date({ sortable: true, filterable: true }),
    municipality: field.text({ sortable: true, filterable: true }),
    municipalityCode: nullable(field.text({ sortable: true, filterable: true })),
    domains: field.textArray(DOMAINS, { filterable: true }),
    kvkNumber: nullable(field.text({ filterable: true })),
    reservesCents: field.int({ sortable: true, filterable: true }),
    sharedWithFunders: field.bool({ sortable: true, filterable: true }),
    status: field.enum(INITIATIVE_STATUSES, { sortable: true, filterable: true }),
    description: nullable(field.text()),
    version: field.int(),
  },
  search: ['name'],
  defaultSort: ['name', 'ASC'],
  create: z.object({
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
});

export type Initiative = RecordOf<typeof initiatives>;
export type InitiativeCreate = CreateOf<typeof initiatives>;
