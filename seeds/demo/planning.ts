// Planning ahead in the demo (design/cofinancing.md): one open co-financing round, one saved
// what-if scenario and one finished policy simulation, so a first look at the console shows
// funders closing a gap together and not only the gaps themselves.
//
// Tuinmaatjes Utrecht (five-year risk, a shortfall from this month on: its gemeente subsidy is
// one-year money and the zorgverzekeraar's bijdrage for next year is only conditional) opens a
// round for next calendar year. Gemeente Utrecht has pledged 40% of the year's shortfall; the
// initiative proposed that Fonds Groen Verbindt, which funded its tuinploegen before, adds half
// of what the gemeente gives (a match of 50%). Both funders fund the initiative, so both see the
// gap and the round. Its plan B counts the conditional bijdrage as certain and adds three years
// of Fonds Groen Verbindt. The simulation asks what three-year gemeente subsidies would do.
//
// Amounts follow from the initiative's funding as loaded (the round's target is its period's
// shortfall, as the API would fill it in), rounded down to whole hundreds of euros.
import { F, gemeenteKey } from './funders.js';

const HUNDRED_EUROS = 10_000;
const hundreds = (cents: number): number => Math.floor(cents / HUNDRED_EUROS) * HUNDRED_EUROS;

export const DEMO_PLANNING = {
  initiativeKey: 'tuinmaatjes-utrecht',
  round: {
    title: (year: number) => `Tuinploegen ${year}: samen het tekort dichten`,
    note:
      'De Wmo-subsidie is jaarlijks en de bijdrage van Gezond Verbond hangt af van de tussenevaluatie. ' +
      'We vragen de gemeente en Fonds Groen Verbindt om samen het tekort van volgend jaar te dekken, zodat de vier tuinploegen kunnen doorgaan.',
  },
  /** The gemeente's pledge, as a share of the round's target. */
  gemeente: {
    funderKey: gemeenteKey('utrecht'),
    share: 0.4,
    note: 'Onze Wmo-bijdrage voor volgend jaar (de aanvraag loopt al), onder voorbehoud van de begroting; graag daarna een meerjarige afspraak.',
  },
  /** The fonds's proposed match of the gemeente's pledge. */
  fonds: {
    funderKey: F.groenVerbindt,
    ratioPercent: 50,
    note: 'Voorstel van Tuinmaatjes: Fonds Groen Verbindt legt de helft bij van wat de gemeente geeft, zoals bij de tuinploegen eerder.',
  },
  scenario: {
    name: 'Plan B: Fonds Groen Verbindt drie jaar',
    note:
      'Voor het gesprek met de fondsen: wat als Gezond Verbond de bijdrage na de tussenevaluatie toch toekent en Fonds Groen Verbindt drie jaar een kwart van de begroting draagt?',
    /** Fonds Groen Verbindt's yearly share of next year's budget in the plan. */
    share: 0.25,
    years: 3,
    /** Counted as certain in the plan: the conditional commitment of this funder. */
    includeFunderKey: F.gezondVerbond,
  },
  /** "If the gemeenten gave three-year subsidies": the number a coalition brings to a council. */
  simulation: { rule: 'extend_short_term', funderTypes: ['municipality'], toMonths: 36 } as const,
} as const;

/** The round's pledges, in cents: the gemeente's share of the target, the fonds's match of it. */
export function demoPledgeCents(targetCents: number): { gemeente: number; fonds: number } {
  const gemeente = hundreds(targetCents * DEMO_PLANNING.gemeente.share);
  return { gemeente, fonds: hundreds((gemeente * DEMO_PLANNING.fonds.ratioPercent) / 100) };
}

/** Fonds Groen Verbindt in plan B, in cents: the same yearly sum, a share of next year's budget, for each year of the plan. */
export function demoPlanCents(nextYearBudgetCents: number): number {
  return hundreds(nextYearBudgetCents * DEMO_PLANNING.scenario.share) * DEMO_PLANNING.scenario.years;
}
