// DESIGN.md, "Fragmentation" of an initiative in a year, over committed funding attributed to that
// year: number of funders, share per funder type, HHI = Σ (share of each funder)² (1 = one
// funder), effective number of funders = 1 / HHI, short-term share, and mean commitment length.
// "The commitments that fund that year" are the committed or completed ones with a non-zero
// amount attributed to the year; the mean length is the plain (unweighted) mean of their lengths
// in whole months. Shares are taken of the unrounded amounts and are null when nothing is funded.
import { commitmentYearCents, countsIn, roundCents } from './allocation.js';
import type { FunderType } from './enums.js';
import { isShortTerm, lengthInMonths } from './length.js';
import { DEFAULT_SETTINGS, type DomainSettings } from './settings.js';
import type { InitiativeFunding } from './types.js';

export interface Fragmentation {
  year: number;
  fundingCents: number;
  funderCount: number;
  commitmentCount: number;
  shareByFunderType: Partial<Record<FunderType, number>>;
  hhi: number | null;
  effectiveFunders: number | null;
  shortTermShare: number | null;
  meanCommitmentMonths: number | null;
}

export function computeFragmentation(
  initiative: Pick<InitiativeFunding, 'commitments'>,
  year: number,
  settings: Pick<DomainSettings, 'shortTermMonths'> = DEFAULT_SETTINGS,
): Fragmentation {
  let total = 0;
  let shortTerm = 0;
  const lengths: number[] = [];
  const byFunder = new Map<number, number>();
  const byType = new Map<FunderType, number>();
  for (const c of initiative.commitments) {
    if (!countsIn(c.status, 'committed')) continue;
    const cents = commitmentYearCents(c, year);
    if (cents === 0) continue;
    total += cents;
    if (isShortTerm(c.startDate, c.endDate, settings)) shortTerm += cents;
    lengths.push(lengthInMonths(c.startDate, c.endDate));
    byFunder.set(c.funderId, (byFunder.get(c.funderId) ?? 0) + cents);
    byType.set(c.funderType, (byType.get(c.funderType) ?? 0) + cents);
  }

  const funded = total > 0;
  const hhi = funded ? [...byFunder.values()].reduce((sum, cents) => sum + (cents / total) ** 2, 0) : null;
  const shareByFunderType: Partial<Record<FunderType, number>> = {};
  if (funded) for (const [type, cents] of byType) shareByFunderType[type] = cents / total;
  return {
    year,
    fundingCents: roundCents(total),
    funderCount: byFunder.size,
    commitmentCount: lengths.length,
    shareByFunderType,
    hhi,
    effectiveFunders: hhi === null ? null : 1 / hhi,
    shortTermShare: funded ? shortTerm / total : null,
    meanCommitmentMonths: mean(lengths),
  };
}

/** Arithmetic mean; null for an empty list. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Middle value, the mean of the two middle ones for an even count; null for an empty list. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

/** For portfolio statistics: count, mean and median of the values that are not null. */
export function summarize(values: readonly (number | null)[]): { count: number; mean: number | null; median: number | null } {
  const present = values.filter((v): v is number => v !== null);
  return { count: present.length, mean: mean(present), median: median(present) };
}
