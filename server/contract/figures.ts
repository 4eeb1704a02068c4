// The answers of the figure, scan and auth endpoints, written once as zod schemas: the server's
// types for them are `z.infer` of these, and the OpenAPI document (http/openapi.ts) is generated
// from them, each under the name it has in ANSWER_SCHEMAS. Answers only — the requests are checked by the services' own input schemas.
import { z } from 'zod';
import { COFUNDER_GROUPS, COMMITMENT_STATUSES, FUNDER_TYPES, GAP_KINDS, GAP_SEVERITIES, RISK_REASONS, ROLES } from '../domain/enums.js';
import { scans } from './scans.js';
import { cents, isoDate, isoMonth, recordId } from './values.js';

/** A ratio (0–1 for shares), null when its denominator is 0. */
const ratio = z.number().nullable();
const meanMedian = z.object({ mean: z.number().nullable(), median: z.number().nullable() });

export const runwaySchema = z
  .object({
    initiativeId: recordId,
    asOf: isoDate,
    scenario: z.enum(['committed', 'pipeline']),
    runwayMonths: z.number().int(),
    fundedThrough: isoDate.nullable().describe('last day of the last month before the balance turns negative'),
    horizonReached: z.boolean().describe('the balance stays non-negative for the whole horizon'),
    budgetThrough: z.number().int().nullable().describe('the last year with a budget of its own'),
    months: z.array(
      z.object({
        month: isoMonth,
        needCents: cents,
        fundingCents: cents,
        balanceCents: cents.describe('balance at the end of the month'),
        needEstimated: z.boolean().describe('the need is (partly) carried forward from an earlier budget year'),
      }),
    ),
  });

const funderFigure = z.object({ id: recordId, name: z.string(), type: z.enum(FUNDER_TYPES), committedCents: cents });

export const yearCoverageSchema = z.object({
  year: z.number().int(),
  needCents: cents,
  needEstimated: z.boolean(),
  committedCents: cents,
  pipelineCents: cents,
  coverage: ratio.describe('committedCents ÷ needCents'),
  committedByFunderId: z.record(z.string(), cents),
  committedByFunderType: z.partialRecord(z.enum(FUNDER_TYPES), cents),
});

export const coverageSchema = z
  .object({
    initiativeId: recordId,
    from: z.number().int(),
    budgetThrough: z.number().int().nullable(),
    years: z.array(yearCoverageSchema),
    funders: z.array(funderFigure),
  });

export const fragmentationSchema = z
  .object({
    initiativeId: recordId,
    year: z.number().int(),
    fundingCents: cents,
    funderCount: z.number().int(),
    commitmentCount: z.number().int(),
    shareByFunderType: z.partialRecord(z.enum(FUNDER_TYPES), z.number()),
    hhi: ratio,
    effectiveFunders: z.number().nullable(),
    shortTermShare: ratio,
    meanCommitmentMonths: z.number().nullable(),
    funders: z.array(funderFigure.extend({ share: ratio })),
  });

export const groupStatsSchema = z.object({
  group: z.string(),
  year: z.number().int(),
  committedCents: cents,
  share: ratio.describe("of the year's committed funding in the portfolio"),
  initiativeCount: z.number().int(),
  hhi: meanMedian,
  effectiveFunders: meanMedian,
  shortTermShare: ratio,
});

export const totalStatsSchema = z.object({
  year: z.number().int(),
  committedCents: cents,
  initiativeCount: z.number().int(),
  fundedInitiativeCount: z.number().int(),
  hhi: meanMedian,
  effectiveFunders: meanMedian,
  shortTermShare: ratio,
  effectiveFundersHistogram: z
    .array(z.number().int())
    .describe('the funded initiatives by effective funders (1 / HHI): under 1.5, 1.5–2.5, 2.5–3.5, 3.5–4.5, 4.5 and more (a bucket holds its lower bound)'),
  shortTermShareHistogram: z.array(z.number().int()).describe('the funded initiatives by short-term share: under 0.2, 0.2–0.4, 0.4–0.6, 0.6–0.8, 0.8 and more'),
});

/** Whether a portfolio answer was read from the figures the scans kept or computed for the request. */
export const computedSchema = z.enum(['kept', 'live']).describe('kept: read from the figures the last scans kept for exactly this question; live: computed for this request');

export const portfolioFragmentationSchema = z
  .object({
    year: z.number().int(),
    years: z.number().int(),
    groupBy: z.enum(['funderType', 'municipality', 'domain']),
    groups: z.array(groupStatsSchema),
    totals: z.array(totalStatsSchema),
    computed: computedSchema,
  });

export const portfolioFundingSchema = z
  .object({
    asOf: isoDate,
    from: isoMonth,
    to: isoMonth,
    months: z.number().int(),
    needCents: cents,
    committedCents: cents,
    pipelineCents: cents,
    coverage: ratio,
    computed: computedSchema,
  });

export const riskEntrySchema = z
  .object({
    id: recordId,
    initiativeId: recordId,
    name: z.string(),
    municipality: z.string(),
    foundedOn: isoDate,
    ageYears: z.number().int(),
    reasons: z.array(z.enum(RISK_REASONS)),
    needCents: cents,
    committedCents: cents,
    coverage: ratio,
    shortTermShare: ratio,
    fundersAtLimit: z.array(z.object({ funderId: recordId, name: z.string(), limitDate: isoDate })),
    firstShortfall: z.object({ periodStart: isoDate, periodEnd: isoDate, shortfallCents: cents }).nullable(),
    riskScore: z.number(),
    asOf: isoDate.describe('the day the list was computed at'),
  });

export const cofunderSchema = z
  .object({
    id: recordId,
    name: z.string(),
    type: z.enum(FUNDER_TYPES),
    group: z.enum(COFUNDER_GROUPS),
    statuses: z.array(z.object({ status: z.enum(COMMITMENT_STATUSES), count: z.number().int() })),
    committedCents: cents,
    endDate: isoDate,
  });

export const cofundingInitiativeSchema = z
  .object({
    id: recordId,
    name: z.string(),
    municipality: z.string(),
    foundedOn: isoDate,
    commitments: z
      .array(z.object({ id: recordId, title: z.string(), status: z.enum(COMMITMENT_STATUSES), startDate: isoDate, endDate: isoDate, amountCents: cents }))
      .describe("the funder's own commitments, every status, earliest first"),
    own: cofunderSchema.nullable().describe('the funder itself as its co-funders see it'),
    otherFunders: z.array(cofunderSchema),
    coverage: z.array(z.object({ year: z.number().int(), needCents: cents, committedCents: cents, pipelineCents: cents, coverage: ratio })),
    openGaps: z.array(
      z.object({ id: recordId, kind: z.enum(GAP_KINDS), periodStart: isoDate, periodEnd: isoDate, severity: z.enum(GAP_SEVERITIES), shortfallCents: cents }),
    ),
  });

export const cofundingSchema = z
  .object({
    funderId: recordId,
    asOf: isoDate,
    from: z.number().int().describe('the first coverage year: the year of asOf'),
    years: z.number().int(),
    window: z.object({ from: isoMonth, to: isoMonth }).describe("the months a co-funder's committedCents covers"),
    initiatives: z.array(cofundingInitiativeSchema),
    first: z.number().int(),
    total: z.number().int(),
  });

/** A gap as a scan would find it, unsaved: the figures of a what-if. */
export const foundGapSchema = z.object({
  kind: z.enum(GAP_KINDS),
  periodStart: isoDate,
  periodEnd: isoDate,
  shortfallCents: cents,
  severity: z.enum(GAP_SEVERITIES),
  details: z.record(z.string(), z.unknown()),
  commitmentId: z.number().int().nullable().describe('the commitment of an expiring gap; negative for a hypothetical one'),
});

/** Runway, coverage and the gaps a scan would find, of one picture of an initiative's funding. */
export const fundingPictureSchema = z.object({
  runway: runwaySchema.omit({ initiativeId: true }),
  coverage: z.array(yearCoverageSchema).describe('five calendar years from the year of asOf'),
  gaps: z.array(foundGapSchema),
});

export const whatIfSchema = z.object({
  initiativeId: recordId,
  asOf: isoDate,
  base: fundingPictureSchema.describe('the figures as the funding is'),
  scenario: fundingPictureSchema.describe('the figures with the changes'),
  gapChanges: z.object({
    disappear: z.array(foundGapSchema).describe("the base's gaps the scenario no longer has"),
    appear: z.array(foundGapSchema).describe("the scenario's gaps the base does not have"),
  }),
});

/** A scan as the scans resource answers it, also the answer of `POST /api/scans`. */
export const scanSchema = scans.record;

export const publicUserSchema = z
  .object({
    id: recordId,
    email: z.string(),
    role: z.enum(ROLES),
    funderId: recordId.nullable(),
    initiativeId: recordId.nullable(),
  });

export const loginSchema = z.object({ token: z.string(), user: publicUserSchema });

export type RunwayAnswer = z.infer<typeof runwaySchema>;
export type CoverageAnswer = z.infer<typeof coverageSchema>;
export type FragmentationAnswer = z.infer<typeof fragmentationSchema>;
export type GroupStats = z.infer<typeof groupStatsSchema>;
export type TotalStats = z.infer<typeof totalStatsSchema>;
export type Computed = z.infer<typeof computedSchema>;
export type PortfolioFragmentation = z.infer<typeof portfolioFragmentationSchema>;
export type PortfolioFunding = z.infer<typeof portfolioFundingSchema>;
export type RiskEntry = z.infer<typeof riskEntrySchema>;
export type Cofunder = z.infer<typeof cofunderSchema>;
export type CofundingInitiative = z.infer<typeof cofundingInitiativeSchema>;
export type Cofunding = z.infer<typeof cofundingSchema>;
export type FoundGapFigure = z.infer<typeof foundGapSchema>;
export type FundingPicture = z.infer<typeof fundingPictureSchema>;
export type WhatIfAnswer = z.infer<typeof whatIfSchema>;
export type PublicUser = z.infer<typeof publicUserSchema>;
export type Login = z.infer<typeof loginSchema>;

export const healthSchema = z.object({ status: z.literal('ok') });

export const readinessSchema = z.object({
  status: z.enum(['ready', 'not ready']),
  postgres: z.enum(['up', 'down']),
  redis: z.enum(['up', 'down', 'not configured']),
});

const burdenFigures = {
  obligationCount: z.number().int().describe('obligations due in the year, waived ones left out'),
  funderCount: z.number().int().describe('distinct funders asking them'),
  committedCents: cents.describe('committed funding attributed to the year'),
  obligationsPer10k: ratio.describe('obligationCount per € 10.000 of committedCents'),
};

/** The reporting burden of an initiative per year (design/reporting.md, "Figures"). */
export const burdenSchema = z.object({
  initiativeId: recordId,
  from: z.number().int(),
  years: z.array(z.object({ year: z.number().int(), ...burdenFigures })),
});

const portfolioBurdenFigures = {
  initiativeCount: z.number().int().describe('initiatives asked at least one obligation'),
  ...burdenFigures,
  overdueCount: z.number().int().describe('of obligationCount, those still owed (open or rejected) past their due date today'),
};

/** The reporting burden per funder type over the visible active initiatives in a year. */
export const portfolioBurdenSchema = z.object({
  year: z.number().int(),
  groups: z.array(z.object({ funderType: z.enum(FUNDER_TYPES), ...portfolioBurdenFigures })),
  totals: z.object(portfolioBurdenFigures),
  computed: computedSchema,
});

export type BurdenAnswer = z.infer<typeof burdenSchema>;
export type PortfolioBurden = z.infer<typeof portfolioBurdenSchema>;

/** Every named answer schema, under the name the OpenAPI document gives it. */
export const ANSWER_SCHEMAS = {
  Runway: runwaySchema,
  Coverage: coverageSchema,
  Fragmentation: fragmentationSchema,
  PortfolioFragmentation: portfolioFragmentationSchema,
  PortfolioFunding: portfolioFundingSchema,
  RiskEntry: riskEntrySchema,
  Cofunder: cofunderSchema,
  CofundingInitiative: cofundingInitiativeSchema,
  Cofunding: cofundingSchema,
  Scan: scanSchema,
  WhatIf: whatIfSchema,
  SessionUser: publicUserSchema,
  Login: loginSchema,
  Health: healthSchema,
  Readiness: readinessSchema,
  Burden: burdenSchema,
  PortfolioBurden: portfolioBurdenSchema,
} as const;
