// An initiative's entry on the risk list around year five (`GET /api/stats/risk`, README "The figure endpoints"): what its
// five_year_risk gap says, the funders reaching their limit, its first shortfall and the score the
// list is sorted by. Pure: the API computes it per request, the scans keep it (kept figures).
import { countsIn } from './allocation.js';
import type { RiskReason } from './enums.js';
import type { FiveYearRiskDetails } from './gapDetails.js';
import type { FoundGap } from './gaps.js';
import type { InitiativeFunding, IsoDate } from './types.js';

export interface RiskFigures {
  ageYears: number;
  reasons: RiskReason[];
  needCents: number;
  committedCents: number;
  coverage: number | null;
  shortTermShare: number | null;
  fundersAtLimit: { funderId: number; limitDate: IsoDate }[];
  firstShortfall: { periodStart: IsoDate; periodEnd: IsoDate; shortfallCents: number } | null;
  riskScore: number;
}

/**
 * The risk figures of an initiative from the gaps found for it, or null when it has no
 * five_year_risk gap. How risky, for sorting: the part of the next twelve months' need that is
 * not covered (0–1), plus the short-term share of the funding (0–1), plus the share of its
 * committed funders that reach their `maxFundingYears` within the horizon (0–1). Higher is riskier.
 */
export function riskFigures(funding: InitiativeFunding, gaps: readonly FoundGap[]): RiskFigures | null {
  const risk = gaps.find((g) => g.kind === 'five_year_risk');
  if (!risk) return null;
  const d = risk.details as FiveYearRiskDetails;
  const limits = gaps.filter((g) => g.kind === 'funder_limit');
  const shortfall = gaps.find((g) => g.kind === 'shortfall');
  const uncovered = d.coverage === null ? 0 : Math.max(0, 1 - d.coverage);
  const committedFunders = new Set(funding.commitments.filter((c) => countsIn(c.status, 'committed')).map((c) => c.funderId));
  const limitShare = committedFunders.size ? limits.length / committedFunders.size : 0;
  return {
    ageYears: d.ageYears,
    reasons: d.reasons,
    needCents: d.needCents,
    committedCents: d.committedCents,
    coverage: d.coverage,
    shortTermShare: d.shortTermShare,
    fundersAtLimit: limits.map((g) => ({ funderId: g.subjectId, limitDate: g.periodStart })),
    firstShortfall: shortfall ? { periodStart: shortfall.periodStart, periodEnd: shortfall.periodEnd, shortfallCents: shortfall.shortfallCents } : null,
    riskScore: uncovered + (d.shortTermShare ?? 0) + limitShare,
  };
}
