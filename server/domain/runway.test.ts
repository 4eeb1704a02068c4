import { expect } from 'chai';
import { computeRunway } from './runway.js';
import { initiative, spread, thousandADay } from './testFactories.js';


describe('computeRunway', () => {
  it('lets reserves carry the runway until they run out', () => {
    // balance 100_000 − Jan 31_000 = 69_000 − Feb 28_000 = 41_000 − Mar 31_000 = 10_000 − Apr 30_000 = −20_000
    const runway = computeRunway(initiative({ reservesCents: 100_000, budgets: [thousandADay(2026)] }), '2026-01-15');
    expect(runway.runwayMonths).to.equal(3);
    expect(runway.fundedThrough).to.equal('2026-03-31');
    expect(runway.horizonReached).to.equal(false);
    expect(runway.months.slice(0, 4)).to.deep.equal([
      { month: '2026-01', needCents: 31_000, fundingCents: 0, balanceCents: 69_000, needEstimated: false },
      { month: '2026-02', needCents: 28_000, fundingCents: 0, balanceCents: 41_000, needEstimated: false },
      { month: '2026-03', needCents: 31_000, fundingCents: 0, balanceCents: 10_000, needEstimated: false },
      { month: '2026-04', needCents: 30_000, fundingCents: 0, balanceCents: -20_000, needEstimated: false },
    ]);
  });

  it('gives every month of the 60-month horizon, also after the balance turns negative', () => {
    const runway = computeRunway(initiative({ budgets: [thousandADay(2026), { year: 2027, amountCents: 0 }] }), '2026-01-15');
    expect(runway.months).to.have.length(60);
    expect(runway.months[59]).to.deep.equal({ month: '2030-12', needCents: 0, fundingCents: 0, balanceCents: -365_000, needEstimated: true });
  });

  it('has a runway of 0 and no fundedThrough when the first month ends negative', () => {
    const runway = computeRunway(initiative({ reservesCents: 30_999, budgets: [thousandADay(2026)] }), '2026-01-31');
    expect(runway.runwayMonths).to.equal(0);
    expect(runway.fundedThrough).to.equal(null);
    expect(runway.months[0]?.balanceCents).to.equal(-1);
  });

  it('reaches the horizon for an initiative with no budget', () => {
    const runway = computeRunway(initiative(), '2026-01-15');
    expect(runway).to.deep.include({ asOf: '2026-01-15', scenario: 'committed', runwayMonths: 60, fundedThrough: '2030-12-31', horizonReached: true });
  });

  it('counts only committed funding in the committed scenario, and adds requested funding in the pipeline', () => {
    // 2026 is exactly funded by a committed grant; 2027 only by a requested one; a budget of 0 from 2028
    const subject = initiative({
      budgets: [thousandADay(2026), thousandADay(2027), { year: 2028, amountCents: 0 }],
      commitments: [spread('2026-01-01', '2026-12-31', 365_000, 'committed'), spread('2027-01-01', '2027-12-31', 365_000, 'requested')],
    });
    const committed = computeRunway(subject, '2026-01-01', 'committed');
    expect(committed.runwayMonths).to.equal(12);
    expect(committed.fundedThrough).to.equal('2026-12-31');
    expect(committed.months[12]).to.deep.equal({ month: '2027-01', needCents: 31_000, fundingCents: 0, balanceCents: -31_000, needEstimated: false });

    const pipeline = computeRunway(subject, '2026-01-01', 'pipeline');
    expect(pipeline).to.deep.include({ scenario: 'pipeline', runwayMonths: 60, fundedThrough: '2030-12-31', horizonReached: true });
    expect(pipeline.months[12]).to.deep.equal({ month: '2027-01', needCents: 31_000, fundingCents: 31_000, balanceCents: 0, needEstimated: false });
  });

  it('carries the last budget forward, so a runway never reaches the horizon merely because budgets stop', () => {
    // a budget for 2026 only (1_000 a day), reserves 200_000, nothing committed, asOf 2026-07-01:
    // 2027..2031 need the 2026 amount, estimated; the reserves last July..December (184_000) and
    // run out in January 2027 (16_000 − 31_000 < 0)
    const runway = computeRunway(initiative({ reservesCents: 200_000, budgets: [thousandADay(2026)] }), '2026-07-01');
    expect(runway).to.deep.include({ runwayMonths: 6, fundedThrough: '2026-12-31', horizonReached: false, budgetThrough: 2026 });
    expect(runway.months.slice(5, 8)).to.deep.equal([
      { month: '2026-12', needCents: 31_000, fundingCents: 0, balanceCents: 16_000, needEstimated: false },
      { month: '2027-01', needCents: 31_000, fundingCents: 0, balanceCents: -15_000, needEstimated: true },
      { month: '2027-02', needCents: 28_000, fundingCents: 0, balanceCents: -43_000, needEstimated: true },
    ]);
    // June 2031, the horizon's last month, still needs the 2026 rate
    expect(runway.months[59]).to.deep.equal({ month: '2031-06', needCents: 30_000, fundingCents: 0, balanceCents: 200_000 - 184_000 - 4 * 365_000 - 181_000, needEstimated: true });
  });

  it('stops the need at an explicit budget of 0, which is not estimated', () => {
    const runway = computeRunway(initiative({ reservesCents: 200_000, budgets: [thousandADay(2026), { year: 2027, amountCents: 0 }] }), '2026-07-01');
    expect(runway).to.deep.include({ runwayMonths: 60, horizonReached: true, budgetThrough: 2027 });
    expect(runway.months[6]).to.deep.equal({ month: '2027-01', needCents: 0, fundingCents: 0, balanceCents: 16_000, needEstimated: false });
    expect(runway.months[18]?.needEstimated).to.equal(true);
  });

  it('calls a balance negative only when it is at least half a cent below zero', () => {
    // a budget of 1 cent for 2026: the balance after n days is −n/365 cents.
    // end of June: −181/365 = −0.496 → shows 0; end of July: −212/365 = −0.581 → shows −1
    const runway = computeRunway(initiative({ budgets: [{ year: 2026, amountCents: 1 }, { year: 2027, amountCents: 0 }] }), '2026-01-01');
    expect(runway.months.slice(5, 7).map((m) => m.balanceCents)).to.deep.equal([0, -1]);
    expect(runway.runwayMonths).to.equal(6);
    expect(runway.fundedThrough).to.equal('2026-06-30');
  });

  it('follows the horizon setting', () => {
    const runway = computeRunway(initiative(), '2026-01-15', 'committed', { horizonMonths: 12 });
    expect(runway.months).to.have.length(12);
    expect(runway.fundedThrough).to.equal('2026-12-31');
  });
});
