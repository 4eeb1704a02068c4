// The shape of the demo portfolio (seeds/demo/portfolio.ts): each record as the contract's create
// resolves it, in API field names (money in integer euro cents, dates as calendar dates
// 'YYYY-MM-DD'), fields that may be null left out at will. Funders and initiatives are referred
// to by a stable `key`; the seed loader turns keys into database ids.
import type { budgets, commitments, funders, initiatives, NewRecord, tranches, UserCreate } from '../../server/contract/index.js';

export type DemoFunder = NewRecord<typeof funders> & { key: string };

export type DemoTranche = Omit<NewRecord<typeof tranches>, 'commitmentId'>;

export type DemoCommitment = Omit<NewRecord<typeof commitments>, 'initiativeId' | 'funderId' | 'trancheSchedule' | 'reportingSchedule' | 'reportDueMonths'> & {
  funderKey: string;
  /** May be empty: then the money is spread over the commitment's period. */
  tranches: DemoTranche[];
};

export type DemoBudget = Omit<NewRecord<typeof budgets>, 'initiativeId'>;

export type DemoInitiative = NewRecord<typeof initiatives> & {
  key: string;
  budgets: DemoBudget[];
  commitments: DemoCommitment[];
};

export type DemoUser = Pick<UserCreate, 'email' | 'role'> & {
  password: string;
  funderKey?: string;
  initiativeKey?: string;
};

export interface DemoPortfolio {
  funders: DemoFunder[];
  initiatives: DemoInitiative[];
  users: DemoUser[];
}
