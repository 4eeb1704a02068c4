import { expect } from 'chai';
import { computeCoverage, yearCoverage } from './coverage.js';
import { commitment, initiative, spread } from './testFactories.js';

describe('coverage', () => {
  // need 2028 (leap year) = 366_000. Committed: funder 1 (municipality) 2028-07-01..2029-06-30, 365 days
  // at 1_000 a day → 184_000 in 2028 (Jul–Dec) and 181_000 in 2029; funder 2 (foundation) 36_600 for
  // all of 2028; funder 3 (foundation, completed) 10_000 in March 2028. Requested: 50_000 in 2028.
  const subject = initiative({
    budgets: [
      { year: 2028, amountCents: 366_000 },
      { year: 2029, amountCents: 0 },
    ],
    commitments: [
      commitment({ funderId: 1, funderType: 'municipality', startDate: '2028-07-01', endDate: '2029-06-30', amountCents: 365_000 }),
      commitment({ funderId: 2, funderType: 'foundation', startDate: '2028-01-01', endDate: '2028-12-31', amountCents: 36_600 }),
      commitment({ funderId: 3, funderType: 'foundation', status: 'completed', startDate: '2028-03-01', endDate: '2028-03-31', amountCents: 10_000 }),
      spread('2028-01-01', '2028-12-31', 50_000, 'requested'),
      spread('2028-01-01', '2028-12-31', 99_000, 'declined'),
    ],
  });

  it('divides committed funding of the year by its need', () => {
    // committed 184_000 + 36_600 + 10_000 = 230_600; pipeline adds the requested 50_000
    expect(yearCoverage(subject, 2028)).to.deep.equal({
      year: 2028,
      needCents: 366_000,
      needEstimated: false,
      committedCents: 230_600,
      pipelineCents: 280_600,
      coverage: 230_600 / 366_000,
      committedByFunderId: { 1: 184_000, 2: 36_600, 3: 10_000 },
      committedByFunderType: { municipality: 184_000, foundation: 46_600 },
    });
  });

  it('marks a year whose need is carried forward as estimated', () => {
    const carried = initiative({ budgets: [{ year: 2028, amountCents: 366_000 }], commitments: [] });
    // 2029 has no budget of its own: it needs 2028's 366_000, estimated
    expect(yearCoverage(carried, 2029)).to.deep.include({ needCents: 366_000, needEstimated: true, coverage: 0 });
    expect(yearCoverage(carried, 2027)).to.deep.include({ needCents: 0, needEstimated: false, coverage: null });
  });

  it('has no coverage in a year without need (an explicit budget of 0)', () => {
    const coverage = yearCoverage(subject, 2029);
    expect(coverage.needCents).to.equal(0);
    expect(coverage.committedCents).to.equal(181_000);
    expect(coverage.coverage).to.equal(null);
  });

  it('gives consecutive years', () => {
    expect(computeCoverage(subject, 2027, 3).map((y) => [y.year, y.committedCents])).to.deep.equal([
      [2027, 0],
      [2028, 230_600],
      [2029, 181_000],
    ]);
  });

  it('gives zero coverage, not null, when there is need but no funding', () => {
    const coverage = yearCoverage(initiative({ budgets: [{ year: 2026, amountCents: 10_000 }] }), 2026);
    expect(coverage).to.deep.include({ coverage: 0, committedByFunderId: {}, committedByFunderType: {} });
  });
});
