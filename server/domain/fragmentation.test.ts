import { expect } from 'chai';
import { computeFragmentation, mean, median, summarize } from './fragmentation.js';
import { commitment, initiative, spread } from './testFactories.js';

describe('fragmentation', () => {
  it('gives an HHI of 1 and one effective funder for a single funder', () => {
    const result = computeFragmentation(
      initiative({
        commitments: [
          commitment({ funderId: 4, funderType: 'foundation', startDate: '2026-01-01', endDate: '2026-06-30', amountCents: 40_000 }),
          commitment({ funderId: 4, funderType: 'foundation', startDate: '2026-07-01', endDate: '2026-12-31', amountCents: 60_000 }),
        ],
      }),
      2026,
    );
    expect(result).to.deep.equal({
      year: 2026,
      fundingCents: 100_000,
      funderCount: 1,
      commitmentCount: 2,
      shareByFunderType: { foundation: 1 },
      hhi: 1,
      effectiveFunders: 1,
      shortTermShare: 1,
      meanCommitmentMonths: 6,
    });
  });

  it('squares the share of each funder', () => {
    // funder 1: 75_000, funder 2: 25_000 → HHI 0.75² + 0.25² = 0.625, effective funders 1 / 0.625 = 1.6
    const result = computeFragmentation(
      initiative({
        commitments: [
          commitment({ funderId: 1, funderType: 'municipality', startDate: '2026-01-01', endDate: '2026-12-31', amountCents: 75_000 }),
          commitment({ funderId: 2, funderType: 'company', startDate: '2026-01-01', endDate: '2026-12-31', amountCents: 25_000 }),
        ],
      }),
      2026,
    );
    expect(result.funderCount).to.equal(2);
    expect(result.hhi).to.equal(0.625);
    expect(result.effectiveFunders).to.equal(1.6);
    expect(result.shareByFunderType).to.deep.equal({ municipality: 0.75, company: 0.25 });
  });

  it('counts 24 months as short-term and 25 months as not', () => {
    // A: 2026-01-01..2027-12-31, 730 days, 730_000 → 365_000 in 2026 (short-term, 24 months)
    // B: 2026-01-01..2028-01-31, 761 days, 761_000 → 365_000 in 2026 (not short-term, 25 whole months)
    // C: 2026 only, 365_000 (short-term, 12 months)
    // short-term share = (365_000 + 365_000) / 1_095_000 = 2/3; mean length (24 + 25 + 12) / 3
    const result = computeFragmentation(
      initiative({
        commitments: [
          commitment({ funderId: 1, startDate: '2026-01-01', endDate: '2027-12-31', amountCents: 730_000 }),
          commitment({ funderId: 2, startDate: '2026-01-01', endDate: '2028-01-31', amountCents: 761_000 }),
          commitment({ funderId: 3, startDate: '2026-01-01', endDate: '2026-12-31', amountCents: 365_000 }),
        ],
      }),
      2026,
    );
    expect(result.shortTermShare).to.be.closeTo(2 / 3, 1e-12);
    expect(result.meanCommitmentMonths).to.equal(61 / 3);
    expect(result.fundingCents).to.equal(1_095_000);
  });

  it('looks only at committed funding that falls in the year', () => {
    const result = computeFragmentation(
      initiative({
        commitments: [
          spread('2026-01-01', '2026-12-31', 10_000, 'completed'),
          spread('2026-01-01', '2026-12-31', 10_000, 'requested'),
          spread('2025-01-01', '2025-12-31', 10_000, 'committed'),
        ],
      }),
      2026,
    );
    expect(result).to.deep.include({ fundingCents: 10_000, funderCount: 1, commitmentCount: 1, meanCommitmentMonths: 12 });
  });

  it('has no shares when nothing is funded', () => {
    expect(computeFragmentation(initiative(), 2026)).to.deep.equal({
      year: 2026,
      fundingCents: 0,
      funderCount: 0,
      commitmentCount: 0,
      shareByFunderType: {},
      hhi: null,
      effectiveFunders: null,
      shortTermShare: null,
      meanCommitmentMonths: null,
    });
  });

  describe('portfolio aggregates', () => {
    it('takes mean and median, null for nothing', () => {
      expect(mean([1, 2, 6])).to.equal(3);
      expect(median([6, 1, 2])).to.equal(2);
      expect(median([4, 1, 3, 2])).to.equal(2.5);
      expect(mean([])).to.equal(null);
      expect(median([])).to.equal(null);
    });

    it('skips initiatives without a figure', () => {
      expect(summarize([1.6, null, 1, 3])).to.deep.equal({ count: 3, mean: 5.6 / 3, median: 1.6 });
    });
  });
});
