import { expect } from 'chai';
import { computeFragmentation } from './fragmentation.js';
import { commitment, initiative, spread, tranche } from './testFactories.js';
import { windowMoney, yearMoney } from './keptMoney.js';

const settings = { shortTermMonths: 24 };

describe('yearMoney (the money per year the scans keep)', () => {
  // Worked by hand:
  // - A, municipality 1: 2026 whole, € 365 without tranches, 12 months (short-term) → 2026: 36,500 cents.
  // - B, foundation 2: 2026-07-01..2029-06-30 (36 months), one tranche 2026-07-01..2027-06-30 (365
  //   days) of 100,000 cents → 2026: 100,000 × 184 ÷ 365 = 50,410 + 350/365; 2027: 100,000 × 181 ÷ 365
  //   = 49,589 + 15/365.
  // - C, province 3, requested: not committed, counts nowhere. D, municipality 1, all tranches
  //   cancelled: carries nothing. E, company 4, 2040: outside the years asked.
  const subject = initiative({
    commitments: [
      commitment({ funderId: 1, funderType: 'municipality', startDate: '2026-01-01', endDate: '2026-12-31', amountCents: 36_500 }),
      commitment({
        funderId: 2,
        funderType: 'foundation',
        startDate: '2026-07-01',
        endDate: '2029-06-30',
        amountCents: 300_000,
        tranches: [tranche('2026-07-01', '2027-06-30', 100_000)],
      }),
      commitment({ funderId: 3, funderType: 'province', status: 'requested', startDate: '2026-01-01', endDate: '2026-12-31', amountCents: 99_999 }),
      commitment({ funderId: 1, startDate: '2027-01-01', endDate: '2027-12-31', amountCents: 50_000, tranches: [tranche('2027-01-01', '2027-12-31', 50_000, 'cancelled')] }),
      spread('2040-01-01', '2040-12-31', 10_000),
    ],
  });
  const b2026 = 50_410 + 350 / 365;
  const b2027 = 49_589 + 15 / 365;
  const none = { wholeCents: 0, partCents: 0, cents: 0, shortCents: 0 };

  it('splits each year into whole cents and the rest, per funder type group, with the HHI', () => {
    const [y2026, y2027, ...more] = yearMoney(subject, 2025, 2034, settings);
    expect(more).to.deep.equal([]);
    expect(y2026).to.deep.include({ year: 2026, wholeCents: 86_910, shortCents: 36_500 });
    expect(y2026!.partCents).to.be.closeTo(350 / 365, 1e-12);
    expect(y2026!.cents).to.be.closeTo(36_500 + b2026, 1e-9);
    expect(y2026!.hhi).to.be.closeTo((36_500 ** 2 + b2026 ** 2) / (36_500 + b2026) ** 2, 1e-12);
    expect(y2026!.byType[0]).to.deep.equal({ wholeCents: 36_500, partCents: 0, cents: 36_500, shortCents: 36_500 });
    expect(y2026!.byType[1]!.wholeCents).to.equal(50_410);
    expect(y2026!.byType[1]!.shortCents).to.equal(0);
    expect(y2026!.byType.slice(2)).to.deep.equal([none, none]);
    expect(y2027).to.deep.include({ year: 2027, wholeCents: 49_589, shortCents: 0, hhi: 1 });
    expect(y2027!.cents).to.be.closeTo(b2027, 1e-9);
  });

  it('agrees with computeFragmentation, the definition, on money and HHI', () => {
    for (const row of yearMoney(subject, 2025, 2034, settings)) {
      const reference = computeFragmentation(subject, row.year, settings);
      expect(Math.round(row.cents)).to.equal(reference.fundingCents);
      expect(row.hhi).to.be.closeTo(reference.hhi!, 1e-12);
    }
  });

  it('keeps only the years asked, and a year with money of 0 as a row without HHI', () => {
    expect(yearMoney(subject, 2027, 2027, settings).map((r) => r.year)).to.deep.equal([2027]);
    const nothing = yearMoney(initiative({ commitments: [spread('2026-01-01', '2026-12-31', 0)] }), 2025, 2034, settings);
    expect(nothing).to.deep.equal([{ year: 2026, ...none, hhi: null, byType: [none, none, none, none] }]);
  });
});

describe('windowMoney (need and funding of the coming months the scans keep)', () => {
  // Worked by hand, three months from 2026-11-01: need € 1,000 a day from the 2026 budget, carried
  // into 2027 (30,000 / 31,000 / 31,000); a committed € 610 over 61 days from 2026-11-15 (16,000 /
  // 31,000 / 14,000); a committed € 1 over 2026-10-30..2026-11-01 of which November gets 100 ÷ 3 =
  // 33 + 1/3; a requested tranche of € 30 in December (pipeline only).
  const subject = initiative({
    budgets: [{ year: 2026, amountCents: 365_000 }],
    commitments: [
      spread('2026-11-15', '2027-01-14', 61_000),
      spread('2026-10-30', '2026-11-01', 100),
      commitment({ status: 'requested', startDate: '2026-12-01', endDate: '2026-12-31', amountCents: 10_000, tranches: [tranche('2026-12-01', '2026-12-03', 3_000)] }),
      spread('2027-02-01', '2027-02-28', 99_999),
    ],
  });

  it('gives running totals of need, committed and pipeline funding, whole cents and the rest apart', () => {
    const money = windowMoney(subject, '2026-11-01', 3);
    expect(money.need).to.deep.equal({ whole: [30_000, 61_000, 92_000], part: [0, 0, 0] });
    expect(money.committed.whole).to.deep.equal([16_033, 47_033, 61_033]);
    expect(money.pipeline.whole).to.deep.equal([16_033, 50_033, 64_033]);
    for (const part of [money.committed.part, money.pipeline.part]) for (const p of part) expect(p).to.be.closeTo(1 / 3, 1e-15);
  });

  it('needs nothing before the first budget year', () => {
    expect(windowMoney(initiative({ budgets: [{ year: 2027, amountCents: 365_000 }] }), '2026-12-01', 2).need.whole).to.deep.equal([0, 31_000]);
  });
});
