// The demo initiatives in Groningen, in the order the portfolio lists them.
import { F } from '../funders.js';
import type { InitiativeSpec } from '../initiativeBuilder.js';

export const groningen: InitiativeSpec[] = [
  {
    key: 'buurtcooperatie-selwerd',
    name: 'Buurtcoöperatie Selwerd',
    place: 'groningen',
    founded: [-9, 5, 5],
    domains: ['welfare', 'care', 'housing'],
    reserves: 25_000,
    shared: true,
    budget: { base: 140_000, growth: 0.03 },
    description:
      'Coöperatie van en voor bewoners van Selwerd: een wijkbedrijf voor klussen en groenonderhoud, een buurtkamer en ondersteuning van buren die hulp nodig hebben. ' +
      'Werkt nauw samen met het wijkteam.',
    funding: (b) => {
      const { cal } = b;
      b.add({ funder: b.gemeente, kind: 'subsidy', programme: 'Wmo', title: `Subsidie Wmo ${cal.year - 2}–${cal.year - 1} – buurtcoöperatie`, start: cal.jan1(-2), end: cal.dec31(-1), share: 0.45, schedule: 'quarterly', renewable: true });
      b.add({ funder: b.gemeente, kind: 'subsidy', programme: 'Wmo', title: `Subsidie Wmo ${cal.year}–${cal.year + 1} – buurtcoöperatie`, start: cal.jan1(0), end: cal.dec31(1), share: 0.45, schedule: 'quarterly', renewable: true });
      b.municipal('Participatie', 0.18, { from: -1, what: 'wijkbedrijf' });
      b.add({ funder: F.woonstichting, kind: 'contract', title: 'Opdracht groenonderhoud en schoonmaak', start: cal.jan1(-1), end: cal.dec31(1), share: 0.25, schedule: 'quarterly' });
      b.grant(F.rijksfonds, 'Proeftuin buurtcoöperaties', cal.jan1(0), cal.dec31(1), 0.1);
    },
  },
  {
    key: 'stadstuin-de-wortel',
    name: 'Stadstuin De Wortel',
    place: 'groningen',
    founded: [-5, 4, 22],
    domains: ['climate', 'food', 'participation'],
    reserves: 12_000,
    budget: { base: 48_000, growth: 0.01, to: 4 },
    description:
      'Stadstuin op het terrein van een voormalige kwekerij, waar wijkbewoners, mensen uit de ggz en nieuwkomers samen tuinieren. ' +
      'Sinds dit jaar vast onderdeel van de sociale basis van de gemeente, met een meerjarige afspraak en een landelijke impulsbijdrage.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Groen', 0.5, { from: -2, to: -2, followUp: 'none', what: 'stadstuin' });
      b.municipal('Groen', 0.55, { from: -1, to: -1, followUp: 'none', what: 'stadstuin' });
      b.add({ funder: b.gemeente, kind: 'subsidy', programme: 'Groen', title: `Meerjarige subsidie sociale basis ${cal.year}–${cal.year + 4}`, start: cal.jan1(0), end: cal.dec31(4), share: 0.62, schedule: 'yearly', renewable: true });
      b.grant(F.rijksfonds, 'Impulsregeling groen en gezond (vijfjarig)', cal.on(-1, 7, 1), cal.dec31(4), 0.46);
      b.donation(F.diaconie, -1, 1_500, 'Gift kas en gereedschap');
    },
  },
  {
    key: 'samen-eten-oosterpark',
    name: 'Samen Eten Oosterpark',
    place: 'groningen',
    founded: [-6, 1, 15],
    domains: ['food', 'welfare'],
    reserves: 5_000,
    budget: { base: 34_000, growth: 0.03 },
    description:
      'Drie keer per week een warme maaltijd in de Oosterparkwijk, gekookt door buurtbewoners die het leuk vinden om voor anderen te koken. ' +
      'Mensen die weinig de deur uitkomen worden opgehaald.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Wmo', 0.6, { what: 'samen eten' });
      b.grant(F.gedeeldeBord, `Buurtmaaltijden ${cal.year - 1}–${cal.year}`, cal.jan1(-1), cal.dec31(0), 0.3);
      b.grant(F.gedeeldeBord, `Buurtmaaltijden ${cal.year + 1}–${cal.year + 2}`, cal.jan1(1), cal.dec31(2), 0.25, { status: 'requested' });
      b.add({ funder: F.versmarkt, kind: 'in_kind', title: 'Levensmiddelen (in natura)', start: cal.jan1(0), end: cal.dec31(1), share: 0.06 });
    },
  },
  {
    key: 'taalsteun-vinkhuizen',
    name: 'Taalsteun Vinkhuizen',
    place: 'groningen',
    founded: [-8, 9, 1],
    domains: ['education', 'participation'],
    reserves: 4_000,
    budget: { base: 30_000, growth: 0.03 },
    description:
      'Taalvrijwilligers helpen laaggeletterde volwassenen en nieuwkomers met lezen, schrijven en de digitale overheid, in kleine groepen in het buurtcentrum.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Participatie', 0.7, { schedule: 'yearly', followUp: 'committed', what: 'taalsteun' });
      b.grant(F.buurtkracht, `Taalgroepen ${cal.year - 2}–${cal.year - 1}`, cal.jan1(-2), cal.dec31(-1), 0.25);
      b.grant(F.buurtkracht, `Taalgroepen ${cal.year}–${cal.year + 1}`, cal.jan1(0), cal.dec31(1), 0.28);
      b.grant(F.samenSterk, 'Digitale taalhulp', cal.jan1(1), cal.dec31(2), 0.2, { status: 'declined', note: 'Afgewezen: het fonds financiert al een vergelijkbaar project in de regio.' });
    },
  },
  {
    key: 'dansmiddag-martini',
    name: 'Dansmiddag Martini',
    place: 'groningen',
    founded: [-7, 10, 10],
    domains: ['care', 'welfare'],
    reserves: 0,
    stopped: true,
    budget: { base: 30_000, growth: 0.03, from: -3, to: -1, lastFactor: 0.5, lastNote: 'Afbouw; laatste dansmiddag in juni' },
    description: (year) =>
      'Maandelijkse dansmiddag voor ouderen, mensen met dementie en hun mantelzorgers. ' +
      `Gestopt in ${year - 1}, na vijf jaar: de pilotsubsidie liep af en een structurele plek in de Wmo-begroting bleef uit.`,
    funding: (b) => {
      const { cal } = b;
      b.add({ funder: b.gemeente, kind: 'subsidy', programme: 'Wmo', title: `Pilotsubsidie dansmiddagen ${cal.year - 3}`, start: cal.jan1(-3), end: cal.dec31(-3), share: 0.5, schedule: 'once' });
      b.add({ funder: b.gemeente, kind: 'subsidy', programme: 'Wmo', title: `Subsidie Wmo ${cal.year - 2} – dansmiddagen`, start: cal.jan1(-2), end: cal.dec31(-2), share: 0.5, schedule: 'once' });
      b.grant(F.zilverenJaren, 'Dansmiddagen voor mensen met dementie', cal.jan1(-3), cal.dec31(-2), 0.3);
      b.add({ funder: b.gemeente, kind: 'subsidy', programme: 'Wmo', title: `Subsidie Wmo ${cal.year - 1} – dansmiddagen`, start: cal.jan1(-1), end: cal.dec31(-1), share: 0.5, status: 'declined', note: 'Afgewezen: geen ruimte in de Wmo-begroting.' });
      b.grant(F.zilverenJaren, 'Overbruggingsbijdrage', cal.jan1(-1), cal.on(-1, 6, 30), 0.6, { schedule: 'once' });
    },
  },
];
