// design/reporting.md: what an initiative measures of its impact, and the values per year.
import { z } from 'zod';
import { INDICATOR_DIRECTIONS } from '../domain/enums.js';
import { zodReason } from './errorCodes.js';
import { enumOf, id, optionalText, text, year } from './fields.js';
import { field, nullable, writableContract, type CreateOf, type RecordOf } from './resource.js';

const MAX_VALUE = 1e12;
const measured = () =>
  z
    .number({ error: zodReason('indicator.value') })
    .finite({ error: zodReason('indicator.value') })
    .min(-MAX_VALUE, { error: zodReason('indicator.value') })
    .max(MAX_VALUE, { error: zodReason('indicator.value') });

/** A target per year, e.g. `{ "2027": 120 }`. */
const targets = z.record(z.string().regex(/^\d{4}$/, { error: zodReason('field.year') }), measured(), { error: zodReason('indicator.targets') });

export const indicators = writableContract({
  name: 'indicators',
  fields: {
    id: field.id({ sortable: true, filterable: true }),
    initiativeId: field.id({ sortable: true, filterable: true, fixed: true }),
    name: field.text({ sortable: true, filterable: true }),
    unit: field.text({ sortable: true, filterable: true }),
    direction: field.enum(INDICATOR_DIRECTIONS, { sortable: true, filterable: true }),
    description: nullable(field.text()),
    targets: field.json(z.record(z.string(), z.number())),
    version: field.int(),
  },
  search: ['name'],
  defaultSort: ['name', 'ASC'],
  create: z.object({
    initiativeId: id(),
    name: text(),
    unit: text(50),
    direction: enumOf(INDICATOR_DIRECTIONS).default('higher_is_better'),
    description: optionalText(5000),
    targets: targets.default({}),
  }),
});

export const indicatorValues = writableContract({
  name: 'indicator-values',
  fields: {
    id: field.id({ sortable: true, filterable: true }),
    indicatorId: field.id({ sortable: true, filterable: true, fixed: true }),
    initiativeId: field.id({ sortable: true, filterable: true, computed: true }),
    year: field.int({ sortable: true, filterable: true }),
    value: field.json(z.number()),
    note: nullable(field.text()),
    version: field.int(),
  },
  defaultSort: ['year', 'ASC'],
  create: z.object({
    indicatorId: id(),
    year: year(1900, 2200),
    value: measured(),
    note: optionalText(2000),
  }),
});

export type Indicator = RecordOf<typeof indicators>;
export type IndicatorCreate = CreateOf<typeof indicators>;
export type IndicatorValue = RecordOf<typeof indicatorValues>;
export type IndicatorValueCreate = CreateOf<typeof indicatorValues>;
