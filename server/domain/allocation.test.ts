import { expect } from 'chai';
import fc from 'fast-check';
import {
  commitmentMonthlyCents,
  commitmentYearCents,
  monthlyFundingByCommitment,
  monthlyFundingCents,
  monthlyNeedCents,
  monthlyNeedEstimated,
  NeedPlan,
  roundCents,
  spreadOverMonths,
  sumSeries,
  yearNeedCents,
} from './allocation.js';
import { fromEpochDay, monthOf, monthsStarting, wholeMonthsBetween } from './dates.js';
import { TRANCHE_SCHEDULES } from './enums.js';
import { generateTranches } from './schedule.js';
import { commitment, spread, tranche } from './testFactories.js';

const rounded = (values: number[]) => values.map(roundCents);

describe('allocation', () => {
  describe('need', () => {
    it('spreads a leap-year budget over 366 days', () => {
      // 366_000 / 366 = 1_000 a day: January 31 days, February 29 days
      const need = monthlyNeedCents([{ year: 2028, amountCents: 366_000 }], ['2028-01', '2028-02', '2028-03']);
      expect(rounded(need)).to.deep.equal([31_000, 29_000, 31_000]);
    });

    it('spreads a common-year budget over 365 days', () => {
      // 365_000 / 365 = 1_000 a day: February 2027 has 28 days
      const need = monthlyNeedCents([{ year: 2027, amountCents: 365_000 }], ['2027-02']);
      expect(need).to.deep.equal([28_000]);
    });

    it('has no need before the first budget year', () => {
      const need = monthlyNeedCents([{ year: 2027, amountCents: 365_000 }], ['2026-12', '2027-01']);
      expect(need).to.deep.equal([0, 31_000]);
      expect(yearNeedCents([{ year: 2027, amountCents: 365_000 }], 2026)).to.equal(0);
      expect(monthlyNeedEstimated([{ year: 2027, amountCents: 365_000 }], ['2026-12', '2027-01'])).to.deep.equal([false, false]);
    });

    it('carries the latest budget forward into later years without one, as estimated need', () => {
      // 2026: 365_000 (1_000 a day); nothing for 2027 or 2028 → both need what 2026 needs: in leap
      // year 2028 that is 365_000 over 366 days, so January 2028 is 365_000 × 31 / 366
      const budgets = [{ year: 2026, amountCents: 365_000 }];
      const months = ['2026-12', '2027-01', '2028-01'];
      expect(rounded(monthlyNeedCents(budgets, months))).to.deep.equal([31_000, 31_000, 30_915]);
      expect(monthlyNeedEstimated(budgets, months)).to.deep.equal([false, true, true]);
      expect(yearNeedCents(budgets, 2031)).to.equal(365_000);
    });

    it('carries the nearest earlier budget, and a budget of 0 stops the need', () => {
      const budgets = [
        { year: 2026, amountCents: 365_000 },
        { year: 2028, amountCents: 730_000 },
        { year: 2030, amountCents: 0 },
      ];
      const plan = new NeedPlan(budgets);
      expect([2025, 2026, 2027, 2028, 2029, 2030, 2031].map((y) => plan.yearCents(y))).to.deep.equal([0, 365_000, 365_000, 730_000, 730_000, 0, 0]);
      expect([2025, 2026, 2027, 2028, 2029, 2030, 2031].map((y) => plan.estimated(y))).to.deep.equal([false, false, true, false, true, false, true]);
      expect(plan.budgetThrough).to.equal(2030);
      expect(new NeedPlan([]).budgetThrough).to.equal(null);
    });

    it('keeps the unrounded share of a budget that does not divide evenly', () => {
      // 100_000 × 31 / 365 = 8_493.150...
      const [january] = monthlyNeedCents([{ year: 2026, amountCents: 100_000 }], ['2026-01']);
      expect(january).to.be.closeTo(8_493.150_684_9, 1e-6);
      expect(roundCents(january ?? 0)).to.equal(8_493);
    });
  });

  describe('funding timing', () => {
    it('spreads a commitment without tranches over its own period', () => {
      // 2026 has 365 days: 365_000 is 1_000 a day
      const c = spread('2026-01-01', '2026-12-31', 365_000);
      expect(rounded(commitmentMonthlyCents(c, ['2025-12', '2026-01', '2026-02', '2026-12', '2027-01']))).to.deep.equal([
        0, 31_000, 28_000, 31_000, 0,
      ]);
    });

    it('spreads each tranche over its own days, across a year end', () => {
      // tranche 2026-12-01..2027-01-31 = 62 days, 62_000 → 1_000 a day; tranche of March: 31 days, 3_100 → 100 a day
      const c = commitment({
        startDate: '2026-12-01',
        endDate: '2027-03-31',
        amountCents: 70_000,
        tranches: [tranche('2026-12-01', '2027-01-31', 62_000, 'received'), tranche('2027-03-01', '2027-03-31', 3_100)],
      });
      expect(rounded(commitmentMonthlyCents(c, monthsStarting('2026-12', 4)))).to.deep.equal([31_000, 31_000, 0, 3_100]);
      expect(commitmentYearCents(c, 2026)).to.equal(31_000);
      expect(commitmentYearCents(c, 2027)).to.equal(34_100);
    });

    it('leaves out cancelled tranches', () => {
      // Q1 2026 = 90 days at 1_000 a day; the Q2 tranche is cancelled
      const c = commitment({
        startDate: '2026-01-01',
        endDate: '2026-06-30',
        amountCents: 181_000,
        tranches: [tranche('2026-01-01', '2026-03-31', 90_000), tranche('2026-04-01', '2026-06-30', 91_000, 'cancelled')],
      });
      expect(rounded(commitmentMonthlyCents(c, monthsStarting('2026-01', 6)))).to.deep.equal([
        31_000, 28_000, 31_000, 0, 0, 0,
      ]);
    });

    it('allocates nothing for a commitment whose tranches are all cancelled', () => {
      const c = commitment({
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        amountCents: 365_000,
        tranches: [tranche('2026-01-01', '2026-12-31', 365_000, 'cancelled')],
      });
      expect(commitmentMonthlyCents(c, monthsStarting('2026-01', 12)).every((v) => v === 0)).to.equal(true);
      expect(commitmentYearCents(c, 2026)).to.equal(0);
    });

    it('does not place the unscheduled part of a commitment with tranches', () => {
      // amount 200_000, scheduled only 90_000 in Q1 2026
      const c = commitment({
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        amountCents: 200_000,
        tranches: [tranche('2026-01-01', '2026-03-31', 90_000)],
      });
      expect(commitmentYearCents(c, 2026)).to.equal(90_000);
    });

    it('counts committed and completed in the committed scenario, and adds requested and conditional in the pipeline', () => {
      const months = ['2026-01'];
      // each 31_000 in January 2026
      const list = (['committed', 'completed', 'requested', 'conditional', 'declined', 'withdrawn'] as const).map((status) =>
        spread('2026-01-01', '2026-01-31', 31_000, status),
      );
      expect(monthlyFundingCents(list, months, 'committed')).to.deep.equal([62_000]);
      expect(monthlyFundingCents(list, months, 'pipeline')).to.deep.equal([124_000]);
      expect(monthlyFundingByCommitment(list, months, 'committed').map((s) => s.commitment.status)).to.deep.equal([
        'committed',
        'completed',
      ]);
    });

    it('gives a commitment outside the months zeros that cannot be changed, and one inside its own series', () => {
      const months = ['2026-01', '2026-02'];
      const [before, inside, after] = monthlyFundingByCommitment(
        [spread('2025-01-01', '2025-12-31', 365_000), spread('2026-01-01', '2026-01-31', 31_000), spread('2027-01-01', '2027-12-31', 365_000)],
        months,
        'committed',
      );
      expect(before!.cents).to.deep.equal([0, 0]);
      expect(after!.cents).to.deep.equal([0, 0]);
      expect(Object.isFrozen(before!.cents)).to.equal(true);
      expect(inside!.cents).to.deep.equal([31_000, 0]);
      expect(Object.isFrozen(inside!.cents)).to.equal(false);
    });

    it('fills the months in the order asked, also when they skip', () => {
      const c = spread('2026-01-01', '2026-12-31', 365_000);
      expect(rounded(spreadOverMonths([{ periodStart: c.startDate, periodEnd: c.endDate, amountCents: 365_000 }], ['2026-03', '2026-01']))).to.deep.equal([
        31_000, 31_000,
      ]);
    });

    it('attributes a commitment to a leap year by its days in that year', () => {
      // 2028-07-01..2029-06-30 is 365 days (184 in 2028, 181 in 2029) at 1_000 a day
      const c = spread('2028-07-01', '2029-06-30', 365_000);
      expect(commitmentYearCents(c, 2028)).to.equal(184_000);
      expect(commitmentYearCents(c, 2029)).to.equal(181_000);
      expect(commitmentYearCents(c, 2030)).to.equal(0);
    });

    it('adds series position by position', () => {
      expect(sumSeries([[1, 2, 3], [10, 20, 30]], 3)).to.deep.equal([11, 22, 33]);
    });
  });

  describe('roundCents', () => {
    it('rounds half a cent away from zero and never gives −0', () => {
      expect(roundCents(2.5)).to.equal(3);
      expect(roundCents(-2.5)).to.equal(-3);
      expect(Object.is(roundCents(-0.4), 0)).to.equal(true);
      expect(roundCents(30_999.999_999_999_996)).to.equal(31_000);
    });
  });

  describe('properties', () => {
    const period = fc
      .tuple(fc.integer({ min: 18_000, max: 24_000 }), fc.integer({ min: 0, max: 2_000 }))
      .map(([start, extra]) => ({ startDate: fromEpochDay(start), endDate: fromEpochDay(start + extra) }));
    const schedule = fc.option(fc.constantFrom(...TRANCHE_SCHEDULES), { nil: undefined });

    it('spreads all of a commitment over the months of its period, within a cent per month', () => {
      fc.assert(
        fc.property(period, fc.integer({ min: 0, max: 5_000_000_000 }), schedule, ({ startDate, endDate }, amountCents, trancheSchedule) => {
          const tranches = trancheSchedule
            ? generateTranches(startDate, endDate, amountCents, trancheSchedule).map((t) => tranche(t.periodStart, t.periodEnd, t.amountCents))
            : [];
          const c = commitment({ startDate, endDate, amountCents, tranches });
          const months = monthsStarting(monthOf(startDate), wholeMonthsBetween(`${monthOf(startDate)}-01`, `${monthOf(endDate)}-01`) + 1);
          const monthly = rounded(commitmentMonthlyCents(c, months));
          const total = monthly.reduce((a, b) => a + b, 0);
          expect(Math.abs(total - amountCents)).to.be.at.most(months.length);
          expect(monthly.every((v) => v >= 0)).to.equal(true);
        }),
      );
    });

    it('attributes all of a commitment to the years of its period', () => {
      fc.assert(
        fc.property(period, fc.integer({ min: 0, max: 5_000_000_000 }), ({ startDate, endDate }, amountCents) => {
          const c = spread(startDate, endDate, amountCents);
          let total = 0;
          for (let year = Number(startDate.slice(0, 4)); year <= Number(endDate.slice(0, 4)); year++) {
            total += commitmentYearCents(c, year);
          }
          expect(total).to.be.closeTo(amountCents, 1e-3);
        }),
      );
    });
  });
});
