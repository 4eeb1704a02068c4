// The shape of the demo portfolio (seeds/demo/portfolio.ts). Plain data in API field names:
// money in integer euro cents, dates as calendar dates 'YYYY-MM-DD'. Funders and initiatives
// are referred to by a stable `key`; the seed loader turns keys into database ids.
import type {
  CommitmentKind,
  CommitmentStatus,
  Domain,
  FunderType,
  InitiativeStatus,
  Role,
  TrancheStatus,
} from '../../server/domain/enums.js';

export interface DemoFunder {
  key: string;
  name: string;
  type: FunderType;
  /** CBS municipality code, 'GM' + 4 digits (only for gemeenten). */
  municipalityCode?: string;
  /** The funder funds one initiative for at most this many years. */
  maxFundingYears?: number;
  website?: string;
}

export interface DemoTranche {
  periodStart: string;
  periodEnd: string;
  amountCents: number;
  dueOn?: string;
  status: TrancheStatus;
  receivedOn?: string;
}

export interface DemoCommitment {
  funderKey: string;
  title: string;
  reference?: string;
  programme?: string;
  kind: CommitmentKind;
  status: CommitmentStatus;
  startDate: string;
  endDate: string;
  amountCents: number;
  decisionDate?: string;
  renewable: boolean;
  conditionNote?: string;
  /** May be empty: then the money is spread over the commitment's period. */
  tranches: DemoTranche[];
}

export interface DemoBudget {
  year: number;
  amountCents: number;
  note?: string;
}

export interface DemoInitiative {
  key: string;
  name: string;
  foundedOn: string;
  municipality: string;
  municipalityCode?: string;
  domains: Domain[];
  /** KvK-nummer, 8 digits. */
  kvkNumber?: string;
  reservesCents: number;
  sharedWithFunders: boolean;
  status: InitiativeStatus;
  description: string;
  budgets: DemoBudget[];
  commitments: DemoCommitment[];
}

export interface DemoUser {
  email: string;
  password: string;
  role: Role;
  funderKey?: string;
  initiativeKey?: string;
}

export interface DemoPortfolio {
  funders: DemoFunder[];
  initiatives: DemoInitiative[];
  users: DemoUser[];
}
