// The policy simulator (design/cofinancing.md): a rule changes every initiative's loaded funding as
// a policy would, and the same gap and fragmentation functions as a scan measure the portfolio as
// it is and as it would be. Pure: the simulation job loads, these compute.
import type { FunderType } from './enums.js';
import { computeFragmentation } from './fragmentation.js';
import { addDays, addMonths, addMonthsToMonth, addYears, firstDayOfMonth, lastDayOfMonth, monthOf, toEpochDay, yearOf } from './dates.js';
import { findGaps } from './gaps.js';
import { isShortTerm } from './length.js';
import { DEFAULT_SETTINGS, type DomainSettings } from './settings.js';
import type { InitiativeFunding, IsoDate, LoadedCommitment } from './types.js';

export type SimulationRule =
  | { rule: 'extend_short_term'; funderTypes: readonly FunderType[]; toMonths: number }
  | { rule: 'renew_expiring'; funderTypes: readonly FunderType[]; years: number }
  | { rule: 'raise_max_funding_years'; funderTypes: readonly FunderType[]; years: number };

const days = (start: IsoDate, end: IsoDate) => toEpochDay(end) - toEpochDay(start) + 1;

/** The commitments a rule is about: committed or completed, of those funder types, ending within the horizon. */
function endsWithinHorizon(c: LoadedCommitment, types: ReadonlySet<FunderType>, from: IsoDate, to: IsoDate): boolean {
  return (c.status === 'committed' || c.status === 'completed') && types.has(c.funderType) && c.endDate >= from && c.endDate <= to;
}

/** The money of `extraDays` more days at the commitment's own daily amount, in whole cents. */
function atSameDailyAmount(c: LoadedCommitment, extraDays: number): number {
  return Math.round((c.amountCents * extraDays) / days(c.startDate, c.endDate));
}

/**
 * The funding as it would be under the rule, at `asOf` (the horizon of the gap scan). New money
 * runs at the same daily amount: an extended commitment gets one more tranche (or, untranched, a
 * longer period and a larger amount), a renewal is a new commitment with a negative id.
 */
export function applyRule(funding: InitiativeFunding, rule: SimulationRule, asOf: IsoDate, settings: DomainSettings = DEFAULT_SETTINGS): InitiativeFunding {
  const types = new Set(rule.funderTypes);
  const from = firstDayOfMonth(monthOf(asOf));
  const to = lastDayOfMonth(addMonthsToMonth(monthOf(asOf), settings.horizonMonths - 1));
  switch (rule.rule) {
    case 'extend_short_term': {
      const commitments = funding.commitments.map((c) => {
        if (!endsWithinHorizon(c, types, from, to) || !isShortTerm(c.startDate, c.endDate, settings)) return c;
        const endDate = addDays(addMonths(c.startDate, rule.toMonths), -1);
        if (endDate <= c.endDate) return c;
        const extra = atSameDailyAmount(c, days(addDays(c.endDate, 1), endDate));
        const tranches = c.tranches.length ? [...c.tranches, { id: -c.id, periodStart: addDays(c.endDate, 1), periodEnd: endDate, amountCents: extra, status: 'planned' as const }] : [];
        return { ...c, endDate, amountCents: c.amountCents + extra, tranches };
      });
      return { ...funding, commitments };
    }
    case 'renew_expiring': {
      const renewals = funding.commitments
        .filter((c) => endsWithinHorizon(c, types, from, to))
        .map((c, i): LoadedCommitment => {
          const startDate = addDays(c.endDate, 1);
          const endDate = addDays(addYears(startDate, rule.years), -1);
          return { ...c, id: -(i + 1), status: 'committed', startDate, endDate, amountCents: atSameDailyAmount(c, days(startDate, endDate)), tranches: [] };
        });
      return { ...funding, commitments: [...funding.commitments, ...renewals] };
    }
    case 'raise_max_funding_years': {
      const funders = new Map(
        [...funding.funders].map(([id, f]) => [id, types.has(f.type) && f.maxFundingYears !== null && f.maxFundingYears < rule.years ? { ...f, maxFundingYears: rule.years } : f]),
      );
      return { ...funding, funders };
    }
  }
}

/** What the simulator counts of one initiative. */
export interface InitiativeOutlook {
  fiveYearRisk: boolean;
  /** a shortfall starting within the next 24 months */
  shortfallSoon: boolean;
  /** the shortfall over the horizon */
  shortfallCents: number;
  effectiveFunders: number | null;
  shortTermShare: number | null;
}

export const SHORTFALL_SOON_MONTHS = 24;

/** The outlook of one initiative at `asOf`: its gaps as a scan finds them, and its fragmentation in the year of `asOf`. */
export function outlookOf(funding: InitiativeFunding, asOf: IsoDate, settings: DomainSettings = DEFAULT_SETTINGS): InitiativeOutlook {
  const gaps = findGaps(funding, asOf, settings);
  const soon = addMonths(firstDayOfMonth(monthOf(asOf)), SHORTFALL_SOON_MONTHS);
  const fragmentation = computeFragmentation(funding, yearOf(asOf), settings);
  return {
    fiveYearRisk: gaps.some((g) => g.kind === 'five_year_risk'),
    shortfallSoon: gaps.some((g) => g.kind === 'shortfall' && g.periodStart < soon),
    shortfallCents: gaps.reduce((sum, g) => sum + (g.kind === 'shortfall' ? g.shortfallCents : 0), 0),
    effectiveFunders: fragmentation.effectiveFunders,
    shortTermShare: fragmentation.shortTermShare,
  };
}

/** The figures of a group of initiatives, summed as the outlooks come in. */
export interface GroupTally {
  initiatives: number;
  fiveYearRisk: number;
  shortfallSoon: number;
  shortfallCents: number;
  effectiveFundersSum: number;
  effectiveFundersCount: number;
  shortTermShareSum: number;
  shortTermShareCount: number;
}

export const emptyTally = (): GroupTally => ({
  initiatives: 0,
  fiveYearRisk: 0,
  shortfallSoon: 0,
  shortfallCents: 0,
  effectiveFundersSum: 0,
  effectiveFundersCount: 0,
  shortTermShareSum: 0,
  shortTermShareCount: 0,
});

export function addToTally(t: GroupTally, o: InitiativeOutlook): void {
  t.initiatives += 1;
  if (o.fiveYearRisk) t.fiveYearRisk += 1;
  if (o.shortfallSoon) t.shortfallSoon += 1;
  t.shortfallCents += o.shortfallCents;
  if (o.effectiveFunders !== null) {
    t.effectiveFundersSum += o.effectiveFunders;
    t.effectiveFundersCount += 1;
  }
  if (o.shortTermShare !== null) {
    t.shortTermShareSum += o.shortTermShare;
    t.shortTermShareCount += 1;
  }
}

/** A group's figures as the result shows them: counts, the total shortfall, means over the funded initiatives. */
export interface GroupFigures {
  initiatives: number;
  fiveYearRisk: number;
  shortfallSoon: number;
  shortfallCents: number;
  meanEffectiveFunders: number | null;
  meanShortTermShare: number | null;
}

export function figuresOf(t: GroupTally): GroupFigures {
  return {
    initiatives: t.initiatives,
    fiveYearRisk: t.fiveYearRisk,
    shortfallSoon: t.shortfallSoon,
    shortfallCents: t.shortfallCents,
    meanEffectiveFunders: t.effectiveFundersCount ? t.effectiveFundersSum / t.effectiveFundersCount : null,
    meanShortTermShare: t.shortTermShareCount ? t.shortTermShareSum / t.shortTermShareCount : null,
  };
}

/** The funder types an initiative counts under: those of its counted commitments' funders. */
export function funderTypesOf(funding: InitiativeFunding): FunderType[] {
  return [...new Set(funding.commitments.map((c) => c.funderType))].sort();
}
