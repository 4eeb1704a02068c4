// The records and figures the API answers (README "The API"), as the contract gives them
// (server/contract/): the console restates no shape. The enumerations come through the contract
// too, so both sides share one vocabulary.
import type { CoverageAnswer, FragmentationAnswer, Gap as GapRecord, GapDetailsByKind, GapKind, RunwayAnswer } from '../../../server/contract';

export type {
  AuditEvent,
  Budget,
  BurdenAnswer,
  Indicator,
  IndicatorValue,
  Obligation,
  ObligationKind,
  ObligationStatus,
  PortfolioBurden,
  Report,
  ReportFile,
  Cofunder,
  CofunderGroup,
  Cofunding,
  CofundingInitiative,
  Commitment,
  CommitmentKind,
  CommitmentStatus,
  Domain,
  Funder,
  FunderType,
  GapKind,
  GapSeverity,
  Initiative,
  Notification,
  InitiativeStatus,
  PortfolioFragmentation,
  PortfolioFunding,
  PublicUser,
  RiskEntry,
  RiskReason,
  Role,
  Scan,
  ScanStatus,
  ScanTrigger,
  Tranche,
  TrancheSchedule,
  TrancheStatus,
  User,
  UserUpdate,
} from '../../../server/contract';
export type { GapDetailsByKind };

/** GET /api/initiatives/{id}/runway */
export type Runway = RunwayAnswer;
export type RunwayMonth = Runway['months'][number];
export type IsoDate = string;

/** A gap of one kind, with that kind's `details` (DESIGN.md "Explaining a gap"). */
export type GapOf<K extends GapKind> = Omit<GapRecord, 'kind' | 'details'> & { kind: K; details: GapDetailsByKind[K] };

/** A gap as the API answers it: its `details` follow from its `kind`. */
export type Gap = { [K in GapKind]: GapOf<K> }[GapKind];

/** GET /api/initiatives/{id}/coverage */
export type Coverage = CoverageAnswer;
export type CoverageYear = Coverage['years'][number];
export type FunderShare = Coverage['funders'][number];

/** GET /api/initiatives/{id}/fragmentation */
export type InitiativeFragmentation = FragmentationAnswer;
/** The figures of one initiative's fragmentation, without its funders. */
export type Fragmentation = Omit<FragmentationAnswer, 'initiativeId' | 'funders'>;

export type FunderTypeGroup = 'municipality' | 'foundation' | 'company' | 'other';
