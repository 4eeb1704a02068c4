import { expect } from 'chai';
import fc from 'fast-check';
import {
  addDays,
  addMonths,
  addMonthsToMonth,
  addYears,
  daysInMonth,
  daysInYear,
  firstDayOfMonth,
  fromEpochDay,
  isIsoDate,
  isIsoMonth,
  lastDayOfMonth,
  monthOf,
  monthsStarting,
  parseIsoDate,
  toEpochDay,
  wholeMonthsBetween,
} from './dates.js';

describe('dates', () => {
  describe('parsing', () => {
    it('splits a calendar date', () => {
      expect(parseIsoDate('2028-02-29')).to.deep.equal({ year: 2028, month: 2, day: 29 });
    });

    it('refuses dates that do not exist or are not YYYY-MM-DD', () => {
      for (const text of ['2027-02-30', '2027-02-29', '2100-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-1-01', '2026-01-01T00:00', '0000-01-01', '']) {
        expect(isIsoDate(text), text).to.equal(false);
        expect(() => parseIsoDate(text), text).to.throw(RangeError);
      }
    });

    it('accepts 29 February only in leap years (2000 is one, 2100 is not)', () => {
      expect(isIsoDate('2000-02-29')).to.equal(true);
      expect(isIsoDate('2100-02-29')).to.equal(false);
    });

    it('knows a month key', () => {
      expect(isIsoMonth('2026-12')).to.equal(true);
      expect(isIsoMonth('2026-13')).to.equal(false);
      expect(isIsoMonth('2026-12-01')).to.equal(false);
    });
  });

  describe('epoch days', () => {
    it('counts days from 1970-01-01', () => {
      expect(toEpochDay('1970-01-01')).to.equal(0);
      // 1970..1999: 30 × 365 + 7 leap days (72, 76, ..., 96) = 10957; + 31 (Jan) + 29 (Feb 2000) = 11017
      expect(toEpochDay('2000-03-01')).to.equal(11017);
      expect(fromEpochDay(-1)).to.equal('1969-12-31');
    });

    it('agrees with the UTC calendar for every day from year 1 to 9999', () => {
      fc.assert(
        fc.property(fc.integer({ min: -719162, max: 2932896 }), (day) => {
          const date = fromEpochDay(day);
          expect(date).to.equal(new Date(day * 86_400_000).toISOString().slice(0, 10));
          expect(toEpochDay(date)).to.equal(day);
        }),
      );
    });
  });

  describe('adding', () => {
    it('adds days across month, leap day and year ends', () => {
      expect(addDays('2028-02-28', 1)).to.equal('2028-02-29');
      expect(addDays('2027-02-28', 1)).to.equal('2027-03-01');
      expect(addDays('2026-12-31', 1)).to.equal('2027-01-01');
      expect(addDays('2027-01-01', -1)).to.equal('2026-12-31');
    });

    it('adds months, ending on the last day of a shorter month', () => {
      expect(addMonths('2026-01-31', 1)).to.equal('2026-02-28');
      expect(addMonths('2028-01-31', 1)).to.equal('2028-02-29');
      expect(addMonths('2026-01-31', 2)).to.equal('2026-03-31');
      expect(addMonths('2026-03-31', -1)).to.equal('2026-02-28');
      expect(addMonths('2026-11-15', 3)).to.equal('2027-02-15');
    });

    it('adds years, 29 February becoming 28 February in a common year', () => {
      expect(addYears('2028-02-29', 1)).to.equal('2029-02-28');
      expect(addYears('2028-02-29', 4)).to.equal('2032-02-29');
      expect(addYears('2026-06-15', -2)).to.equal('2024-06-15');
    });
  });

  describe('months', () => {
    it('gives the first and last day of a month', () => {
      expect(firstDayOfMonth('2026-04')).to.equal('2026-04-01');
      expect(lastDayOfMonth('2026-04')).to.equal('2026-04-30');
      expect(lastDayOfMonth('2028-02')).to.equal('2028-02-29');
      expect(lastDayOfMonth('2100-02')).to.equal('2100-02-28');
      expect(lastDayOfMonth('2000-02')).to.equal('2000-02-29');
    });

    it('lists consecutive months across a year end', () => {
      expect(monthsStarting('2026-11', 4)).to.deep.equal(['2026-11', '2026-12', '2027-01', '2027-02']);
      expect(Object.isFrozen(monthsStarting('2026-11', 4))).to.equal(true);
      expect(addMonthsToMonth('2026-01', -1)).to.equal('2025-12');
      expect(monthOf('2026-07-15')).to.equal('2026-07');
    });

    it('counts days in months and years', () => {
      expect(daysInMonth(2028, 2)).to.equal(29);
      expect(daysInMonth(2027, 2)).to.equal(28);
      expect(daysInMonth(2027, 12)).to.equal(31);
      expect(daysInYear(2028)).to.equal(366);
      expect(daysInYear(2027)).to.equal(365);
      expect(daysInYear(2100)).to.equal(365);
      expect(daysInYear(2000)).to.equal(366);
    });
  });

  describe('wholeMonthsBetween', () => {
    it('counts only whole months', () => {
      expect(wholeMonthsBetween('2026-01-01', '2028-01-01')).to.equal(24);
      expect(wholeMonthsBetween('2026-01-15', '2027-01-15')).to.equal(12);
      expect(wholeMonthsBetween('2026-01-15', '2027-01-14')).to.equal(11);
      expect(wholeMonthsBetween('2026-01-15', '2026-01-15')).to.equal(0);
    });

    it('counts a month from the 31st to the end of a shorter month', () => {
      expect(wholeMonthsBetween('2026-01-31', '2026-02-28')).to.equal(1);
      expect(wholeMonthsBetween('2026-01-31', '2026-02-27')).to.equal(0);
    });

    it('refuses an end before the start', () => {
      expect(() => wholeMonthsBetween('2026-02-01', '2026-01-31')).to.throw(RangeError);
    });
  });
});
