// The shapes the analytics endpoints answer, as the tests read them, and a small helper for
// "a funder (or initiative) user and its token".
import type { Knex } from 'knex';
import type {
  Cofunding,
  CoverageAnswer,
  FragmentationAnswer,
  GroupStats,
  PortfolioFragmentation,
  RiskEntry,
  RunwayAnswer,
  TotalStats,
} from '../../server/contract/figures.js';
import { makeUser, tokenFor } from '../support/factories.js';

export type RunwayBody = RunwayAnswer;
export type CoverageBody = CoverageAnswer;
export type FragmentationBody = FragmentationAnswer;
export type GroupBody = GroupStats;
export type TotalBody = TotalStats;
export type PortfolioBody = PortfolioFragmentation;
export type RiskBody = RiskEntry;
export type { Cofunder, CofundingInitiative } from '../../server/contract/figures.js';
export type CofundingBody = Cofunding;

/** A session token for a new funder user bound to `funderId`. */
export async function funderUserToken(db: Knex, funderId: number): Promise<string> {
  return tokenFor(db, await makeUser(db, 'funder', { funderId: funderId }));
}

/** A session token for a new initiative user bound to `initiativeId`. */
export async function initiativeUserToken(db: Knex, initiativeId: number): Promise<string> {
  return tokenFor(db, await makeUser(db, 'initiative', { initiativeId: initiativeId }));
}

/** Today in the Netherlands, computed here independently of server/services/clock.ts. */
export function amsterdamToday(): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date());
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
