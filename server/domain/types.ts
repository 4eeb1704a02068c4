// Plain data the funding calculations work on. The data layer loads these; the domain
// functions never do I/O.
import type { CommitmentKind, CommitmentStatus, FunderType, InitiativeStatus, TrancheStatus } from './enums.js';

/** A calendar date, `YYYY-MM-DD`. Never a JS Date: no time zone can shift it. */
export type IsoDate = string;
/** A calendar month, `YYYY-MM`. */
export type IsoMonth = string;

export interface LoadedTranche {
  id: number;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  amountCents: number;
  status: TrancheStatus;
}

export interface LoadedCommitment {
  id: number;
  funderId: number;
  funderType: FunderType;
  kind: CommitmentKind;
  status: CommitmentStatus;
  startDate: IsoDate;
  endDate: IsoDate;
  amountCents: number;
  tranches: LoadedTranche[];
}

export interface LoadedBudget {
  year: number;
  amountCents: number;
}

export interface LoadedFunder {
  id: number;
  name: string;
  type: FunderType;
  maxFundingYears: number | null;
}

/** Everything the calculations need to know about one initiative. */
export interface InitiativeFunding {
  id: number;
  foundedOn: IsoDate;
  reservesCents: number;
  status: InitiativeStatus;
  budgets: LoadedBudget[];
  commitments: LoadedCommitment[];
  /** The funders of this initiative's commitments, by id. */
  funders: Map<number, LoadedFunder>;
}
