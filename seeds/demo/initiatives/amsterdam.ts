// The demo initiatives in Amsterdam, in the order the portfolio lists them.
import { F } from '../funders.js';
import type { InitiativeSpec } from '../initiativeBuilder.js';

export const amsterdam: InitiativeSpec[] = [
  {
    key: 'buurtkeuken-de-lepel',
    name: 'Buurtkeuken De Lepel',
    place: 'amsterdam',
    founded: [-7, 9, 12],
    domains: ['food', 'welfare', 'participation'],
    reserves: 14_000,
    shared: true,
    budget: { base: 86_000, growth: 0.04, from: -1 },
    description:
      'Buurtbewoners in Nieuw-West koken drie avonden per week samen en eten met buren die anders alleen aan tafel zitten. ' +
      'Vrijwilligers met een afstand tot de arbeidsmarkt draaien mee in de keuken en halen er hun hygiënecertificaat.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Wmo', 0.45, { from: -1, followUp: 'committed', what: 'buurtmaaltijden' });
      b.municipal('Armoede', 0.17, { from: 0, followUp: 'conditional', what: 'maaltijden voor minima' });
      b.grant(F.gedeeldeBord, `Bijdrage keukenploeg ${cal.year + 1}–${cal.year + 2}`, cal.jan1(1), cal.dec31(2), 0.25, { status: 'requested' });
      b.grant(F.gedeeldeBord, `Bijdrage keukenploeg ${cal.year - 1}–${cal.year}`, cal.jan1(-1), cal.dec31(0), 0.28, {
        schedule: 'quarterly',
        cancelTranche: { index: 2, mode: 'reissue' },
      });
      b.add({ funder: F.versmarkt, kind: 'in_kind', title: 'Dagverse producten (in natura)', start: cal.jan1(-1), end: cal.dec31(1), share: 0.08 });
      b.grant(F.zilverenJaren, 'Ouderentafel op zondag', cal.jan1(1), cal.dec31(1), 0.15, { status: 'declined', note: 'Afgewezen: valt buiten de doelgroep van het fonds (65+).' });
    },
  },
  {
    key: 'taalmaatjes-amsterdam-oost',
    deficit: true,
    name: 'Taalmaatjes Amsterdam-Oost',
    place: 'amsterdam',
    founded: [-5, 3, 2],
    domains: ['education', 'participation'],
    reserves: 3_000,
    budget: { base: 42_000, growth: 0.05 },
    description:
      'Vrijwillige taalcoaches oefenen één op één Nederlands met nieuwkomers en anderstalige ouders, thuis of in de bibliotheek. ' +
      'Begonnen als buurtproject, inmiddels ruim zestig koppels per jaar.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Participatie', 0.45, { what: 'taalcoaching' });
      b.grant(F.buurtkracht, `Bijdrage koppelingen ${cal.year - 1}–${cal.year}`, cal.on(-1, 9, 1), cal.on(0, 8, 31), 0.2, { schedule: 'once' });
      b.grant(F.buurtkracht, `Bijdrage koppelingen ${cal.year}–${cal.year + 1}`, cal.on(0, 9, 1), cal.on(1, 8, 31), 0.2, { status: 'requested' });
      b.donation(F.diaconie, -1, 1_500, 'Gift voor lesmateriaal');
    },
  },
  {
    key: 'repair-cafe-de-schroevendraaier',
    name: 'Repair Café De Schroevendraaier',
    place: 'amsterdam',
    founded: [-10, 4, 20],
    domains: ['climate', 'participation'],
    reserves: 6_000,
    budget: { base: 14_000, growth: 0.02 },
    description:
      'Elke eerste zaterdag van de maand repareren vrijwilligers in Amsterdam-Noord kapotte lampen, fietsen, kleding en koffiezetapparaten, samen met de eigenaar. ' +
      'Ontmoeting en hergebruik in één.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Duurzaamheid', 0.65, { schedule: 'once', followUp: 'committed', what: 'repaircafé' });
      b.donation(F.woonstichting, -1, 2_500, 'Bijdrage leefbaarheid');
      b.donation(F.woonstichting, 0, 2_800, 'Bijdrage leefbaarheid');
      b.add({ funder: F.bouwbedrijf, kind: 'in_kind', title: 'Gereedschap en materialen (in natura)', start: cal.jan1(-1), end: cal.dec31(1), share: 0.1 });
    },
  },
  {
    key: 'stadstuin-de-groene-hoek',
    deficit: true,
    name: 'Stadstuin De Groene Hoek',
    place: 'amsterdam',
    founded: [-6, 5, 15],
    domains: ['climate', 'food', 'participation'],
    reserves: 9_000,
    budget: { base: 58_000, growth: 0.03 },
    description:
      'Een braakliggend terrein in Zuidoost werd een moestuin waar buurtbewoners, statushouders en deelnemers van de dagbesteding samen groenten telen. ' +
      'De oogst gaat naar de buurtmaaltijd en de voedselbank.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Groen', 0.4, { what: 'stadstuin' });
      b.municipal('Participatie', 0.22, { from: -1, followUp: 'none', schedule: 'yearly', what: 'werkervaringsplekken' });
      b.grant(F.groenVerbindt, `Tuinbegeleiding ${cal.year - 1}–${cal.year + 1}`, cal.on(-1, 3, 1), cal.on(1, 2, 28), 0.3);
      b.donation(F.diaconie, -1, 2_000, 'Gift zaaigoed en gereedschap');
    },
  },
  {
    key: 'maatjes-op-de-fiets',
    name: 'Maatjes op de Fiets',
    place: 'amsterdam',
    founded: [-3, 6, 1],
    domains: ['care', 'welfare'],
    reserves: 2_000,
    budget: { base: 31_000, growth: 0.08 },
    description:
      'Vrijwilligers maken met bewoners van verpleeghuizen en aanleunwoningen in Amsterdam-West tochtjes op de duofiets. ' +
      'Even buiten, even bijpraten, samen de stad zien.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Wmo', 0.65, { followUp: 'conditional', what: 'duofietsen' });
      b.grant(F.gezondVerbond, 'Preventie eenzaamheid ouderen', cal.jan1(0), cal.dec31(1), 0.33);
      b.grant(F.zilverenJaren, `Tweede duofiets ${cal.year - 1}`, cal.jan1(-1), cal.dec31(-1), 0.2, { schedule: 'once' });
      b.grant(F.samenSterk, 'Uitbreiding naar Nieuw-West', cal.jan1(1), cal.dec31(2), 0.2, { status: 'declined', note: 'Afgewezen: te veel aanvragen in deze ronde.' });
    },
  },
];
