// A small portfolio whose gaps at AS_OF are worked out by hand below (DESIGN.md, "Gaps"), and the
// stale open gaps a scan must update or resolve.
//
// AS_OF 2027-03-15: the horizon runs over the 60 months 2027-03 .. 2032-02 (horizon end
// 2032-02-29); severity is `high` before 2027-09-15, `medium` before 2028-03-15, else `low`.
// Every budget and commitment is 1_000 or 2_000 cents a day, so monthly figures are whole cents.
// Budgets of 0 end the need where the hand-worked gaps say "no need" (a budget otherwise carries
// forward). No initiative has reserves, so the runway ends with the last fully funded month.
import type { Knex } from 'knex';
import { makeBudget, makeCommitment, makeFunder, makeInitiative, makeTranche } from '../support/factories.js';
import type { GapShape } from './support.js';

export const AS_OF = '2027-03-15';

export interface Portfolio {
  /** the initiatives, by their role in the fixture */
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  ids: number[];
  /** the open gaps a scan at AS_OF leaves, per initiative */
  expected: Map<number, GapShape[]>;
  /** stale open gaps written before the scan */
  staleOfA: number;
  staleOfB: number;
  staleOfD: number;
}

async function staleGap(db: Knex, initiativeId: number, kind: string, periodStart: string, periodEnd: string, shortfallCents = 0): Promise<number> {
  const [row] = await db('gaps')
    .insert({ initiative_id: initiativeId, kind, period_start: periodStart, period_end: periodEnd, shortfall_cents: shortfallCents, severity: 'low' })
    .returning<{ id: number }[]>('id');
  return row!.id;
}

export async function buildPortfolio(db: Knex): Promise<Portfolio> {
  const f1 = await makeFunder(db, { type: 'municipality' });
  const f2 = await makeFunder(db, { type: 'foundation', maxFundingYears: 3 });
  const f3 = await makeFunder(db, { type: 'company' });

  // A, 3 years old. Need 2027: 1_000 a day. Committed only C1 (f1): 2027-01-01..2027-06-30,
  // 181 days × 1_000. A requested follow-up from f3 for the second half counts for nothing.
  // - shortfall: July..December unfunded, 31+31+30+31+30+31 = 184 days → 184_000, high
  // - cliff: July 0 after June's 30_000; C1 ended in June
  // - expiring: C1 ends 2027-06-30 < 2027-09-15 and f1 has nothing after it; period is C1's
  // A's stale shortfall (August) overlaps the new one, so the scan updates it in place.
  const a = await makeInitiative(db, { foundedOn: '2024-01-01' });
  await makeBudget(db, a, { year: 2027, amountCents: 365_000 });
  await makeBudget(db, a, { year: 2028, amountCents: 0 });
  const c1 = await makeCommitment(db, a, f1, { startDate: '2027-01-01', endDate: '2027-06-30', amountCents: 181_000 });
  await makeCommitment(db, a, f3, { status: 'requested', startDate: '2027-07-01', endDate: '2027-12-31', amountCents: 184_000 });
  const staleOfA = await staleGap(db, a, 'shortfall', '2027-08-01', '2027-08-31', 31_000);

  // B, funded 1_000 a day from 2027 to 2032 against a need of 1_000 a day in 2027: no gap at all.
  // Its stale shortfall (May) is resolved.
  const b = await makeInitiative(db, { foundedOn: '2024-01-01' });
  await makeBudget(db, b, { year: 2027, amountCents: 365_000 });
  await makeBudget(db, b, { year: 2028, amountCents: 0 });
  await makeCommitment(db, b, f1, { startDate: '2027-01-01', endDate: '2032-12-31', amountCents: 2_192_000 });
  const staleOfB = await staleGap(db, b, 'shortfall', '2027-05-01', '2027-05-31', 31_000);

  // C, founded 2022-06-01: 4 years old (at risk from 2026-06-01 up to 2028-05-31). Need 2027:
  // 1_000 a day, 2028: 2_000 a day. C2 (f2, at most 3 years): 2025-01-01..2027-12-31, 1_000 a day.
  // - shortfall: all of 2028 unfunded, 366 × 2_000 = 732_000, medium
  // - cliff: January 2028 gets 0 after December's 31_000; C2 ended in December; medium
  // - funder_limit: 2025-01-01 + 3 years = 2028-01-01, with need in 2028; runs to the horizon's end
  // - five_year_risk: the 12 months 2027-03..2028-02 need 306 × 1_000 + 60 × 2_000 = 426_000 and
  //   have 306_000 committed: 71.8% < 75%. C2 lasts 36 months, so no short-term funding.
  const c = await makeInitiative(db, { foundedOn: '2022-06-01' });
  await makeBudget(db, c, { year: 2027, amountCents: 365_000 });
  await makeBudget(db, c, { year: 2028, amountCents: 732_000 });
  await makeBudget(db, c, { year: 2029, amountCents: 0 });
  const c2 = await makeCommitment(db, c, f2, { startDate: '2025-01-01', endDate: '2027-12-31', amountCents: 1_095_000 });

  // D stopped: whatever its funding, it has no gaps, and its stale one is resolved.
  const d = await makeInitiative(db, { foundedOn: '2020-01-01', status: 'stopped' });
  await makeBudget(db, d, { year: 2027, amountCents: 365_000 });
  const staleOfD = await staleGap(db, d, 'five_year_risk', '2024-01-01', '2025-12-31');

  // E, 2 years old. Need 2027 and 2029: 1_000 a day. CE (f1) covers 2027 in two tranches, the
  // second (July..December) cancelled, so only January..June is funded.
  // - shortfall: July..December 2027, 184_000, high; and all of 2029, 365_000, low
  // - cliff: July 0 after June's 30_000; CE ends in December, so no commitment ended in June
  const e = await makeInitiative(db, { foundedOn: '2025-01-01' });
  await makeBudget(db, e, { year: 2027, amountCents: 365_000 });
  await makeBudget(db, e, { year: 2028, amountCents: 0 });
  await makeBudget(db, e, { year: 2029, amountCents: 365_000 });
  await makeBudget(db, e, { year: 2030, amountCents: 0 });
  const ce = await makeCommitment(db, e, f1, { startDate: '2027-01-01', endDate: '2027-12-31', amountCents: 365_000 });
  await makeTranche(db, ce, { periodStart: '2027-01-01', periodEnd: '2027-06-30', amountCents: 181_000 });
  await makeTranche(db, ce, { periodStart: '2027-07-01', periodEnd: '2027-12-31', amountCents: 184_000, status: 'cancelled' });

  // runs of months short of funding: their size, largest month, and how long the runway lasts
  const shortfallOf = (first: string, last: string, months: number, totalCents: number, largestMonth: string, largestMonthCents: number, budgetThrough: number, fundedThrough: string, runwayMonths: number) => ({
    months,
    firstMonth: first,
    lastMonth: last,
    totalCents,
    largestMonth,
    largestMonthCents,
    needEstimated: false,
    budgetThrough,
    fundedThrough,
    runwayMonths,
    reservesCents: 0,
    toleranceCents: 1_000,
  });
  const cliffOf = (month: string, previousFundingCents: number, endingCommitmentIds: number[]) => ({
    month,
    previousFundingCents,
    fundingCents: 0,
    dropCents: previousFundingCents,
    dropShare: 1,
    endingCommitmentIds,
    cliffPercent: 70,
  });

  const expected = new Map<number, GapShape[]>([
    [
      a,
      [
        // March..June funded exactly: a runway of 4 months, through 2027-06-30
        {
          kind: 'shortfall',
          periodStart: '2027-07-01',
          periodEnd: '2027-12-31',
          shortfallCents: 184_000,
          severity: 'high',
          details: shortfallOf('2027-07', '2027-12', 6, 184_000, '2027-07', 31_000, 2028, '2027-06-30', 4),
        },
        { kind: 'cliff', periodStart: '2027-07-01', periodEnd: '2027-07-31', shortfallCents: 0, severity: 'high', details: cliffOf('2027-07', 30_000, [c1]) },
        {
          kind: 'expiring',
          periodStart: '2027-01-01',
          periodEnd: '2027-06-30',
          shortfallCents: 0,
          severity: 'high',
          // June is 3 months after March
          details: { commitmentId: c1, funderId: f1, startDate: '2027-01-01', endDate: '2027-06-30', amountCents: 181_000, monthsLeft: 3, expiringWithinMonths: 6 },
        },
      ],
    ],
    [b, []],
    [
      c,
      [
        // March..December 2027 funded exactly: a runway of 10 months; January 2028 misses 62_000
        {
          kind: 'shortfall',
          periodStart: '2028-01-01',
          periodEnd: '2028-12-31',
          shortfallCents: 732_000,
          severity: 'medium',
          details: shortfallOf('2028-01', '2028-12', 12, 732_000, '2028-01', 62_000, 2029, '2027-12-31', 10),
        },
        { kind: 'cliff', periodStart: '2028-01-01', periodEnd: '2028-01-31', shortfallCents: 0, severity: 'medium', details: cliffOf('2028-01', 31_000, [c2]) },
        {
          kind: 'funder_limit',
          periodStart: '2028-01-01',
          periodEnd: '2032-02-29',
          shortfallCents: 0,
          severity: 'medium',
          details: { funderId: f2, firstStartDate: '2025-01-01', maxFundingYears: 3, limitDate: '2028-01-01' },
        },
        {
          kind: 'five_year_risk',
          periodStart: '2026-06-01',
          periodEnd: '2028-05-31',
          shortfallCents: 0,
          severity: 'high',
          details: {
            reasons: ['low_coverage'],
            ageYears: 4,
            windowFirstMonth: '2027-03',
            windowLastMonth: '2028-02',
            needCents: 426_000,
            committedCents: 306_000,
            shortTermCents: 0,
            coverage: 306_000 / 426_000,
            shortTermShare: 0,
            coverageThreshold: 0.75,
            shortTermThreshold: 0.5,
            needEstimated: false,
          },
        },
      ],
    ],
    [d, []],
    [
      e,
      [
        {
          kind: 'shortfall',
          periodStart: '2027-07-01',
          periodEnd: '2027-12-31',
          shortfallCents: 184_000,
          severity: 'high',
          details: shortfallOf('2027-07', '2027-12', 6, 184_000, '2027-07', 31_000, 2030, '2027-06-30', 4),
        },
        {
          kind: 'shortfall',
          periodStart: '2029-01-01',
          periodEnd: '2029-12-31',
          shortfallCents: 365_000,
          severity: 'low',
          details: shortfallOf('2029-01', '2029-12', 12, 365_000, '2029-01', 31_000, 2030, '2027-06-30', 4),
        },
        { kind: 'cliff', periodStart: '2027-07-01', periodEnd: '2027-07-31', shortfallCents: 0, severity: 'high', details: cliffOf('2027-07', 30_000, []) },
      ],
    ],
  ]);
  return { a, b, c, d, e, ids: [a, b, c, d, e], expected, staleOfA, staleOfB, staleOfD };
}
