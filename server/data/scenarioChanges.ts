// A scenario's change set (contract/scenarios.ts) checked against one initiative's loaded funding
// and turned into what domain/scenario.ts applies.
import type { Knex } from 'knex';
import type { ScenarioChangeSet } from '../contract/scenarios.js';
import type { FunderType } from '../domain/enums.js';
import { hypotheticalFunder, type ScenarioChanges } from '../domain/scenario.js';
import type { InitiativeFunding, LoadedFunder } from '../domain/types.js';
import { reason, validationError, type FieldReasons } from '../errors.js';

/**
 * Every commitment id must be one of the initiative's counted commitments (another initiative's is
 * refused as if absent), every funder must exist; otherwise 400 naming each field (`include.0`).
 */
export async function resolveChanges(db: Knex, funding: InitiativeFunding, set: ScenarioChangeSet, field = ''): Promise<ScenarioChanges> {
  const known = new Set(funding.commitments.map((c) => c.id));
  const fields: FieldReasons = {};
  for (const key of ['include', 'exclude'] as const) {
    set[key].forEach((id, i) => {
      if (!known.has(id)) fields[`${field}${key}.${i}`] = reason('scenario.unknown_commitment');
    });
  }
  const funderIds = set.add.flatMap((a) => (a.funderId === null ? [] : [a.funderId]));
  const rows = funderIds.length
    ? await db('funders').whereIn('id', funderIds).select<{ id: number; name: string; type: FunderType; max_funding_years: number | null }[]>('id', 'name', 'type', 'max_funding_years')
    : [];
  const funders = new Map(rows.map((r): [number, LoadedFunder] => [r.id, { id: r.id, name: r.name, type: r.type, maxFundingYears: r.max_funding_years }]));
  const add = set.add.flatMap((a, i) => {
    const funder = a.funderId === null ? hypotheticalFunder(i, a.funderType!) : funders.get(a.funderId);
    if (!funder) {
      fields[`${field}add.${i}.funderId`] = reason('field.existing_record', { resource: 'funders' });
      return [];
    }
    return [{ funder, amountCents: a.amountCents, startDate: a.startDate, endDate: a.endDate }];
  });
  if (Object.keys(fields).length) throw validationError(fields);
  return { include: set.include, exclude: set.exclude, add, budgets: set.budgets, reservesCents: set.reservesCents };
}
