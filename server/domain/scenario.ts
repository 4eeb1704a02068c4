// What-if scenarios (design/cofinancing.md): a scenario is a set of changes to an initiative's
// loaded funding. `applyScenario` makes the changed funding, and the same runway, coverage and gap
// functions as everywhere else compute its figures — there is no second implementation.
import { computeCoverage, type YearCoverage } from './coverage.js';
import type { CommitmentKind, FunderType } from './enums.js';
import { toEpochDay, yearOf } from './dates.js';
import { findGaps, type FoundGap } from './gaps.js';
import { computeRunway, type Runway } from './runway.js';
import { DEFAULT_SETTINGS, type DomainSettings } from './settings.js';
import type { InitiativeFunding, LoadedBudget, LoadedCommitment, LoadedFunder, IsoDate } from './types.js';

/** A commitment that does not exist: of a known funder, or of a funder of a type only. */
export interface HypotheticalCommitment {
  funder: LoadedFunder;
  amountCents: number;
  startDate: IsoDate;
  endDate: IsoDate;
}

export interface ScenarioChanges {
  /** Requested or conditional commitments counted as committed. */
  include: readonly number[];
  /** Commitments left out. */
  exclude: readonly number[];
  add: readonly HypotheticalCommitment[];
  /** Replace the budget of that year, or add one. */
  budgets: readonly LoadedBudget[];
  reservesCents: number | null;
}

export const NO_CHANGES: ScenarioChanges = { include: [], exclude: [], add: [], budgets: [], reservesCents: null };

/** The kind a funder's commitment usually has: what confirming a pledge and a hypothetical commitment create. */
export const KIND_OF_FUNDER_TYPE: Readonly<Record<FunderType, CommitmentKind>> = {
  municipality: 'subsidy',
  province: 'subsidy',
  national: 'subsidy',
  foundation: 'grant',
  company: 'sponsorship',
  health_insurer: 'contract',
  other: 'donation',
};

/** A funder that exists only in a scenario: negative ids never clash with stored ones. */
export function hypotheticalFunder(index: number, type: FunderType): LoadedFunder {
  return { id: -(index + 1), name: '', type, maxFundingYears: null };
}

/**
 * The funding as it would be with the changes. Pure: the loaded funding is not touched.
 * A hypothetical commitment has no tranches, so its money is spread evenly over its period, and
 * gets a negative id (−1, −2, … in the order given).
 */
export function applyScenario(funding: InitiativeFunding, changes: ScenarioChanges): InitiativeFunding {
  const include = new Set(changes.include);
  const exclude = new Set(changes.exclude);
  const commitments: LoadedCommitment[] = funding.commitments
    .filter((c) => !exclude.has(c.id))
    .map((c) => (include.has(c.id) && (c.status === 'requested' || c.status === 'conditional') ? { ...c, status: 'committed' as const } : c));
  const funders = new Map(funding.funders);
  changes.add.forEach((h, i) => {
    if (!funders.has(h.funder.id)) funders.set(h.funder.id, h.funder);
    commitments.push({
      id: -(i + 1),
      funderId: h.funder.id,
      funderType: h.funder.type,
      kind: KIND_OF_FUNDER_TYPE[h.funder.type],
      status: 'committed',
      startDate: h.startDate,
      endDate: h.endDate,
      amountCents: h.amountCents,
      tranches: [],
    });
  });
  const budgets = new Map(funding.budgets.map((b) => [b.year, b.amountCents]));
  for (const b of changes.budgets) budgets.set(b.year, b.amountCents);
  return {
    ...funding,
    reservesCents: changes.reservesCents ?? funding.reservesCents,
    budgets: [...budgets].sort(([a], [b]) => a - b).map(([year, amountCents]) => ({ year, amountCents })),
    commitments,
    funders,
  };
}

function overlaps(a: Pick<FoundGap, 'periodStart' | 'periodEnd'>, b: Pick<FoundGap, 'periodStart' | 'periodEnd'>): boolean {
  return Math.max(toEpochDay(a.periodStart), toEpochDay(b.periodStart)) <= Math.min(toEpochDay(a.periodEnd), toEpochDay(b.periodEnd));
}

/** Whether a gap of the one picture is the same gap as one of the other: a scan's matching rule (domain/gapMatching.ts). */
function sameGap(a: FoundGap, b: FoundGap): boolean {
  return a.kind === b.kind && a.subjectId === b.subjectId && (a.kind === 'expiring' || overlaps(a, b));
}

/** The gaps of the base that the scenario no longer has, and the scenario's gaps the base does not have. */
export function gapChanges(base: readonly FoundGap[], scenario: readonly FoundGap[]): { disappear: FoundGap[]; appear: FoundGap[] } {
  return {
    disappear: base.filter((b) => !scenario.some((s) => sameGap(b, s))),
    appear: scenario.filter((s) => !base.some((b) => sameGap(b, s))),
  };
}

/** The figures of one picture of an initiative's funding: runway, five years of coverage, the gaps a scan would find. */
export interface FundingPicture {
  runway: Runway;
  coverage: YearCoverage[];
  gaps: FoundGap[];
}

export const PICTURE_YEARS = 5;

export function fundingPicture(funding: InitiativeFunding, asOf: IsoDate, settings: DomainSettings = DEFAULT_SETTINGS): FundingPicture {
  return {
    runway: computeRunway(funding, asOf, 'committed', settings),
    coverage: computeCoverage(funding, yearOf(asOf), PICTURE_YEARS),
    gaps: findGaps(funding, asOf, settings),
  };
}
