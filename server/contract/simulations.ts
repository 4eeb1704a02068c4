// Policy simulations (design/cofinancing.md): an admin asks what a rule would do to the whole
// portfolio (`POST /api/simulations`); a job computes it and keeps the result, current beside
// simulated, for the portfolio and per funder type and municipality.
import { z } from 'zod';
import { FUNDER_TYPES, SCAN_STATUSES, SIMULATION_RULES } from '../domain/enums.js';
import { zodReason } from './errorCodes.js';
import { enumOf, isoDate, optional } from './fields.js';
import { field, nullable, readOnlyContract, type RecordOf } from './resource.js';

const wholeBetween = (min: number, max: number) => {
  const error = zodReason('field.whole_number_between', { min, max });
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};
const funderTypes = () => z.array(enumOf(FUNDER_TYPES), { error: zodReason('field.list_of', { values: FUNDER_TYPES }) }).min(1, { error: zodReason('field.not_empty') });

/** What `POST /api/simulations` takes: the rule and its parameters, and the day it is simulated at. */
export const startSimulationBody = z.discriminatedUnion(
  'rule',
  [
    z.object({ rule: z.literal('extend_short_term'), funderTypes: funderTypes(), toMonths: wholeBetween(1, 120), asOf: optional(isoDate()) }).strict(),
    z.object({ rule: z.literal('renew_expiring'), funderTypes: funderTypes(), years: wholeBetween(1, 10), asOf: optional(isoDate()) }).strict(),
    z.object({ rule: z.literal('raise_max_funding_years'), funderTypes: funderTypes(), years: wholeBetween(1, 50), asOf: optional(isoDate()) }).strict(),
  ],
  { error: zodReason('field.one_of', { values: SIMULATION_RULES }) },
);

const groupFigures = z.object({
  initiatives: z.number().int(),
  fiveYearRisk: z.number().int().describe('initiatives with a five-year risk'),
  shortfallSoon: z.number().int().describe('initiatives with a shortfall starting within 24 months'),
  shortfallCents: z.number().int().describe('the total shortfall over the horizon'),
  meanEffectiveFunders: z.number().nullable(),
  meanShortTermShare: z.number().nullable(),
});

export const simulationResult = z.object({
  groups: z.array(
    z.object({
      groupBy: z.enum(['portfolio', 'funderType', 'municipality']),
      group: z.string(),
      current: groupFigures,
      simulated: groupFigures,
    }),
  ),
});

export const simulations = readOnlyContract({
  name: 'simulations',
  fields: {
    id: field.id({ sortable: true, filterable: true }),
    rule: field.enum(SIMULATION_RULES, { sortable: true, filterable: true }),
    params: field.json(z.record(z.string(), z.unknown())),
    asOf: field.date({ sortable: true, filterable: true }),
    status: field.enum(SCAN_STATUSES, { sortable: true, filterable: true }),
    initiativesTotal: field.int(),
    initiativesDone: field.int(),
    result: nullable(field.json(simulationResult)),
    error: nullable(field.text()),
    createdAt: field.timestamp({ sortable: true, filterable: true }),
    finishedAt: nullable(field.timestamp({ sortable: true })),
  },
  defaultSort: ['createdAt', 'DESC'],
});

export type Simulation = RecordOf<typeof simulations>;
export type SimulationResult = z.infer<typeof simulationResult>;
export type StartSimulation = z.output<typeof startSimulationBody>;
