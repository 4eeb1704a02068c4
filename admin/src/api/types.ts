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
import type { CoverageAnswer, FragmentationAnswer, RunwayAnswer } from '../../../server/contract/figures';
import type { GapDetailsByKind } from '../../../server/domain/gapDetails';

export type { Cofunder, Cofunding, CofundingInitiative, PortfolioFragmentation, PortfolioFunding, PublicUser, RiskEntry, Scan } from '../../../server/contract/figures';
/** GET /api/initiatives/{id}/runway */
export type Runway = RunwayAnswer;
export type RunwayMonth = Runway['months'][number];
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

/** GET /api/initiatives/{id}/coverage */
export type Coverage = CoverageAnswer;
export type CoverageYear = Coverage['years'][number];
export type FunderShare = Coverage['funders'][number];

/** GET /api/initiatives/{id}/fragmentation */
export type InitiativeFragmentation = FragmentationAnswer;
/** The figures of one initiative's fragmentation, without its funders. */
export type Fragmentation = Omit<FragmentationAnswer, 'initiativeId' | 'funders'>;

export type FunderTypeGroup = 'municipality' | 'foundation' | 'company' | 'other';

export type { CommitmentKind, CommitmentStatus, Domain, FunderType, GapKind, GapSeverity, InitiativeStatus, Role, ScanStatus, ScanTrigger, TrancheSchedule, TrancheStatus };
