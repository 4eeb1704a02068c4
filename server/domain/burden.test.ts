import { expect } from 'chai';
import { burdenOf, per10k } from './burden.js';

describe('reporting burden', () => {
  const obligations = [
    { funderId: 1, dueOn: '2027-03-31', status: 'open' as const },
    { funderId: 1, dueOn: '2027-03-31', status: 'accepted' as const },
    { funderId: 2, dueOn: '2027-12-31', status: 'submitted' as const },
    { funderId: 3, dueOn: '2027-06-30', status: 'waived' as const },
    { funderId: 2, dueOn: '2028-01-01', status: 'open' as const },
  ];

  it('counts the obligations due in the year and their funders, the waived one left out', () => {
    // 2027: three obligations (funder 1 twice, funder 2 once), funders {1, 2}; € 30.000 committed
    // = 3,000,000 cents: 3 × 1,000,000 / 3,000,000 = 1 obligation per € 10.000.
    expect(burdenOf(obligations, 2027, 3_000_000)).to.deep.equal({ obligationCount: 3, funderCount: 2, committedCents: 3_000_000, obligationsPer10k: 1 });
    // 2028: one obligation against € 2.500 = 250,000 cents: 1,000,000 / 250,000 = 4.
    expect(burdenOf(obligations, 2028, 250_000)).to.deep.equal({ obligationCount: 1, funderCount: 1, committedCents: 250_000, obligationsPer10k: 4 });
  });

  it('has no ratio without committed funding', () => {
    expect(per10k(2, 0)).to.equal(null);
    expect(burdenOf([], 2027, 0)).to.deep.equal({ obligationCount: 0, funderCount: 0, committedCents: 0, obligationsPer10k: null });
  });
});
