// Records the API answers whose shape is not a resource definition's, written once as types for
// the server, the console (admin/src/api/types.ts) and the tests. Types only: nothing to run.
import type { RiskReason, ScanStatus, ScanTrigger } from './domain/enums.js';
import type { IsoDate } from './domain/types.js';

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
