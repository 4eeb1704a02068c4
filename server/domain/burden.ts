// design/reporting.md, "Figures": the reporting burden of an initiative in a year is the number of
// obligations due that year, the number of distinct funders asking them, and obligations per
// € 10.000 (1,000,000 cents) of committed funding attributed to that year (DESIGN.md, "Funding
// timing"). A waived obligation was lifted by its funder and counts for nothing.
import { yearOf } from './dates.js';
import type { ObligationStatus } from './enums.js';
import type { IsoDate } from './types.js';

export const CENTS_PER_10K = 1_000_000;

export interface BurdenObligation {
  funderId: number;
  dueOn: IsoDate;
  status: ObligationStatus;
}

export interface Burden {
  obligationCount: number;
  funderCount: number;
  committedCents: number;
  /** null when nothing is committed for the year. */
  obligationsPer10k: number | null;
}

/** Obligations per € 10.000 of committed funding; null without committed funding. */
export const per10k = (obligationCount: number, committedCents: number): number | null => (committedCents > 0 ? (obligationCount * CENTS_PER_10K) / committedCents : null);

/** The burden of the obligations due in `year`, against that year's committed funding. */
export function burdenOf(obligations: readonly BurdenObligation[], year: number, committedCents: number): Burden {
  const due = obligations.filter((o) => o.status !== 'waived' && yearOf(o.dueOn) === year);
  const obligationCount = due.length;
  return { obligationCount, funderCount: new Set(due.map((o) => o.funderId)).size, committedCents, obligationsPer10k: per10k(obligationCount, committedCents) };
}
