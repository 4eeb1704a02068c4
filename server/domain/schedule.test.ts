import { expect } from 'chai';
import fc from 'fast-check';
import { addDays, fromEpochDay } from './dates.js';
import { TRANCHE_SCHEDULES } from './enums.js';
import { generateTranches } from './schedule.js';

describe('generateTranches', () => {
  it('makes one tranche over the whole period for `once`', () => {
    expect(generateTranches('2026-03-01', '2027-02-28', 50_000, 'once')).to.deep.equal([
      { periodStart: '2026-03-01', periodEnd: '2027-02-28', amountCents: 50_000 },
    ]);
  });

  it('makes yearly tranches over a leap day, the odd cent going to the first', () => {
    // 100_001 / 2 = 50_000 rest 1: the first tranche takes the extra cent
    expect(generateTranches('2027-03-01', '2029-02-28', 100_001, 'yearly')).to.deep.equal([
      { periodStart: '2027-03-01', periodEnd: '2028-02-29', amountCents: 50_001 },
      { periodStart: '2028-03-01', periodEnd: '2029-02-28', amountCents: 50_000 },
    ]);
  });

  it('cuts the last quarter short at the end date, with the same amount', () => {
    // three quarters: 1000 / 3 = 333 rest 1
    expect(generateTranches('2026-01-01', '2026-08-15', 1000, 'quarterly')).to.deep.equal([
      { periodStart: '2026-01-01', periodEnd: '2026-03-31', amountCents: 334 },
      { periodStart: '2026-04-01', periodEnd: '2026-06-30', amountCents: 333 },
      { periodStart: '2026-07-01', periodEnd: '2026-08-15', amountCents: 333 },
    ]);
  });

  it('gives the leftover cents to the earliest tranches', () => {
    // 10 / 4 = 2 rest 2: the first two get 3
    const amounts = generateTranches('2026-01-01', '2026-04-30', 10, 'monthly').map((t) => t.amountCents);
    expect(amounts).to.deep.equal([3, 3, 2, 2]);
  });

  it('crosses a year end with monthly tranches', () => {
    const tranches = generateTranches('2026-11-15', '2027-02-14', 300, 'monthly');
    expect(tranches).to.deep.equal([
      { periodStart: '2026-11-15', periodEnd: '2026-12-14', amountCents: 100 },
      { periodStart: '2026-12-15', periodEnd: '2027-01-14', amountCents: 100 },
      { periodStart: '2027-01-15', periodEnd: '2027-02-14', amountCents: 100 },
    ]);
  });

  it('counts every boundary from the start date, so a start on the 31st keeps returning to the 31st', () => {
    // boundaries 01-31, +1 = 02-28, +2 = 03-31, +3 = 04-30, +4 = 05-31
    const periods = generateTranches('2026-01-31', '2026-05-30', 400, 'monthly').map((t) => [t.periodStart, t.periodEnd]);
    expect(periods).to.deep.equal([
      ['2026-01-31', '2026-02-27'],
      ['2026-02-28', '2026-03-30'],
      ['2026-03-31', '2026-04-29'],
      ['2026-04-30', '2026-05-30'],
    ]);
  });

  it('makes one tranche for a one-day period', () => {
    expect(generateTranches('2026-05-05', '2026-05-05', 7, 'monthly')).to.deep.equal([
      { periodStart: '2026-05-05', periodEnd: '2026-05-05', amountCents: 7 },
    ]);
  });

  it('refuses an end before the start and an amount that is not whole non-negative cents', () => {
    expect(() => generateTranches('2026-02-01', '2026-01-31', 100, 'once')).to.throw(RangeError);
    expect(() => generateTranches('2026-01-01', '2026-12-31', -1, 'once')).to.throw(RangeError);
    expect(() => generateTranches('2026-01-01', '2026-12-31', 10.5, 'once')).to.throw(RangeError);
  });

  it('always tiles the period and adds up exactly to the amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 18_000, max: 24_000 }),
        fc.integer({ min: 0, max: 2_500 }),
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.constantFrom(...TRANCHE_SCHEDULES),
        (startDay, extraDays, amountCents, schedule) => {
          const startDate = fromEpochDay(startDay);
          const endDate = fromEpochDay(startDay + extraDays);
          const tranches = generateTranches(startDate, endDate, amountCents, schedule);
          expect(tranches[0]?.periodStart).to.equal(startDate);
          expect(tranches[tranches.length - 1]?.periodEnd).to.equal(endDate);
          tranches.forEach((t, i) => {
            expect(t.periodEnd >= t.periodStart).to.equal(true);
            const next = tranches[i + 1];
            if (next) expect(next.periodStart).to.equal(addDays(t.periodEnd, 1));
            if (next) expect(t.amountCents - next.amountCents).to.be.oneOf([0, 1]);
          });
          const amounts = tranches.map((t) => t.amountCents);
          expect(amounts.reduce((a, b) => a + b, 0)).to.equal(amountCents);
          expect(Math.max(...amounts) - Math.min(...amounts)).to.be.at.most(1);
        },
      ),
    );
  });
});
