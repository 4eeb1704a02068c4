// Records the API answers whose shape is not a resource definition's, written once as types for
// the server, the console (admin/src/api/types.ts) and the tests. Types only: nothing to run.
import type { Cofunder } from './domain/cofunders.js';
import type { CommitmentStatus, GapKind, GapSeverity, RiskReason, ScanStatus, ScanTrigger } from './domain/enums.js';
import type { IsoDate, IsoMonth } from './domain/types.js';

export type { Cofunder };

/** A scan as `GET /api/scans/{id}` and `POST /api/scans` answer it. */
export interface Scan {
  id: number;
  trigger: ScanTrigger;
  status: ScanStatus;
  asOf: IsoDate;
  startedAt: string;
  finishedAt: string | null;
  batchesTotal: number;
  batchesDone: number;
  initiativesTotal: number;
  initiativesScanned: number;
  gapsOpened: number;
  gapsResolved: number;
  error: string | null;
}

/** A row of `GET /api/stats/risk`: one initiative at risk around year five. */
export interface RiskEntry {
  id: number;
  initiativeId: number;
  name: string;
  municipality: string;
  foundedOn: IsoDate;
  ageYears: number;
  reasons: RiskReason[];
  needCents: number;
  committedCents: number;
  coverage: number | null;
  shortTermShare: number | null;
  fundersAtLimit: { funderId: number; name: string; limitDate: IsoDate }[];
  firstShortfall: { periodStart: IsoDate; periodEnd: IsoDate; shortfallCents: number } | null;
  riskScore: number;
  /** the day the list was computed at */
  asOf: IsoDate;
}

/** A row of `GET /api/funders/{id}/cofunding`: one initiative the funder funds. */
export interface CofundingInitiative {
  id: number;
  name: string;
  municipality: string;
  foundedOn: IsoDate;
  /** the funder's own commitments, every status, earliest first */
  commitments: { id: number; title: string; status: CommitmentStatus; startDate: IsoDate; endDate: IsoDate; amountCents: number }[];
  /** the funder itself as its co-funders see it; null only when none of its commitments counts */
  own: Cofunder | null;
  /** every other funder with a requested, conditional, committed or completed commitment: current, pipeline, past */
  otherFunders: Cofunder[];
  coverage: { year: number; needCents: number; committedCents: number; pipelineCents: number; coverage: number | null }[];
  openGaps: { id: number; kind: GapKind; periodStart: IsoDate; periodEnd: IsoDate; severity: GapSeverity; shortfallCents: number }[];
}

/** `GET /api/funders/{id}/cofunding`. */
export interface Cofunding {
  funderId: number;
  asOf: IsoDate;
  /** the first coverage year: the year of `asOf` */
  from: number;
  years: number;
  /** the months a co-funder's `committedCents` covers: `years` years from the month of `asOf` */
  window: { from: IsoMonth; to: IsoMonth };
  initiatives: CofundingInitiative[];
  first: number;
  total: number;
}
