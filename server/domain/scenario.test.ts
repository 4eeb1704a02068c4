import { expect } from 'chai';
import { applyScenario, gapChanges, hypotheticalFunder, NO_CHANGES } from './scenario.js';
import { commitment, funder, initiative, spread, thousandADay } from './testFactories.js';
import type { FoundGap } from './gaps.js';

describe('scenario: applyScenario', () => {
  const requested = spread('2027-01-01', '2027-12-31', 365_000, 'requested');
  const committed = spread('2026-01-01', '2026-12-31', 365_000);
  const base = initiative({
    reservesCents: 1_000,
    budgets: [thousandADay(2026), thousandADay(2027)],
    commitments: [committed, requested],
    funders: new Map([[1, funder(1)]]),
  });
  const snapshot = JSON.stringify({ ...base, funders: [...base.funders] });

  it('changes nothing without changes', () => {
    expect(applyScenario(base, NO_CHANGES)).to.deep.equal(base);
  });

  it('counts included commitments as committed, leaves excluded ones out, and never touches the loaded funding', () => {
    const changed = applyScenario(base, { ...NO_CHANGES, include: [requested.id], exclude: [committed.id] });
    expect(changed.commitments).to.deep.equal([{ ...requested, status: 'committed' }]);
    expect(JSON.stringify({ ...base, funders: [...base.funders] })).to.equal(snapshot);
  });

  it('adds hypothetical commitments with negative ids, kind from the funder type, spread over their period', () => {
    const fonds = hypotheticalFunder(0, 'foundation');
    const changed = applyScenario(base, { ...NO_CHANGES, add: [{ funder: fonds, amountCents: 10_000, startDate: '2028-01-01', endDate: '2028-12-31' }] });
    expect(changed.commitments.at(-1)).to.deep.equal(
      commitment({ id: -1, funderId: -1, funderType: 'foundation', kind: 'grant', startDate: '2028-01-01', endDate: '2028-12-31', amountCents: 10_000 }),
    );
    expect(changed.funders.get(-1)).to.deep.equal(fonds);
    expect(base.funders.has(-1)).to.equal(false);
  });

  it('replaces or adds budget years, in year order, and the reserves', () => {
    const changed = applyScenario(base, { ...NO_CHANGES, budgets: [{ year: 2028, amountCents: 0 }, { year: 2026, amountCents: 5 }], reservesCents: 0 });
    expect(changed.budgets).to.deep.equal([{ year: 2026, amountCents: 5 }, thousandADay(2027), { year: 2028, amountCents: 0 }]);
    expect(changed.reservesCents).to.equal(0);
  });
});

describe('scenario: gapChanges', () => {
  const gap = (kind: FoundGap['kind'], periodStart: string, periodEnd: string, subjectId = 0): FoundGap =>
    ({ kind, periodStart, periodEnd, subjectId, shortfallCents: 0, severity: 'low', details: {}, commitmentId: null }) as unknown as FoundGap;

  it('matches gaps as a scan does: same kind and subject, overlapping periods', () => {
    const base = [gap('shortfall', '2027-01-01', '2027-12-31'), gap('cliff', '2027-01-01', '2027-01-31')];
    const scenario = [gap('shortfall', '2027-06-01', '2028-03-31'), gap('funder_limit', '2029-01-01', '2031-12-31', 7)];
    const { disappear, appear } = gapChanges(base, scenario);
    expect(disappear).to.deep.equal([base[1]]);
    expect(appear).to.deep.equal([scenario[1]]);
  });
});
