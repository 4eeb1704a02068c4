// The demo initiatives in Nijmegen, in the order the portfolio lists them.
import { F } from '../funders.js';
import type { InitiativeSpec } from '../initiativeBuilder.js';

export const nijmegen: InitiativeSpec[] = [
  {
    key: 'wooncooperatie-samen-oud-lindenholt',
    name: 'Wooncoöperatie Samen Oud Lindenholt',
    place: 'nijmegen',
    founded: [-7, 6, 1],
    domains: ['housing', 'care', 'welfare'],
    reserves: 20_000,
    shared: true,
    budget: { base: 75_000, growth: 0.04 },
    description:
      'Ouderen uit Lindenholt ontwikkelen samen een wooncoöperatie met twintig levensloopbestendige woningen en een gemeenschappelijke ruimte, ' +
      'zodat zij in de wijk oud kunnen worden en naar elkaar blijven omkijken.',
    funding: (b) => {
      const { cal } = b;
      // Provincie Gelderland funds at most four years: the limit falls on 1 January of Y+2.
      b.grant(F.provincie, `Programma Gelders Wonen en Zorg ${cal.year - 2}–${cal.year}`, cal.jan1(-2), cal.dec31(0), 0.38, { programme: 'Wonen en Zorg' });
      b.grant(F.provincie, `Programma Gelders Wonen en Zorg ${cal.year + 1}`, cal.jan1(1), cal.dec31(1), 0.3, {
        programme: 'Wonen en Zorg',
        status: 'requested',
        note: 'Laatste jaar binnen de maximale looptijd van vier jaar.',
      });
      b.municipal('Wonen', 0.3, { what: 'wooncoöperatie ouderen' });
      b.add({ funder: F.buurtbank, kind: 'loan', title: 'Voorfinanciering ontwikkelfase', start: cal.jan1(-1), end: cal.dec31(2), share: 0.1, schedule: 'once', note: 'Aflossing na oplevering van de woningen.' });
      b.grant(F.buurtkracht, 'Bewonersparticipatie in het bouwproces', cal.on(-1, 4, 1), cal.on(1, 3, 31), 0.2);
    },
  },
  {
    key: 'fietsenwerkplaats-de-spaak',
    name: 'Fietsenwerkplaats De Spaak',
    place: 'nijmegen',
    founded: [-10, 1, 8],
    domains: ['participation', 'climate'],
    reserves: 15_000,
    budget: { base: 95_000, growth: 0.02 },
    description:
      'Werkplaats waar mensen met een afstand tot de arbeidsmarkt onder begeleiding fietsen opknappen, die daarna betaalbaar worden verkocht aan statushouders en studenten.',
    funding: (b) => {
      const { cal } = b;
      b.add({ funder: b.gemeente, kind: 'contract', programme: 'Participatie', title: `Opdracht werkervaringsplekken ${cal.year - 3}–${cal.year - 2}`, start: cal.jan1(-3), end: cal.dec31(-2), share: 0.7, schedule: 'quarterly' });
      b.add({ funder: b.gemeente, kind: 'contract', programme: 'Participatie', title: `Opdracht werkervaringsplekken ${cal.year - 1}–${cal.year}`, start: cal.jan1(-1), end: cal.dec31(0), share: 0.72, schedule: 'quarterly' });
      b.add({
        funder: b.gemeente,
        kind: 'contract',
        programme: 'Participatie',
        title: `Opdracht werkervaringsplekken ${cal.year + 1}–${cal.year + 2}`,
        start: cal.jan1(1),
        end: cal.dec31(2),
        share: 0.7,
        status: 'conditional',
        schedule: 'quarterly',
        note: 'Gunning onder voorbehoud van de uitkomst van de marktconsultatie.',
      });
      b.grant(F.groenVerbindt, 'Circulaire fietsen', cal.jan1(0), cal.dec31(1), 0.22);
      b.add({ funder: F.buurtbank, kind: 'sponsorship', title: 'Sponsoring gereedschap (tweejarig)', start: cal.jan1(0), end: cal.dec31(1), euros: 6_000, schedule: 'yearly' });
      b.grant(F.rijksfonds, 'Werkplaats als leerbedrijf', cal.jan1(1), cal.dec31(2), 0.2, { status: 'declined', note: 'Afgewezen: geen erkend leerbedrijf.' });
    },
  },
  {
    key: 'samen-koken-hatert',
    name: 'Samen Koken Hatert',
    place: 'nijmegen',
    founded: [-6, 9, 20],
    domains: ['food', 'welfare'],
    reserves: 4_000,
    budget: { base: 58_000, growth: 0.03 },
    description:
      'Buurtgenoten koken om de beurt voor elkaar in de keuken van het wijkcentrum; wie weinig te besteden heeft betaalt wat hij kan. ' +
      'Ook een kookcursus voor jonge vaders.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Wmo', 0.5, { followUp: 'conditional', what: 'samen koken' });
      b.municipal('Armoede', 0.15, { from: 0, followUp: 'none', what: 'maaltijden voor minima' });
      b.grant(F.gedeeldeBord, 'Kookcursus jonge vaders', cal.on(-1, 7, 1), cal.on(1, 6, 30), 0.3, { schedule: 'quarterly' });
      b.donation(F.diaconie, -1, 2_000, 'Gift kerstdiner');
    },
  },
  {
    key: 'mantelzorgcafe-de-verademing',
    name: 'Mantelzorgcafé De Verademing',
    place: 'nijmegen',
    founded: [-8, 11, 11],
    domains: ['care', 'welfare'],
    reserves: 6_000,
    budget: { base: 27_000, growth: 0.03 },
    description:
      'Maandelijkse bijeenkomsten en een wekelijkse inloop voor mantelzorgers: even op adem komen, ervaringen delen en praktische tips over regelingen en respijtzorg.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Wmo', 0.65, { followUp: 'committed', what: 'mantelzorgondersteuning' });
      b.grant(F.gezondVerbond, 'Preventie overbelasting mantelzorgers', cal.jan1(0), cal.dec31(1), 0.3);
      b.grant(F.zilverenJaren, `Lotgenotengroepen ${cal.year - 1}`, cal.jan1(-1), cal.dec31(-1), 0.2, { schedule: 'once' });
    },
  },
  {
    key: 'buurtbus-dukenburg',
    name: 'Buurtbus Dukenburg',
    place: 'nijmegen',
    founded: [-4, 6, 15],
    domains: ['care', 'participation'],
    reserves: 3_000,
    budget: { base: 41_000, growth: 0.05 },
    description:
      'Vrijwillige chauffeurs rijden ouderen en mensen met een beperking naar de huisarts, de markt en het buurthuis. Een ritje kost een euro.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Wmo', 0.55, { what: 'buurtbus' });
      b.grant(F.provincie, 'Kleine kernen mobiel', cal.jan1(-1), cal.dec31(0), 0.33, { programme: 'Mobiliteit' });
      b.add({ funder: F.buurtbank, kind: 'sponsorship', title: 'Sponsoring tweede bus', start: cal.jan1(-1), end: cal.dec31(1), share: 0.1, schedule: 'yearly' });
    },
  },
];
