// The co-financing view (DESIGN.md, "Who": a funder "sees who else funds the initiatives it
// funds, for how long"): each funder of an initiative, how firm its money is, how much of it falls
// in the coming years and until when it runs — so a finished funder or a mere application never
// looks like one that pays. The money follows "Funding timing" (allocation.ts).
import { countsIn, monthlyFundingByCommitment, roundCents } from './allocation.js';
import { COFUNDER_GROUPS, type CofunderGroup, type CommitmentStatus, type FunderType } from './enums.js';
import { monthOf, monthsStarting } from './dates.js';
import type { LoadedCommitment, InitiativeFunding, IsoDate } from './types.js';

/** The order a funder's statuses are summarised in: the firmest money first. */
const FIRMEST_FIRST: readonly CommitmentStatus[] = ['committed', 'completed', 'conditional', 'requested'];

export interface Cofunder {
  id: number;
  name: string;
  type: FunderType;
  /**
   * `current`: a committed or completed commitment runs at `asOf` or starts later; `past`: it has
   * committed or completed commitments, all ended before `asOf`; `pipeline`: only requested or
   * conditional ones.
   */
  group: CofunderGroup;
  /** how many of its commitments have each status, firmest first (declined and withdrawn ones count nowhere) */
  statuses: { status: CommitmentStatus; count: number }[];
  /** its committed and completed funding on the days of the window (whole cents) */
  committedCents: number;
  /** the latest end date of the commitments that decide its group: the committed and completed ones, for `pipeline` the requested and conditional ones */
  endDate: IsoDate;
}

function latestEnd(commitments: readonly LoadedCommitment[]): IsoDate {
  return commitments.reduce((latest, c) => (c.endDate > latest ? c.endDate : latest), '');
}

function groupOf(committed: readonly LoadedCommitment[], asOf: IsoDate): CofunderGroup {
  if (committed.length === 0) return 'pipeline';
  return committed.some((c) => c.endDate >= asOf) ? 'current' : 'past';
}

/**
 * Every funder with a commitment that counts in the pipeline scenario, with its committed funding
 * over `months` months from the month of `asOf`. Ordered current, pipeline, past; within a group
 * by that funding (largest first), then the latest end date (latest first), then name.
 */
export function cofunders(funding: Pick<InitiativeFunding, 'commitments' | 'funders'>, asOf: IsoDate, months: number): Cofunder[] {
  const window = monthsStarting(monthOf(asOf), months);
  const centsByFunder = new Map<number, number>();
  for (const { commitment, cents } of monthlyFundingByCommitment(funding.commitments, window, 'committed')) {
    centsByFunder.set(commitment.funderId, cents.reduce((sum, c) => sum + c, centsByFunder.get(commitment.funderId) ?? 0));
  }
  const byFunder = new Map<number, LoadedCommitment[]>();
  for (const c of funding.commitments) {
    if (countsIn(c.status, 'pipeline')) byFunder.set(c.funderId, [...(byFunder.get(c.funderId) ?? []), c]);
  }
  const result = [...byFunder].map(([id, commitments]): Cofunder => {
    const funder = funding.funders.get(id);
    const committed = commitments.filter((c) => countsIn(c.status, 'committed'));
    const group = groupOf(committed, asOf);
    return {
      id,
      name: funder?.name ?? '',
      type: funder?.type ?? commitments[0]!.funderType,
      group,
      statuses: FIRMEST_FIRST.map((status) => ({ status, count: commitments.filter((c) => c.status === status).length })).filter((s) => s.count > 0),
      committedCents: roundCents(centsByFunder.get(id) ?? 0),
      endDate: latestEnd(group === 'pipeline' ? commitments : committed),
    };
  });
  return result.sort(
    (a, b) =>
      COFUNDER_GROUPS.indexOf(a.group) - COFUNDER_GROUPS.indexOf(b.group) ||
      b.committedCents - a.committedCents ||
      (a.endDate === b.endDate ? 0 : a.endDate > b.endDate ? -1 : 1) ||
      a.name.localeCompare(b.name, 'nl') ||
      a.id - b.id,
  );
}
