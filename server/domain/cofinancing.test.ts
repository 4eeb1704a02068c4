import { expect } from 'chai';
import { matchCapCents, periodShortfallCents } from './cofinancing.js';
import { initiative, spread, thousandADay } from './testFactories.js';

describe('cofinancing: a round’s default target', () => {
  it('adds up what committed funding leaves short, month by month', () => {
    // Need 1_000 a day in 2027. Committed: 31_000 in January only (1_000 a day), requested
    // money does not count. Period February–March 2027: need 28_000 + 31_000 = 59_000, nothing funded.
    const subject = initiative({
      budgets: [thousandADay(2027)],
      commitments: [spread('2027-01-01', '2027-01-31', 31_000), spread('2027-02-01', '2027-03-31', 59_000, 'requested')],
    });
    expect(periodShortfallCents(subject, '2027-02-01', '2027-03-31')).to.equal(59_000);
    // January is fully funded: January–March is short by the same 59_000.
    expect(periodShortfallCents(subject, '2027-01-15', '2027-03-31')).to.equal(59_000);
  });

  it('does not let a month funded beyond its need make up for another', () => {
    // January 62_000 funded against 31_000 need; February nothing against 28_000.
    const subject = initiative({ budgets: [thousandADay(2027)], commitments: [spread('2027-01-01', '2027-01-31', 62_000)] });
    expect(periodShortfallCents(subject, '2027-01-01', '2027-02-28')).to.equal(28_000);
  });
});

describe('cofinancing: the cap of a match', () => {
  it('is the ratio of the matched pledge, rounded down to whole cents', () => {
    expect(matchCapCents(2_000_000, 50)).to.equal(1_000_000);
    expect(matchCapCents(333, 50)).to.equal(166);
    expect(matchCapCents(100, 150)).to.equal(150);
  });
});
