import { expect } from 'chai';
import { isShortTerm, lengthInMonths } from './length.js';
import { withDefaults } from './settings.js';

describe('commitment length', () => {
  it('counts whole months to the day after the end (the examples of DESIGN.md)', () => {
    expect(lengthInMonths('2026-01-01', '2027-12-31')).to.equal(24);
    expect(lengthInMonths('2026-01-15', '2027-01-14')).to.equal(12);
  });

  it('ignores a part month', () => {
    // day after the end is 2028-01-02: 24 whole months from 2026-01-01 and one day
    expect(lengthInMonths('2026-01-01', '2028-01-01')).to.equal(24);
    expect(lengthInMonths('2026-01-01', '2026-01-30')).to.equal(0);
  });

  it('calls 24 months short-term', () => {
    expect(isShortTerm('2026-01-01', '2027-12-31')).to.equal(true);
    expect(isShortTerm('2026-03-15', '2028-03-14')).to.equal(true);
  });

  it('calls 24 whole months and a part month short-term: the length counts whole months', () => {
    // 2026-01-01..2028-01-30: the day after the end, 2028-01-31, is 24 months and 30 days on: length 24
    expect(isShortTerm('2026-01-01', '2028-01-30')).to.equal(true);
    expect(isShortTerm('2026-01-01', '2028-01-01')).to.equal(true);
  });

  it('does not call 25 months short-term', () => {
    // day after the end 2028-02-01 = 2026-01-01 + 25 months
    expect(lengthInMonths('2026-01-01', '2028-01-31')).to.equal(25);
    expect(isShortTerm('2026-03-15', '2028-04-14')).to.equal(false);
  });

  it('follows the shortTermMonths setting', () => {
    expect(isShortTerm('2026-01-01', '2027-01-30', withDefaults({ shortTermMonths: 12 }))).to.equal(true);
    expect(isShortTerm('2026-01-01', '2027-01-31', withDefaults({ shortTermMonths: 12 }))).to.equal(false);
  });
});
