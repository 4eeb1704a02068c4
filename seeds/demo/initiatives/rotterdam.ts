// The demo initiatives in Rotterdam, in the order the portfolio lists them.
import { F } from '../funders.js';
import type { InitiativeSpec } from '../initiativeBuilder.js';

export const rotterdam: InitiativeSpec[] = [
  {
    key: 'dansavond-de-gouden-jaren',
    name: 'Dansavond De Gouden Jaren',
    place: 'rotterdam',
    founded: [-9, 10, 1],
    domains: ['care', 'welfare'],
    reserves: 30_000,
    shared: true,
    budget: { base: 92_000, growth: 0.01, to: 4 },
    description:
      'Maandelijkse dansavonden voor ouderen, met livemuziek, een sfeervol aangeklede zaal en vervoer voor wie slecht ter been is. ' +
      'Aantoonbaar effect op eenzaamheid en valrisico; inmiddels op zes locaties in Rotterdam, met een meerjarige afspraak met gemeente en zorgverzekeraar.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Wmo', 0.62, { to: -1, followUp: 'none', what: 'dansavonden voor ouderen' });
      b.add({
        funder: b.gemeente,
        kind: 'subsidy',
        programme: 'Wmo',
        title: `Meerjarige subsidie sociale basis ${cal.year}–${cal.year + 4}`,
        start: cal.jan1(0),
        end: cal.dec31(4),
        share: 0.68,
        schedule: 'yearly',
        renewable: true,
        note: 'Jaarlijks verslag met bezoekersaantallen vóór 1 mei.',
      });
      b.add({ funder: F.gezondVerbond, kind: 'contract', title: 'Preventiecontract valpreventie door dans', start: cal.jan1(-1), end: cal.dec31(4), share: 0.4, schedule: 'yearly' });
      b.grant(F.zilverenJaren, 'Vervoer naar de dansavond', cal.on(-1, 4, 1), cal.on(1, 3, 31), 0.1, { schedule: 'quarterly' });
      b.grant(F.zilverenJaren, 'Vervoer naar de dansavond (vervolg)', cal.on(1, 4, 1), cal.on(3, 3, 31), 0.08, { status: 'requested' });
      b.add({ funder: F.bouwbedrijf, kind: 'sponsorship', title: 'Sponsoring dansavonden (driejarig)', start: cal.jan1(-1), end: cal.dec31(1), euros: 7_500, schedule: 'yearly' });
    },
  },
  {
    key: 'buurtcooperatie-het-zuiderhart',
    name: 'Buurtcoöperatie Het Zuiderhart',
    place: 'rotterdam',
    founded: [-8, 1, 20],
    domains: ['welfare', 'participation', 'care'],
    reserves: 18_000,
    shared: true,
    budget: { base: 180_000, growth: 0.03 },
    description:
      'Bewoners van Charlois organiseren samen zorg en ondersteuning in de wijk: boodschappenhulp, een klussendienst, een buurtkamer en een wijkbus. ' +
      'Leden betalen een kleine contributie; vrijwilligers krijgen een vrijwilligersvergoeding.',
    funding: (b) => {
      const { cal } = b;
      // A two-year Wmo subsidy that ends two months from now; the new application is pending.
      b.add({ funder: b.gemeente, kind: 'subsidy', programme: 'Wmo', title: 'Tweejarige subsidie buurtcoöperatie (eerste periode)', start: cal.monthStart(-45), end: cal.monthEnd(-22), share: 0.7, schedule: 'quarterly', renewable: true });
      b.add({ funder: b.gemeente, kind: 'subsidy', programme: 'Wmo', title: 'Tweejarige subsidie buurtcoöperatie', start: cal.monthStart(-21), end: cal.monthEnd(2), share: 0.72, schedule: 'quarterly', renewable: true });
      b.add({ funder: b.gemeente, kind: 'subsidy', programme: 'Wmo', title: 'Tweejarige subsidie buurtcoöperatie (vervolg)', start: cal.monthStart(3), end: cal.monthEnd(26), share: 0.72, status: 'requested', renewable: true });
      b.add({ funder: F.woonstichting, kind: 'contract', title: 'Opdracht buurtbeheer en leefbaarheid', start: cal.jan1(-2), end: cal.dec31(1), share: 0.25, schedule: 'yearly' });
      b.donation(F.diaconie, -1, 4_000, 'Gift buurtkamer');
    },
  },
  {
    key: 'schuldhulpmaatjes-feijenoord',
    deficit: true,
    name: 'Schuldhulpmaatjes Feijenoord',
    place: 'rotterdam',
    founded: [-5, 8, 26],
    domains: ['welfare', 'participation'],
    reserves: 4_000,
    budget: { base: 54_000, growth: 0.04 },
    description:
      'Getrainde vrijwilligers helpen gezinnen met geldzorgen hun administratie op orde te krijgen en begeleiden hen naar de schuldhulpverlening. ' +
      'Vroeg erbij, zodat schulden niet verder oplopen.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Armoede', 0.42, { what: 'schuldhulpmaatjes' });
      b.grant(F.buurtkracht, 'Training nieuwe maatjes', cal.on(-1, 4, 1), cal.on(0, 3, 31), 0.2, { schedule: 'once' });
      b.add({ funder: F.buurtbank, kind: 'sponsorship', title: 'Sponsoring geldcafé', start: cal.jan1(0), end: cal.dec31(0), euros: 3_000 });
      b.donation(F.diaconie, -1, 2_500, 'Noodfonds voor gezinnen');
    },
  },
  {
    key: 'jongerenmoestuin-op-zuid',
    name: 'Jongerenmoestuin Op Zuid',
    place: 'rotterdam',
    founded: [-3, 4, 9],
    domains: ['food', 'climate', 'education'],
    reserves: 5_000,
    budget: { base: 36_000, growth: 0.1 },
    description:
      'Jongeren uit de wijk beheren samen met een tuinder een moestuin bij de brede school, leren over gezond eten en verkopen de oogst op de wijkmarkt.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Jeugd', 0.55, { what: 'jongerenmoestuin' });
      b.grant(F.groenVerbindt, `Groene leerplek ${cal.year - 1}–${cal.year + 1}`, cal.jan1(-1), cal.dec31(1), 0.35);
      b.add({ funder: F.versmarkt, kind: 'sponsorship', title: 'Afname oogst en sponsoring (tweejarig)', start: cal.jan1(0), end: cal.dec31(1), share: 0.07, schedule: 'yearly' });
      b.grant(F.rijksfonds, 'Opschaling naar drie scholen', cal.jan1(1), cal.dec31(2), 0.3, { status: 'declined', note: 'Afgewezen: geen landelijke spreiding.' });
    },
  },
  {
    key: 'kledingbank-de-jas',
    name: 'Kledingbank De Jas',
    place: 'rotterdam',
    founded: [-11, 2, 1],
    domains: ['welfare'],
    reserves: 11_000,
    budget: { base: 22_000, growth: 0.02 },
    description:
      'Gezinnen met een kleine beurs halen op verwijzing van het wijkteam gratis goede kleding; vrijwilligers sorteren, wassen en geven advies. ' +
      'Wat niet past gaat naar textielrecycling.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Armoede', 0.62, { schedule: 'yearly', what: 'kledingbank' });
      b.donation(F.diaconie, -1, 5_000, 'Jaarlijkse gift');
      b.donation(F.diaconie, 0, 5_500, 'Jaarlijkse gift');
      b.donation(F.diaconie, 1, 5_500, 'Jaarlijkse gift', { status: 'requested' });
      b.add({ funder: F.woonstichting, kind: 'in_kind', title: 'Opslagruimte om niet', start: cal.jan1(-2), end: cal.dec31(2), share: 0.1, reference: false });
    },
  },
];
