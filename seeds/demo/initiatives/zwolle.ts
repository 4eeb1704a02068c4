// The demo initiatives in Zwolle, in the order the portfolio lists them.
import { F } from '../funders.js';
import type { InitiativeSpec } from '../initiativeBuilder.js';

export const zwolle: InitiativeSpec[] = [
  {
    key: 'stadsakker-zwolle',
    name: 'Stadsakker Zwolle',
    place: 'zwolle',
    founded: [-9, 3, 30],
    domains: ['food', 'climate', 'participation'],
    reserves: 9_000,
    budget: { base: 62_000, growth: 0.03 },
    description:
      'Stadslandbouw aan de rand van de stad, waar deelnemers met een afstand tot de arbeidsmarkt groenten telen voor de voedselbank en voor restaurants in de binnenstad.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Participatie', 0.5, { what: 'stadslandbouw' });
      b.municipal('Groen', 0.12, { from: -1, schedule: 'once', what: 'stadsakker' });
      b.grant(F.groenVerbindt, `Stadsakker ${cal.year - 1}–${cal.year + 1}`, cal.jan1(-1), cal.dec31(1), 0.25);
      b.add({ funder: F.versmarkt, kind: 'contract', title: 'Afnamecontract oogst', start: cal.jan1(0), end: cal.dec31(1), share: 0.1, schedule: 'quarterly' });
    },
  },
  {
    key: 'maaltijdmaatjes-zwolle',
    name: 'Maaltijdmaatjes Zwolle',
    place: 'zwolle',
    founded: [-8, 2, 2],
    domains: ['food', 'care', 'welfare'],
    reserves: 16_000,
    shared: true,
    budget: { base: 84_000, growth: 0.01, to: 4 },
    description:
      'Vrijwilligers koken en bezorgen warme maaltijden bij ouderen die thuis wonen, en blijven even een kop koffie drinken. ' +
      'Vast onderdeel van de Zwolse aanpak tegen ondervoeding en eenzaamheid, met een meerjarige opdracht van gemeente en zorgverzekeraar.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Wmo', 0.65, { to: -2, followUp: 'none', what: 'maaltijdmaatjes' });
      b.add({ funder: b.gemeente, kind: 'contract', programme: 'Wmo', title: `Opdracht maaltijdvoorziening met ontmoeting ${cal.year - 1}–${cal.year + 4}`, start: cal.jan1(-1), end: cal.dec31(4), share: 0.74, schedule: 'quarterly' });
      b.add({ funder: F.gezondVerbond, kind: 'contract', title: 'Preventie ondervoeding ouderen', start: cal.jan1(0), end: cal.dec31(5), share: 0.34, schedule: 'yearly' });
      b.add({ funder: F.buurtbank, kind: 'sponsorship', title: 'Sponsoring bezorgfietsen', start: cal.jan1(-1), end: cal.dec31(1), share: 0.04, schedule: 'yearly' });
      b.donation(F.diaconie, -2, 2_000, 'Gift kerstmaaltijden');
    },
  },
  {
    key: 'sportmaatjes-holtenbroek',
    deficit: true,
    name: 'Sportmaatjes Holtenbroek',
    place: 'zwolle',
    founded: [-5, 1, 25],
    domains: ['care', 'participation'],
    reserves: 1_000,
    budget: { base: 33_000, growth: 0.04 },
    description:
      'Vrijwillige sportmaatjes gaan wekelijks mee naar de sportschool, het zwembad of de wandelgroep met mensen die dat alleen niet durven of kunnen: ' +
      'ouderen, mensen met een beperking of met psychische klachten.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Wmo', 0.5, { what: 'sportmaatjes' });
      b.grant(F.buurtkracht, `Sportmaatjes ${cal.year - 1}`, cal.on(-1, 2, 1), cal.on(0, 1, 31), 0.15, { schedule: 'once' });
      b.grant(F.buurtkracht, `Sportmaatjes ${cal.year}`, cal.on(0, 2, 1), cal.on(1, 1, 31), 0.15, { schedule: 'once' });
      b.donation(F.diaconie, 0, 1_500, 'Gift zwemabonnementen');
    },
  },
  {
    key: 'repair-cafe-assendorp',
    name: 'Repair Café Assendorp',
    place: 'zwolle',
    founded: [-8, 4, 12],
    domains: ['climate', 'participation'],
    reserves: 5_000,
    noKvk: true,
    budget: { base: 11_000, growth: 0.02 },
    description:
      'Maandelijks repaircafé in de buurtkerk: vrijwillige reparateurs maken apparaten, fietsen en kleding weer heel, onder het genot van koffie en een praatje. ' +
      'Valt onder de bewonersvereniging Assendorp.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Duurzaamheid', 0.65, { schedule: 'once', what: 'repaircafé' });
      b.add({ funder: F.woonstichting, kind: 'donation', title: 'Bijdrage leefbaarheid (tweejarig)', start: cal.jan1(0), end: cal.dec31(1), share: 0.2 });
      b.add({ funder: F.bouwbedrijf, kind: 'in_kind', title: 'Onderdelen en gereedschap (in natura)', start: cal.jan1(-2), end: cal.dec31(1), share: 0.1 });
      b.donation(F.diaconie, -2, 1_500, 'Gift nieuwe werkbanken');
    },
  },
  {
    key: 'huiskamer-aa-landen',
    name: 'Huiskamer Aa-landen',
    place: 'zwolle',
    founded: [-4, 10, 1],
    domains: ['welfare', 'care'],
    reserves: 7_000,
    budget: { base: 47_000, growth: 0.04 },
    description:
      'Buurthuiskamer in een voormalige winkel, open op werkdagen, waar bewoners elkaar ontmoeten, samen lunchen en terechtkunnen met vragen over zorg, geld en wonen.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Wmo', 0.6, { what: 'huiskamer' });
      b.add({ funder: F.woonstichting, kind: 'in_kind', title: 'Huurvrije ruimte voormalige winkel', start: cal.jan1(-1), end: cal.dec31(2), share: 0.17 });
      b.grant(F.zilverenJaren, 'Lunch en ontmoeting', cal.jan1(0), cal.dec31(1), 0.2);
    },
  },
];
