import { expect } from 'chai';
import { gapSentence } from './gapSentences.js';

const names = { funder: (id: number) => (id === 7 ? 'Oranje Fonds' : `#${id}`), commitment: (id: number) => (id === 9 ? 'Bijdrage 2027' : `#${id}`) };
/** Intl writes a no-break space between € and the amount. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('export: a gap in one sentence', () => {
  it('says how much a shortfall lacks, when most, and until when the money lasts', () => {
    const details = { months: 3, firstMonth: '2027-01', lastMonth: '2027-03', totalCents: 300_000, largestMonth: '2027-02', largestMonthCents: 150_000, fundedThrough: '2027-01-31' };
    expect(plain(gapSentence('nl', 'shortfall', details, names))).to.equal(
      'januari 2027 – maart 2027: € 3.000,00 minder toegezegd dan begroot (het meest in februari 2027: € 1.500,00). Het geld is er tot en met 31-01-2027.',
    );
    expect(plain(gapSentence('en', 'shortfall', details, names))).to.equal(
      'January 2027 – March 2027: €3,000.00 less committed than budgeted (most in February 2027: €1,500.00). The money lasts until 31/01/2027.',
    );
  });

  it('names the commitments a cliff follows from, and the funder of an expiring commitment', () => {
    expect(plain(gapSentence('nl', 'cliff', { month: '2027-07', previousFundingCents: 500_000, fundingCents: 100_000, endingCommitmentIds: [9] }, names))).to.equal(
      'In juli 2027 daalt de toegezegde financiering van € 5.000,00 naar € 1.000,00 per maand, omdat Bijdrage 2027 afloopt.',
    );
    expect(plain(gapSentence('en', 'expiring', { commitmentId: 9, funderId: 7, endDate: '2027-06-30', amountCents: 1_200_000 }, names))).to.equal(
      '‘Bijdrage 2027’ from Oranje Fonds (€12,000.00) ends on 30/06/2027 and no follow-up has been applied for.',
    );
  });

  it("gives a funder's limit and the reasons of a five-year risk", () => {
    expect(gapSentence('nl', 'funder_limit', { funderId: 7, maxFundingYears: 3, firstStartDate: '2024-01-01', limitDate: '2027-01-01' }, names)).to.equal(
      'Oranje Fonds financiert een initiatief hoogstens 3 jaar; sinds 01-01-2024 is dat tot 01-01-2027.',
    );
    const risk = { ageYears: 4, reasons: ['low_coverage', 'short_term_funding'], coverage: 0.4, shortTermShare: 0.8 };
    expect(plain(gapSentence('nl', 'five_year_risk', risk, names))).to.equal(
      'Het initiatief is 4 jaar oud, de leeftijd waarop veel initiatieven hun financiering verliezen: de komende 12 maanden is maar 40% van de behoefte toegezegd en 80% van het toegezegde geld is kortlopend.',
    );
  });

  it('says the explanation follows when an older scan wrote no details', () => {
    expect(gapSentence('nl', 'cliff', {}, names)).to.equal('De toelichting volgt na de volgende scan.');
    expect(gapSentence('en', 'shortfall', {}, names)).to.equal('The explanation follows after the next scan.');
  });
});
