// The enumerations of DESIGN.md, written once: zod schemas, database CHECKs and the console
// all read them from here.

export const FUNDER_TYPES = [
  'municipality',
  'province',
  'national',
  'foundation',
  'company',
  'health_insurer',
  'other',
] as const;
export type FunderType = (typeof FUNDER_TYPES)[number];

export const DOMAINS = ['care', 'welfare', 'participation', 'climate', 'food', 'housing', 'education'] as const;
export type Domain = (typeof DOMAINS)[number];

export const INITIATIVE_STATUSES = ['active', 'stopped'] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

export const COMMITMENT_KINDS = ['subsidy', 'grant', 'sponsorship', 'donation', 'loan', 'contract', 'in_kind'] as const;
export type CommitmentKind = (typeof COMMITMENT_KINDS)[number];

export const COMMITMENT_STATUSES = ['requested', 'conditional', 'committed', 'completed', 'declined', 'withdrawn'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

/** Statuses whose money counts as committed funding (DESIGN.md, "Funding timing"). */
export const COMMITTED_STATUSES: readonly CommitmentStatus[] = ['committed', 'completed'];
/** Statuses whose money counts in the pipeline scenario: committed plus what is still hoped for. */
export const PIPELINE_STATUSES: readonly CommitmentStatus[] = ['committed', 'completed', 'requested', 'conditional'];

export const TRANCHE_STATUSES = ['planned', 'requested', 'received', 'cancelled'] as const;
export type TrancheStatus = (typeof TRANCHE_STATUSES)[number];

export const TRANCHE_SCHEDULES = ['once', 'yearly', 'quarterly', 'monthly'] as const;
export type TrancheSchedule = (typeof TRANCHE_SCHEDULES)[number];

export const GAP_KINDS = ['shortfall', 'cliff', 'expiring', 'funder_limit', 'five_year_risk'] as const;
export type GapKind = (typeof GAP_KINDS)[number];

export const GAP_SEVERITIES = ['high', 'medium', 'low'] as const;
export type GapSeverity = (typeof GAP_SEVERITIES)[number];

/** Why a `five_year_risk` gap is flagged (its `details.reasons`). */
export const RISK_REASONS = ['low_coverage', 'short_term_funding'] as const;
export type RiskReason = (typeof RISK_REASONS)[number];

/** Where a funder stands with an initiative in the co-financing view (domain/cofunders.ts). */
export const COFUNDER_GROUPS = ['current', 'pipeline', 'past'] as const;
export type CofunderGroup = (typeof COFUNDER_GROUPS)[number];

export const SCAN_TRIGGERS = ['schedule', 'manual', 'change'] as const;
export type ScanTrigger = (typeof SCAN_TRIGGERS)[number];

export const SCAN_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type ScanStatus = (typeof SCAN_STATUSES)[number];

export const ROLES = ['admin', 'funder', 'initiative'] as const;
export type Role = (typeof ROLES)[number];

/** What happened, told to the people concerned (in the console, digests and webhooks). */
export const EVENT_TYPES = [
  'gap.opened',
  'gap.escalated',
  'gap.resolved',
  'obligation.due_soon',
  'obligation.overdue',
  'round.pledge',
  'scan.failed',
  'webhook.disabled',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** What an event is about. */
export const EVENT_SUBJECTS = ['gap', 'obligation', 'pledge', 'scan', 'webhook'] as const;
export type EventSubject = (typeof EVENT_SUBJECTS)[number];

/** Where a webhook delivery stands (server/services/webhooks.ts). */
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];
/** How often a user gets the e-mail digest of their notifications. */
export const DIGEST_PREFERENCES = ['daily', 'weekly', 'off'] as const;
export type DigestPreference = (typeof DIGEST_PREFERENCES)[number];

/** The languages a user reads the console's e-mails in. */
export const USER_LANGUAGES = ['nl', 'en'] as const;
export type UserLanguage = (typeof USER_LANGUAGES)[number];

/**
 * Where an outbound e-mail stands: `not_sent` is stored only (no SMTP_URL), `failed` is being
 * retried (its last error kept), `pending` is being handed to the SMTP server right now.
 */
export const OUTBOUND_EMAIL_STATUSES = ['pending', 'sent', 'not_sent', 'failed'] as const;
export type OutboundEmailStatus = (typeof OUTBOUND_EMAIL_STATUSES)[number];
/** How a new commitment's reporting obligations are generated (design/reporting.md). */
export const REPORTING_SCHEDULES = ['none', 'final', 'yearly', 'per_tranche'] as const;
export type ReportingSchedule = (typeof REPORTING_SCHEDULES)[number];

export const OBLIGATION_KINDS = ['activity_report', 'financial_report', 'audit_statement', 'outcome_report', 'other'] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];

export const OBLIGATION_STATUSES = ['open', 'submitted', 'accepted', 'rejected', 'waived'] as const;
export type ObligationStatus = (typeof OBLIGATION_STATUSES)[number];

/** Statuses in which an obligation is still owed: past its due date it is overdue. */
export const OWED_OBLIGATION_STATUSES: readonly ObligationStatus[] = ['open', 'rejected'];

export const INDICATOR_DIRECTIONS = ['higher_is_better', 'lower_is_better'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

/** The attachments a report takes (design/reporting.md), by the content type their content shows. */
export const REPORT_FILE_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
] as const;
export type ReportFileType = (typeof REPORT_FILE_TYPES)[number];
/** A co-financing round is open for pledges, or closed. */
export const ROUND_STATUSES = ['open', 'closed'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

/** A pledge is proposed (by the initiative or an admin), pledged (by the funder), confirmed (a commitment now exists) or withdrawn. */
export const PLEDGE_STATUSES = ['proposed', 'pledged', 'confirmed', 'withdrawn'] as const;
export type PledgeStatus = (typeof PLEDGE_STATUSES)[number];

/** `match`: only once the pledge it matches is confirmed, at most `ratio` × that pledge. */
export const PLEDGE_CONDITIONS = ['none', 'match'] as const;
export type PledgeCondition = (typeof PLEDGE_CONDITIONS)[number];

/** The policy simulator's rules (design/cofinancing.md). */
export const SIMULATION_RULES = ['extend_short_term', 'renew_expiring', 'raise_max_funding_years'] as const;
export type SimulationRuleName = (typeof SIMULATION_RULES)[number];
