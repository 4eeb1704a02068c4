import { expect } from 'chai';
import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { Gap, GapDetailsByKind, GapKind, GapOf } from '../api/types';
import en from '../i18n/en';
import nl from '../i18n/nl';
import { explainGap, gapPeriod, nextStep, type GapSubjects } from './explainGap';

// Intl writes "€ 12.000" with a no-break space; the sentences are compared as read.
const plain = (text: string) => text.replace(/\u00a0/g, ' ');
const dutch = polyglotI18nProvider(() => nl, 'nl');
const english = polyglotI18nProvider(() => en, 'en');
const tNl = (key: string, options?: Record<string, unknown>) => plain(dutch.translate(key, options));
const tEn = (key: string, options?: Record<string, unknown>) => plain(english.translate(key, options));
const explain = (g: Gap, locale = 'nl') => plain(explainGap(g, subjects, locale === 'en' ? tEn : tNl, locale));

function gap<K extends GapKind>(kind: K, details: GapDetailsByKind[K], period: Partial<Gap> = {}): GapOf<K> {
  return {
    id: 1,
    initiativeId: 7,
    kind,
    details,
    periodStart: '2027-01-01',
    periodEnd: '2027-03-31',
    shortfallCents: 0,
    severity: 'high',
    detectedAt: '2026-11-30T03:00:00Z',
    resolvedAt: null,
    open: true,
    ...period,
  } as GapOf<K>;
}

const subjects: GapSubjects = {
  commitment: (id) => (id === 11 ? { id: 11, title: 'Subsidie X', funderId: 3, kind: 'subsidy', endDate: '2027-03-31' } : undefined),
  funderName: (id) => (id === 3 ? 'Gemeente Utrecht' : undefined),
};

const shortfall = gap('shortfall', {
  months: 3,
  firstMonth: '2027-01',
  lastMonth: '2027-03',
  totalCents: 300_000,
  largestMonth: '2027-02',
  largestMonthCents: 120_000,
  needEstimated: false,
  budgetThrough: 2028,
  fundedThrough: '2027-04-30',
  runwayMonths: 5,
  reservesCents: 1_200_000,
  toleranceCents: 1_000,
});

describe('a gap explained in a sentence', () => {
  it('says how much a shortfall lacks, when most, and until when the reserves carry it', () => {
    expect(explain(shortfall)).to.equal(
      'Van januari t/m maart 2027 is € 3.000 minder toegezegd dan begroot (het meest in februari 2027: € 1.200). ' +
        'De reserves (€ 12.000) vangen dit op: het geld is er tot en met 30-04-2027.',
    );
  });

  it('says when a shortfall’s need is estimated from the last budget', () => {
    const estimated = gap('shortfall', { ...shortfall.details, needEstimated: true, budgetThrough: 2026, fundedThrough: '2027-01-31' });
    expect(explain(estimated)).to.contain('De reserves (€ 12.000) dekken dit tot en met 31-01-2027.');
    expect(explain(estimated)).to.contain('Vanaf 2027 is er nog geen begroting: die behoefte is geschat op de begroting van 2026.');
    const step = nextStep(estimated, subjects, { role: 'initiative', funderId: null, year: 2026 }, tNl);
    expect(step).to.deep.equal({ label: 'Begroting 2027 invullen', to: '/initiatives/7/show', state: { focus: 'budgets', budgetYear: 2027 } });
    const later = nextStep(estimated, subjects, { role: 'initiative', funderId: null, year: 2025 }, tNl);
    expect(later.label, 'a budget two years ahead can wait; the money cannot').to.equal('Aanvraag vastleggen');
  });

  it('does not say the reserves cover a shortfall they do not reach', () => {
    const early = gap('shortfall', { ...shortfall.details, fundedThrough: '2026-12-31' });
    expect(explain(early)).to.contain('De reserves (€ 12.000) zijn niet genoeg: het geld is er tot en met 31-12-2026.');
    const now = gap('shortfall', { ...shortfall.details, fundedThrough: null, runwayMonths: 0, reservesCents: 150_000 });
    expect(explain(now, 'en')).to.contain('Even with the reserves (€1,500) the money runs out this month.');
  });

  it('says by how much a cliff drops and which commitment ends', () => {
    const cliff = gap('cliff', {
      month: '2027-07',
      previousFundingCents: 500_000,
      fundingCents: 100_000,
      dropCents: 400_000,
      dropShare: 0.8,
      endingCommitmentIds: [11],
      cliffPercent: 70,
    });
    expect(explain(cliff)).to.equal(
      'In juli 2027 daalt de toegezegde financiering van € 5.000 naar € 1.000 per maand (−80%), omdat ‘Subsidie X’ van Gemeente Utrecht afloopt.',
    );
    expect(gapPeriod(cliff, tNl, 'nl')).to.equal('juli 2027');
  });

  it('says when an expiring commitment ends, not when it started, and suggests a follow-up from the same funder', () => {
    const expiring = gap('expiring', {
      commitmentId: 11,
      funderId: 3,
      startDate: '2024-04-01',
      endDate: '2027-03-31',
      amountCents: 1_200_000,
      monthsLeft: 4,
      expiringWithinMonths: 6,
    });
    expect(explain(expiring)).to.equal(
      '‘Subsidie X’ van Gemeente Utrecht (€ 12.000) loopt af op 31-03-2027, over 4 maanden, en er is geen vervolg aangevraagd.',
    );
    expect(gapPeriod(expiring, tNl, 'nl')).to.equal('eindigt 31-03-2027');
    expect(nextStep(expiring, subjects, { role: 'initiative', funderId: null, year: 2026 }, tNl)).to.deep.equal({
      label: 'Vervolg aanvragen bij Gemeente Utrecht',
      to: '/commitments/create',
      state: { record: { status: 'requested', initiativeId: 7, funderId: 3, startDate: '2027-04-01', kind: 'subsidy', title: 'Vervolg: Subsidie X' } },
    });
    expect(nextStep(expiring, subjects, { role: 'admin', funderId: null, year: 2026 }, tNl).state).to.deep.equal({ focus: 'coverage-section' });
  });

  it('names a funder’s limit in years and its dates', () => {
    const limit = gap('funder_limit', { funderId: 3, maxFundingYears: 3, firstStartDate: '2024-01-01', limitDate: '2027-01-01' });
    expect(explain(limit)).to.equal(
      'Gemeente Utrecht financiert een initiatief maximaal 3 jaar; sinds 01-01-2024 is dat tot 01-01-2027. Daarna moet het geld ergens anders vandaan komen.',
    );
    expect(gapPeriod(limit, tNl, 'nl')).to.equal('vanaf 01-01-2027');
  });

  it('gives the age, the values and the thresholds of a five-year risk, in Dutch and in English', () => {
    const risk = gap('five_year_risk', {
      reasons: ['low_coverage', 'short_term_funding'],
      ageYears: 4,
      windowFirstMonth: '2026-11',
      windowLastMonth: '2027-10',
      needCents: 10_000_000,
      committedCents: 4_000_000,
      shortTermCents: 3_200_000,
      coverage: 0.4,
      shortTermShare: 0.8,
      coverageThreshold: 0.75,
      shortTermThreshold: 0.5,
      needEstimated: false,
    });
    expect(explain(risk)).to.equal(
      'Het initiatief is 4 jaar oud: rond die leeftijd verliezen veel initiatieven hun financiering. ' +
        'De komende 12 maanden (november 2026 t/m oktober 2027) is maar 40% van de behoefte toegezegd (drempel 75%). ' +
        '80% van het toegezegde geld komt uit kortlopende toezeggingen van hoogstens twee jaar (drempel 50%).',
    );
    expect(explain(risk, 'en')).to.equal(
      'The initiative is 4 years old: around this age many initiatives lose their funding. ' +
        'Of the need in the coming 12 months (November 2026 to October 2027) only 40% is committed (threshold 75%). ' +
        '80% of the committed money comes from short-term commitments of two years or less (threshold 50%).',
    );
  });

  it('still reads when the reader may not see the commitment', () => {
    const expiring = gap('expiring', {
      commitmentId: 99,
      funderId: 98,
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      amountCents: 250_050,
      monthsLeft: 0,
      expiringWithinMonths: 6,
    });
    expect(explain(expiring)).to.equal(
      'Een toezegging (€ 2.500,50) loopt af op 31-12-2026, deze maand, en er is geen vervolg aangevraagd.',
    );
  });

  it('reads a gap an older scan wrote without these details, until it is rescanned', () => {
    const old = { ...shortfall, details: { endingCommitmentIds: [] } } as unknown as Gap;
    expect(explain(old)).to.equal('Tekort: 01-01-2027 t/m 31-03-2027. De toelichting volgt na de volgende scan.');
    expect(nextStep(old, subjects, { role: 'initiative', funderId: null, year: 2026 }, tNl).to).to.equal('/initiatives/7/show');
  });
});
