// The shapes the analytics endpoints answer, as the tests read them, and a small helper for
// "a funder (or initiative) user and its token".
import type { Knex } from 'knex';
import type { GroupStats, TotalStats } from '../../server/data/portfolioStats.js';
import type { Cofunding, RiskEntry } from '../../server/records.js';
import { makeUser, tokenFor } from '../support/factories.js';

export interface RunwayBody {
  initiativeId: number;
  asOf: string;
  scenario: string;
  runwayMonths: number;
  fundedThrough: string | null;
  horizonReached: boolean;
  months: { month: string; needCents: number; fundingCents: number; balanceCents: number }[];
}

export interface YearCoverageBody {
  year: number;
  needCents: number;
  needEstimated: boolean;
  committedCents: number;
  pipelineCents: number;
  coverage: number | null;
  committedByFunderId: Record<string, number>;
  committedByFunderType: Record<string, number>;
}

export interface FunderFigure {
  id: number;
  name: string;
  type: string;
  committedCents: number;
}

export interface CoverageBody {
  initiativeId: number;
  from: number;
  budgetThrough: number | null;
  years: YearCoverageBody[];
  funders: FunderFigure[];
}

export interface FragmentationBody {
  initiativeId: number;
  year: number;
  fundingCents: number;
  funderCount: number;
  commitmentCount: number;
  shareByFunderType: Record<string, number>;
  hhi: number | null;
  effectiveFunders: number | null;
  shortTermShare: number | null;
  meanCommitmentMonths: number | null;
  funders: (FunderFigure & { share: number | null })[];
}

export type GroupBody = GroupStats;
export type TotalBody = TotalStats;

export interface PortfolioBody {
  year: number;
  years: number;
  groupBy: string;
  groups: GroupBody[];
  totals: TotalBody[];
}

export type RiskBody = RiskEntry;

export type { Cofunder, CofundingInitiative } from '../../server/records.js';
export type CofundingBody = Cofunding;

/** A session token for a new funder user bound to `funderId`. */
export async function funderUserToken(db: Knex, funderId: number): Promise<string> {
  return tokenFor(db, await makeUser(db, 'funder', { funder_id: funderId }));
}

/** A session token for a new initiative user bound to `initiativeId`. */
export async function initiativeUserToken(db: Knex, initiativeId: number): Promise<string> {
  return tokenFor(db, await makeUser(db, 'initiative', { initiative_id: initiativeId }));
}

/** Today in the Netherlands, computed here independently of server/services/clock.ts. */
export function amsterdamToday(): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date());
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
