// Small factories for the domain tests: each builds a valid record and takes only what a test is about.
import type { CommitmentStatus, FunderType, TrancheStatus } from './enums.js';
import type { LoadedBudget, LoadedCommitment, LoadedFunder, InitiativeFunding, IsoDate, LoadedTranche } from './types.js';

let nextId = 1000;

export function tranche(
  periodStart: IsoDate,
  periodEnd: IsoDate,
  amountCents: number,
  status: TrancheStatus = 'planned',
): LoadedTranche {
  return { id: nextId++, periodStart, periodEnd, amountCents, status };
}

export function commitment(
  fields: Pick<LoadedCommitment, 'startDate' | 'endDate' | 'amountCents'> & Partial<LoadedCommitment>,
): LoadedCommitment {
  return {
    id: nextId++,
    funderId: 1,
    funderType: 'municipality',
    kind: 'subsidy',
    status: 'committed',
    tranches: [],
    ...fields,
  };
}

/** A commitment of `status` with its money spread over its own period (no tranches). */
export function spread(
  startDate: IsoDate,
  endDate: IsoDate,
  amountCents: number,
  status: CommitmentStatus = 'committed',
): LoadedCommitment {
  return commitment({ startDate, endDate, amountCents, status });
}

export function funder(id: number, type: FunderType = 'municipality', maxFundingYears: number | null = null): LoadedFunder {
  return { id, name: `Funder ${id}`, type, maxFundingYears };
}

export function initiative(fields: Partial<InitiativeFunding> = {}): InitiativeFunding {
  return {
    id: nextId++,
    foundedOn: '2015-01-01',
    reservesCents: 0,
    status: 'active',
    budgets: [],
    commitments: [],
    funders: new Map(),
    ...fields,
  };
}

/** A budget of 1_000 cents a day: 365_000 in a common year, 366_000 in a leap year. */
export function thousandADay(year: number): LoadedBudget {
  return { year, amountCents: year % 4 === 0 ? 366_000 : 365_000 };
}
