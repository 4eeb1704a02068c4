import { expect } from 'chai';
import type { GapKind } from './enums.js';
import type { FiveYearRiskDetails } from './gapDetails.js';
import { findGaps, firstDayLookedAt, severityOf, type FoundGap } from './gaps.js';
import { withDefaults } from './settings.js';
import { commitment, funder, initiative, spread, tranche, thousandADay } from './testFactories.js';
import type { LoadedCommitment, InitiativeFunding, IsoDate } from './types.js';


function gapsOf(kind: GapKind, subject: InitiativeFunding, asOf: IsoDate): FoundGap[] {
  return findGaps(subject, asOf).filter((g) => g.kind === kind);
}

describe('findGaps', () => {
  describe('shortfall', () => {
    // need 1_000 a day in 2026 and 2028, explicitly none in 2027 and from 2029. Committed: 74_000
    // over 2026-01-01..2026-03-15 (74 days, 1_000 a day), so March gets 15_000 of its 31_000.
    const subject = initiative({
      budgets: [thousandADay(2026), { year: 2027, amountCents: 0 }, thousandADay(2028), { year: 2029, amountCents: 0 }],
      commitments: [spread('2026-01-01', '2026-03-15', 74_000), spread('2026-01-01', '2026-12-31', 365_000, 'requested')],
    });

    // both runs: the largest month misses 31_000; budgets through 2029; no reserves, so the
    // runway ends with February 2026, the last month its funding carries
    const run = (firstMonth: string, lastMonth: string, months: number, totalCents: number, largestMonth: string) => ({
      months,
      firstMonth,
      lastMonth,
      totalCents,
      largestMonth,
      largestMonthCents: 31_000,
      needEstimated: false,
      budgetThrough: 2029,
      fundedThrough: '2026-02-28',
      runwayMonths: 2,
      reservesCents: 0,
      toleranceCents: 1_000,
    });

    it('finds each maximal run of underfunded months, adding up what is missing', () => {
      // run 1: March 31_000 − 15_000 = 16_000, April..December 275 days × 1_000 = 275_000 → 291_000
      // 2027 has no need, which ends the run; run 2: all of 2028, 366_000. The largest month is the
      // first with 31_000 missing (May); January and February are carried by their funding alone
      // (no reserves), so the runway ends with February.
      expect(gapsOf('shortfall', subject, '2026-01-10')).to.deep.equal([
        {
          kind: 'shortfall',
          periodStart: '2026-03-01',
          periodEnd: '2026-12-31',
          shortfallCents: 291_000,
          severity: 'high',
          details: run('2026-03', '2026-12', 10, 291_000, '2026-05'),
          subjectId: 0,
          commitmentId: null,
        },
        {
          kind: 'shortfall',
          periodStart: '2028-01-01',
          periodEnd: '2028-12-31',
          shortfallCents: 366_000,
          severity: 'low',
          details: run('2028-01', '2028-12', 12, 366_000, '2028-01'),
          subjectId: 0,
          commitmentId: null,
        },
      ]);
    });

    it('ends a run at the horizon', () => {
      const longNeed = initiative({ budgets: [2026, 2027, 2028, 2029, 2030, 2031].map(thousandADay) });
      // horizon 2026-07..2031-06; need from 2026-07-01 to 2031-06-30 = 1826 days
      expect(gapsOf('shortfall', longNeed, '2026-07-01').map((g) => [g.periodStart, g.periodEnd, g.shortfallCents])).to.deep.equal([
        ['2026-07-01', '2031-06-30', 1_826_000],
      ]);
    });

    it('carries the last budget forward past the budget years, marked estimated', () => {
      // only 2026 budgeted (1_000 a day), nothing committed, asOf 2026-07-01: the need continues at
      // the 2026 rate through the horizon's end (June 2031): 2026-07..2031-06 is 1826 days, but
      // leap year 2028 spreads 365_000 over 366 days, so 2028 needs 365_000, not 366_000
      const carried = initiative({ budgets: [thousandADay(2026)], reservesCents: 50_000 });
      const [gap] = gapsOf('shortfall', carried, '2026-07-01');
      // 184 days of 2026 + 365_000 × 3 (2027, 2029, 2030) + 181 days of 2031, and 2028 month by month
      // in whole cents (365_000 × days / 366): seven 31-day months 30_915, four 30-day months 29_918,
      // February 28_921 → 364_998
      expect([gap?.periodStart, gap?.periodEnd, gap?.shortfallCents]).to.deep.equal(['2026-07-01', '2031-06-30', 184_000 + 3 * 365_000 + 364_998 + 181_000]);
      // the reserves of 50_000 carry July (31_000) but not August
      expect(gap?.details).to.deep.include({ needEstimated: true, budgetThrough: 2026, fundedThrough: '2026-07-31', runwayMonths: 1, reservesCents: 50_000 });
    });

    it('stops the need at an explicit budget of 0', () => {
      const stopping = initiative({ budgets: [thousandADay(2026), { year: 2027, amountCents: 0 }] });
      expect(gapsOf('shortfall', stopping, '2026-07-01').map((g) => [g.periodStart, g.periodEnd, g.shortfallCents])).to.deep.equal([
        ['2026-07-01', '2026-12-31', 184_000],
      ]);
    });

    describe('tolerance', () => {
      // need 1_000 a day in 2026 only (2027 explicitly 0), funded by monthly tranches short by `short` cents each
      const shortBy = (short: number) =>
        initiative({
          budgets: [thousandADay(2026), { year: 2027, amountCents: 0 }],
          commitments: [
            commitment({
              startDate: '2026-01-01',
              endDate: '2026-12-31',
              amountCents: 365_000,
              tranches: monthsOf2026.map(([start, end, days]) => tranche(start, end, days * 1_000 - short)),
            }),
          ],
        });
      const monthsOf2026: [IsoDate, IsoDate, number][] = [
        ['2026-01-01', '2026-01-31', 31], ['2026-02-01', '2026-02-28', 28], ['2026-03-01', '2026-03-31', 31],
        ['2026-04-01', '2026-04-30', 30], ['2026-05-01', '2026-05-31', 31], ['2026-06-01', '2026-06-30', 30],
        ['2026-07-01', '2026-07-31', 31], ['2026-08-01', '2026-08-31', 31], ['2026-09-01', '2026-09-30', 30],
        ['2026-10-01', '2026-10-31', 31], ['2026-11-01', '2026-11-30', 30], ['2026-12-01', '2026-12-31', 31],
      ];

      it('raises no shortfall for a cent short, nor for exactly € 10 a month', () => {
        expect(gapsOf('shortfall', shortBy(1), '2026-01-01')).to.deep.equal([]);
        expect(gapsOf('shortfall', shortBy(1_000), '2026-01-01')).to.deep.equal([]);
      });

      it('raises one for € 10,01 short a month, adding up the whole shortfall', () => {
        expect(gapsOf('shortfall', shortBy(1_001), '2026-01-01').map((g) => [g.periodStart, g.periodEnd, g.shortfallCents])).to.deep.equal([
          ['2026-01-01', '2026-12-31', 12 * 1_001],
        ]);
      });

      it('follows the setting', () => {
        expect(findGaps(shortBy(1), '2026-01-01', withDefaults({ shortfallToleranceCents: 0 })).filter((g) => g.kind === 'shortfall')).to.have.length(1);
      });
    });

    it('finds nothing without need', () => {
      expect(findGaps(initiative(), '2026-01-10')).to.deep.equal([]);
    });
  });

  describe('cliff', () => {
    it('flags a month at most 70% of the previous one, naming the commitments that ended', () => {
      // monthly tranches: Jan 10_000, Feb 7_000 (70%: cliff), Mar 4_901 (70.01%: none), Apr 4_901, May 0 (cliff)
      const grant = commitment({
        startDate: '2026-01-01',
        endDate: '2026-04-30',
        amountCents: 26_802,
        tranches: [
          tranche('2026-01-01', '2026-01-31', 10_000),
          tranche('2026-02-01', '2026-02-28', 7_000),
          tranche('2026-03-01', '2026-03-31', 4_901),
          tranche('2026-04-01', '2026-04-30', 4_901),
        ],
      });
      const hoped = spread('2026-04-01', '2026-04-30', 1, 'requested');
      const gaps = gapsOf('cliff', initiative({ commitments: [grant, hoped] }), '2026-01-01');
      expect(gaps.map((g) => [g.periodStart, g.periodEnd, g.severity, g.details])).to.deep.equal([
        ['2026-02-01', '2026-02-28', 'high', { month: '2026-02', endingCommitmentIds: [], previousFundingCents: 10_000, fundingCents: 7_000, dropCents: 3_000, dropShare: 0.3, cliffPercent: 70 }],
        ['2026-05-01', '2026-05-31', 'high', { month: '2026-05', endingCommitmentIds: [grant.id], previousFundingCents: 4_901, fundingCents: 0, dropCents: 4_901, dropShare: 1, cliffPercent: 70 }],
      ]);
    });

    it('compares the first month of the horizon with the month before it', () => {
      // March 2026: 31_000; April (the horizon's first month): nothing
      const grant = spread('2026-01-01', '2026-03-31', 90_000);
      const gaps = gapsOf('cliff', initiative({ commitments: [grant] }), '2026-04-15');
      expect(gaps.map((g) => [g.periodStart, g.periodEnd, g.details])).to.deep.equal([
        ['2026-04-01', '2026-04-30', { month: '2026-04', endingCommitmentIds: [grant.id], previousFundingCents: 31_000, fundingCents: 0, dropCents: 31_000, dropShare: 1, cliffPercent: 70 }],
      ]);
    });

    it('does not flag a month after a month without funding', () => {
      // January 2026 starts funding after nothing in December 2025
      expect(gapsOf('cliff', initiative({ commitments: [spread('2026-01-01', '2030-12-31', 1_826_000)] }), '2026-01-01')).to.deep.equal([]);
    });
  });

  describe('expiring', () => {
    const asOf = '2026-01-01'; // + 6 months = 2026-07-01

    it('flags a committed commitment ending within six months with no follow-up from its funder', () => {
      const ending = commitment({ funderId: 5, startDate: '2025-07-01', endDate: '2026-06-30', amountCents: 100_000 });
      const otherFunder = commitment({ funderId: 6, status: 'requested', startDate: '2026-07-01', endDate: '2027-06-30', amountCents: 100_000 });
      const declined = commitment({ funderId: 5, status: 'declined', startDate: '2026-07-01', endDate: '2027-06-30', amountCents: 100_000 });
      const gaps = gapsOf('expiring', initiative({ commitments: [ending, otherFunder, declined] }), asOf);
      expect(gaps).to.deep.equal([
        {
          kind: 'expiring',
          periodStart: '2025-07-01',
          periodEnd: '2026-06-30',
          shortfallCents: 0,
          severity: 'high',
          // June 2026 is 5 months after January 2026
          details: { commitmentId: ending.id, funderId: 5, startDate: '2025-07-01', endDate: '2026-06-30', amountCents: 100_000, monthsLeft: 5, expiringWithinMonths: 6 },
          subjectId: ending.id,
          commitmentId: ending.id,
        },
      ]);
    });

    it('is satisfied by a requested, conditional or committed follow-up from the same funder', () => {
      for (const status of ['requested', 'conditional', 'committed'] as const) {
        const ending = commitment({ funderId: 5, startDate: '2025-07-01', endDate: '2026-06-30', amountCents: 100_000 });
        const next = commitment({ funderId: 5, status, startDate: '2026-07-01', endDate: '2027-06-30', amountCents: 100_000 });
        expect(gapsOf('expiring', initiative({ commitments: [ending, next] }), asOf), status).to.deep.equal([]);
      }
    });

    it('takes asOf ≤ endDate < asOf + 6 months', () => {
      const endingOn = (endDate: IsoDate) =>
        gapsOf('expiring', initiative({ commitments: [spread('2025-01-01', endDate, 100_000)] }), asOf).length;
      expect(endingOn('2025-12-31')).to.equal(0);
      expect(endingOn('2026-01-01')).to.equal(1);
      expect(endingOn('2026-06-30')).to.equal(1);
      expect(endingOn('2026-07-01')).to.equal(0);
    });

    it('leaves completed commitments alone', () => {
      expect(gapsOf('expiring', initiative({ commitments: [spread('2025-07-01', '2026-03-31', 100_000, 'completed')] }), asOf)).to.deep.equal([]);
    });
  });

  describe('funder_limit', () => {
    // funder 7 may fund 3 years; its first committed (here completed) commitment starts 2024-03-01,
    // so the limit date is 2027-03-01. A requested commitment of 2023 does not count.
    const commitments = [
      commitment({ funderId: 7, status: 'completed', startDate: '2024-03-01', endDate: '2025-02-28', amountCents: 100_000 }),
      commitment({ funderId: 7, startDate: '2025-03-01', endDate: '2026-02-28', amountCents: 100_000 }),
      commitment({ funderId: 7, status: 'requested', startDate: '2023-01-01', endDate: '2023-12-31', amountCents: 100_000 }),
    ];
    const funders = new Map([[7, funder(7, 'foundation', 3)]]);

    it('flags a funder whose limit falls in the horizon while there is need after it', () => {
      // horizon 2026-01..2030-12; limit 2027-03-01 is after asOf + 12 months (2027-01-15): low
      const gaps = gapsOf('funder_limit', initiative({ commitments, funders, budgets: [thousandADay(2027)] }), '2026-01-15');
      expect(gaps).to.deep.equal([
        {
          kind: 'funder_limit',
          periodStart: '2027-03-01',
          periodEnd: '2030-12-31',
          shortfallCents: 0,
          severity: 'low',
          details: { funderId: 7, firstStartDate: '2024-03-01', maxFundingYears: 3, limitDate: '2027-03-01' },
          subjectId: 7,
          commitmentId: null,
        },
      ]);
    });

    it('needs need on or after the limit date, carried-forward need included', () => {
      const stopping = [thousandADay(2026), { year: 2027, amountCents: 0 }];
      expect(gapsOf('funder_limit', initiative({ commitments, funders, budgets: stopping }), '2026-01-15')).to.deep.equal([]);
      expect(gapsOf('funder_limit', initiative({ commitments, funders, budgets: [thousandADay(2026)] }), '2026-01-15')).to.have.length(1);
    });

    it('takes asOf ≤ limit date < horizon end', () => {
      const budgets = [2022, 2023, 2024, 2025, 2026, 2027, 2028].map(thousandADay);
      const limitsAt = (asOf: IsoDate) => gapsOf('funder_limit', initiative({ commitments, funders, budgets }), asOf).length;
      expect(limitsAt('2027-03-01')).to.equal(1);
      expect(limitsAt('2027-03-02')).to.equal(0);
      // horizon 2022-04..2027-03 ends 2027-03-31: limit inside; horizon 2022-03..2027-02 ends 2027-02-28: limit after it
      expect(limitsAt('2022-04-01')).to.equal(1);
      expect(limitsAt('2022-03-31')).to.equal(0);
    });

    it('flags each limited funder separately and ignores funders without a limit', () => {
      const more = [
        ...commitments,
        commitment({ funderId: 8, startDate: '2025-06-01', endDate: '2026-05-31', amountCents: 1 }),
        commitment({ funderId: 9, startDate: '2020-01-01', endDate: '2026-05-31', amountCents: 1 }),
      ];
      const all = new Map([...funders, [8, funder(8, 'company', 2)], [9, funder(9, 'municipality', null)]]);
      const gaps = gapsOf('funder_limit', initiative({ commitments: more, funders: all, budgets: [thousandADay(2027)] }), '2026-01-15');
      expect(gaps.map((g) => [g.subjectId, g.periodStart])).to.deep.equal([
        [7, '2027-03-01'],
        [8, '2027-06-01'],
      ]);
    });
  });

  describe('five_year_risk', () => {
    // founded 2022-03-10: fourth birthday 2026-03-10, sixth 2028-03-10. Need 1_000 a day.
    const budgets = [2026, 2027, 2028, 2029].map(thousandADay);
    const founded = (commitments: LoadedCommitment[] = []) =>
      initiative({ foundedOn: '2022-03-10', budgets, commitments });
    const riskAt = (asOf: IsoDate, subject = founded()) => gapsOf('five_year_risk', subject, asOf);
    // a long (not short-term) commitment paying `cents` over the window March 2026 – February 2027 (365 days)
    const longTerm = (cents: number) =>
      commitment({ startDate: '2020-01-01', endDate: '2030-12-31', amountCents: cents, tranches: [tranche('2026-03-01', '2027-02-28', cents)] });
    const shortTerm = (cents: number) => spread('2026-03-01', '2027-02-28', cents);

    it('starts on the fourth birthday, not the day before', () => {
      expect(riskAt('2026-03-09')).to.deep.equal([]);
      // window March 2026 – February 2027: need 365 days × 1_000, nothing committed
      expect(riskAt('2026-03-10')).to.deep.equal([
        {
          kind: 'five_year_risk',
          periodStart: '2026-03-10',
          periodEnd: '2028-03-09',
          shortfallCents: 0,
          severity: 'high',
          details: {
            reasons: ['low_coverage'],
            ageYears: 4,
            windowFirstMonth: '2026-03',
            windowLastMonth: '2027-02',
            needCents: 365_000,
            committedCents: 0,
            shortTermCents: 0,
            coverage: 0,
            shortTermShare: null,
            coverageThreshold: 0.75,
            shortTermThreshold: 0.5,
            needEstimated: false,
          },
          subjectId: 0,
          commitmentId: null,
        },
      ]);
    });

    it('ends the day before the sixth birthday', () => {
      expect(riskAt('2028-03-09').map((g) => (g.details as FiveYearRiskDetails).ageYears)).to.deep.equal([5]);
      expect(riskAt('2028-03-10')).to.deep.equal([]);
    });

    it('flags coverage below 75%, not at 75%', () => {
      // 75% of 365_000 = 273_750
      expect(riskAt('2026-03-10', founded([longTerm(273_750)]))).to.deep.equal([]);
      expect(riskAt('2026-03-10', founded([longTerm(273_749)])).map((g) => (g.details as FiveYearRiskDetails).reasons)).to.deep.equal([['low_coverage']]);
    });

    it('flags a short-term share above 50%, not at 50%', () => {
      expect(riskAt('2026-03-10', founded([shortTerm(182_500), longTerm(182_500)]))).to.deep.equal([]);
      const gaps = riskAt('2026-03-10', founded([shortTerm(182_501), longTerm(182_499)]));
      expect(gaps.map((g) => (g.details as FiveYearRiskDetails).reasons)).to.deep.equal([['short_term_funding']]);
    });

    it('gives both reasons when both hold', () => {
      // 100_000 of 365_000 is 27% coverage, all of it short-term
      const [gap] = riskAt('2026-03-10', founded([shortTerm(100_000)]));
      expect(gap?.details).to.deep.include({ reasons: ['low_coverage', 'short_term_funding'], coverage: 100_000 / 365_000, shortTermShare: 1 });
    });

    it('counts birthdays of someone founded on 29 February from 28 February in common years', () => {
      // fourth birthday 2024-02-29; sixth 2026-02-28, so the period ends 2026-02-27
      const leapling = initiative({ foundedOn: '2020-02-29', budgets: [2024, 2025, 2026].map(thousandADay) });
      expect(riskAt('2024-02-28', leapling)).to.deep.equal([]);
      expect(riskAt('2024-02-29', leapling).map((g) => [g.periodStart, g.periodEnd])).to.deep.equal([['2024-02-29', '2026-02-27']]);
      expect(riskAt('2026-02-27', leapling)).to.have.length(1);
      expect(riskAt('2026-02-28', leapling)).to.deep.equal([]);
    });
  });

  describe('severity', () => {
    it('is high before asOf + 6 months, medium before asOf + 12 months, else low', () => {
      expect(severityOf('2026-07-14', '2026-01-15')).to.equal('high');
      expect(severityOf('2026-07-15', '2026-01-15')).to.equal('medium');
      expect(severityOf('2027-01-14', '2026-01-15')).to.equal('medium');
      expect(severityOf('2027-01-15', '2026-01-15')).to.equal('low');
    });

    it('counts months from the end of a long month to the end of a short one', () => {
      // 2026-08-31 + 6 months = 2027-02-28
      expect(severityOf('2027-02-27', '2026-08-31')).to.equal('high');
      expect(severityOf('2027-02-28', '2026-08-31')).to.equal('medium');
    });

    it('follows the settings', () => {
      expect(severityOf('2026-03-01', '2026-01-15', withDefaults({ severityHighMonths: 1 }))).to.equal('medium');
    });
  });

  it('gives shortfallCents only to shortfalls, and lists gaps kind by kind', () => {
    const grant = spread('2025-07-01', '2026-03-31', 100_000);
    const gaps = findGaps(
      initiative({ foundedOn: '2022-01-01', budgets: [thousandADay(2026), { year: 2027, amountCents: 0 }], commitments: [grant] }),
      '2026-01-15',
    );
    expect(gaps.map((g) => [g.kind, g.periodStart, g.shortfallCents])).to.deep.equal([
      // grant: 274 days; Jan 100_000 × 31/274 = 11_313.87 → 11_314, Feb × 28/274 → 10_219, Mar → 11_314;
      // every month of 2026 falls short: 365_000 − (11_314 + 10_219 + 11_314) = 332_153
      ['shortfall', '2026-01-01', 332_153],
      ['cliff', '2026-04-01', 0],
      ['expiring', '2025-07-01', 0],
      ['five_year_risk', '2026-01-01', 0],
    ]);
  });
});

describe('firstDayLookedAt', () => {
  it('is the first day of the month before the month of asOf, across a year end', () => {
    expect(firstDayLookedAt('2027-01-15')).to.equal('2026-12-01');
    expect(firstDayLookedAt('2028-03-31')).to.equal('2028-02-01');
  });
});
