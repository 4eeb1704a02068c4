// The records and figures the API answers (README "The API", DESIGN.md "Domain model"). The
// enumerations and the domain's figures are the server's own, so both sides share one vocabulary.
import type {
  CommitmentKind,
  CommitmentStatus,
  Domain,
  FunderType,
  GapKind,
  GapSeverity,
  InitiativeStatus,
  Role,
  ScanStatus,
  ScanTrigger,
  TrancheSchedule,
  TrancheStatus,
} from '../../../server/domain/enums';
import type { Fragmentation } from '../../../server/domain/fragmentation';
import type { GapDetailsByKind } from '../../../server/domain/gapDetails';
import type { Runway, RunwayMonth } from '../../../server/domain/runway';

export type { Runway, RunwayMonth, Fragmentation };
export type { Cofunder, Cofunding, CofundingInitiative, RiskEntry, Scan } from '../../../server/records';
export type { CofunderGroup, RiskReason } from '../../../server/domain/enums';
export type IsoDate = string;

export interface Funder {
  id: number;
  name: string;
  type: FunderType;
  municipalityCode: string | null;
  maxFundingYears: number | null;
  website: string | null;
  version: number;
}

export interface Initiative {
  id: number;
  name: string;
  foundedOn: IsoDate;
  municipality: string;
  municipalityCode: string | null;
  domains: Domain[];
  kvkNumber: string | null;
  reservesCents: number;
  sharedWithFunders: boolean;
  status: InitiativeStatus;
  description: string | null;
  version: number;
}

export interface Budget {
  id: number;
  initiativeId: number;
  year: number;
  amountCents: number;
  note: string | null;
  version: number;
}

export interface Commitment {
  id: number;
  initiativeId: number;
  funderId: number;
  title: string;
  reference: string | null;
  programme: string | null;
  kind: CommitmentKind;
  status: CommitmentStatus;
  startDate: IsoDate;
  endDate: IsoDate;
  amountCents: number;
  decisionDate: IsoDate | null;
  renewable: boolean;
  conditionNote: string | null;
  scheduledCents: number;
  receivedCents: number;
  unscheduledCents: number;
  remainingCents: number;
  version: number;
  /** create only */
  trancheSchedule?: TrancheSchedule | null;
}

export interface Tranche {
  id: number;
  commitmentId: number;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  amountCents: number;
  dueOn: IsoDate | null;
  status: TrancheStatus;
  receivedOn: IsoDate | null;
  version: number;
}

interface GapRecord {
  id: number;
  initiativeId: number;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  /** 0 for kinds other than shortfall */
  shortfallCents: number;
  severity: GapSeverity;
  detectedAt: string;
  resolvedAt: string | null;
  open: boolean;
}

/** A gap of one kind, with that kind's `details` (DESIGN.md "Explaining a gap"). */
export type GapOf<K extends GapKind> = GapRecord & { kind: K; details: GapDetailsByKind[K] };

/** A gap as the API answers it: its `details` follow from its `kind`. */
export type Gap = { [K in GapKind]: GapOf<K> }[GapKind];

export type { GapDetailsByKind };

export interface User {
  id: number;
  email: string;
  role: Role;
  funderId: number | null;
  initiativeId: number | null;
  disabled: boolean;
  createdAt: string;
  version: number;
  /** create and update only, never answered */
  password?: string;
}

export interface AuditEvent {
  id: number;
  at: string;
  userId: number | null;
  action: 'create' | 'update' | 'delete';
  resource: string;
  recordId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** The user as /api/auth/login and /api/auth/me answer it. */
export interface PublicUser {
  id: number;
  email: string;
  role: Role;
  funderId: number | null;
  initiativeId: number | null;
}

/** GET /api/initiatives/{id}/coverage */
export interface CoverageYear {
  year: number;
  needCents: number;
  committedCents: number;
  pipelineCents: number;
  coverage: number | null;
  /** the year has no budget of its own: its need carries the last budget forward */
  needEstimated: boolean;
  /** JSON object keys are strings */
  committedByFunderId: Record<string, number>;
  committedByFunderType: Partial<Record<FunderType, number>>;
}

export interface FunderShare {
  id: number;
  name: string;
  type: FunderType;
  committedCents: number;
}

export interface Coverage {
  initiativeId: number;
  from: number;
  /** the last year with a budget of its own; null without any budget */
  budgetThrough: number | null;
  years: CoverageYear[];
  funders: FunderShare[];
}

/** GET /api/initiatives/{id}/fragmentation */
export interface InitiativeFragmentation extends Fragmentation {
  initiativeId: number;
  funders: (FunderShare & { share: number | null })[];
}

export type FunderTypeGroup = 'municipality' | 'foundation' | 'company' | 'other';

interface Spread {
  mean: number | null;
  median: number | null;
}

/** GET /api/stats/fragmentation */
export interface PortfolioFragmentation {
  year: number;
  years: number;
  groupBy: 'funderType' | 'municipality' | 'domain';
  groups: {
    group: string;
    year: number;
    committedCents: number;
    share: number | null;
    initiativeCount: number;
    hhi: Spread;
    effectiveFunders: Spread;
    shortTermShare: number | null;
  }[];
  totals: {
    year: number;
    committedCents: number;
    initiativeCount: number;
    fundedInitiativeCount: number;
    hhi: Spread;
    effectiveFunders: Spread;
    shortTermShare: number | null;
  }[];
}

/** GET /api/stats/funding: need and funding of the active initiatives one may see over `months` months from the month of `asOf`. */
export interface PortfolioFunding {
  asOf: IsoDate;
  /** "YYYY-MM", the month of `asOf` */
  from: string;
  /** "YYYY-MM", the last month of the window */
  to: string;
  months: number;
  needCents: number;
  committedCents: number;
  /** committed plus the open applications (requested, conditional) */
  pipelineCents: number;
  /** committed over need; null without a budgeted need */
  coverage: number | null;
}

export type { CommitmentKind, CommitmentStatus, Domain, FunderType, GapKind, GapSeverity, InitiativeStatus, Role, ScanStatus, ScanTrigger, TrancheSchedule, TrancheStatus };
