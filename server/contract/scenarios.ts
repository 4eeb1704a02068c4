// What-if scenarios (design/cofinancing.md): a set of changes to an initiative's funding, asked
// once (`POST /api/initiatives/{id}/what-if`) or saved by name (the `scenarios` resource).
import { z } from 'zod';
import { FUNDER_TYPES } from '../domain/enums.js';
import { zodReason } from './errorCodes.js';
import { cents, enumOf, id, isoDate, optional, optionalText, text, year } from './fields.js';
import { field, nullable, writableContract, type CreateOf, type RecordOf } from './resource.js';

const MAX_IDS = 500;
const MAX_ADDED = 50;
const MAX_BUDGETS = 100;

const list = <T extends z.ZodType>(item: T, max: number) =>
  z.array(item, { error: zodReason('field.invalid') }).max(max, { error: zodReason('list.filter_values', { max }) }).default([]);

/** A commitment that does not exist: of a known funder (`funderId`) or of a funder type only. */
export const hypotheticalCommitment = z
  .object({
    funderId: optional(id()),
    funderType: optional(enumOf(FUNDER_TYPES)),
    amountCents: cents(),
    startDate: isoDate(),
    endDate: isoDate(),
  })
  .strict()
  .refine((c) => c.endDate >= c.startDate, { path: ['endDate'], error: zodReason('field.on_or_after', { field: 'startDate' }) })
  .refine((c) => c.funderId !== null || c.funderType !== null, { path: ['funderType'], error: zodReason('scenario.funder_or_type') });

/** The changes a scenario makes: the body of a what-if, and the `changes` of a saved scenario. */
export const scenarioChanges = z
  .object({
    include: list(id(), MAX_IDS).describe('requested or conditional commitments counted as committed'),
    exclude: list(id(), MAX_IDS).describe('commitments left out'),
    add: list(hypotheticalCommitment, MAX_ADDED).describe('hypothetical commitments, counted as committed, spread evenly over their period'),
    budgets: list(z.object({ year: year(1900, 2199), amountCents: cents() }).strict(), MAX_BUDGETS).describe("replace that year's budget, or add one"),
    reservesCents: optional(cents()).describe("replace the initiative's reserves"),
  })
  .strict();

export const whatIfRequest = scenarioChanges.extend({ asOf: optional(isoDate()) }).strict();

export type ScenarioChangesInput = z.input<typeof scenarioChanges>;
export type ScenarioChangeSet = z.output<typeof scenarioChanges>;
export type WhatIfRequest = z.output<typeof whatIfRequest>;

/** A named, saved set of changes of one initiative: "plan B: Oranje Fonds for 3 years". */
export const scenarios = writableContract({
  name: 'scenarios',
  fields: {
    id: field.id({ sortable: true, filterable: true }),
    initiativeId: field.id({ sortable: true, filterable: true, fixed: true }),
    name: field.text({ sortable: true, filterable: true }),
    note: nullable(field.text()),
    changes: field.json(scenarioChanges),
    version: field.int(),
  },
  search: ['name'],
  defaultSort: ['name', 'ASC'],
  create: z.object({ initiativeId: id(), name: text(), note: optionalText(2000), changes: scenarioChanges }),
});

export type Scenario = RecordOf<typeof scenarios>;
export type ScenarioCreate = CreateOf<typeof scenarios>;
