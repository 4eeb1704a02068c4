// The demo initiatives in Utrecht, in the order the portfolio lists them.
import { F } from '../funders.js';
import type { InitiativeSpec } from '../initiativeBuilder.js';

export const utrecht: InitiativeSpec[] = [
  {
    key: 'de-gedeelde-pan',
    name: 'De Gedeelde Pan',
    place: 'utrecht',
    founded: [-6, 2, 14],
    domains: ['food', 'welfare', 'participation'],
    reserves: 12_000,
    shared: true,
    budget: { base: 98_000, growth: 0.04 },
    description:
      'Thuiskoks in Overvecht koken een extra portie voor buurtgenoten, en twee keer per week is er een gezamenlijke maaltijd in de buurtkamer. ' +
      'Voor wie alleen is, weinig te besteden heeft of gewoon gezelschap zoekt. De gemeente financiert via drie programma’s: Wmo, Armoede en Participatie.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Wmo', 0.36, { followUp: 'committed', what: 'samen eten tegen eenzaamheid' });
      b.municipal('Armoede', 0.15, { from: 0, followUp: 'conditional', what: 'maaltijden voor minima' });
      b.add({ funder: b.gemeente, kind: 'subsidy', programme: 'Participatie', title: `Subsidie Participatie ${cal.year - 1}–${cal.year} – leerplekken keuken`, start: cal.jan1(-1), end: cal.dec31(0), share: 0.12, schedule: 'yearly' });
      // Fonds Samen Sterk funds at most three years: this grant ends within six months and
      // cannot be renewed (expiring + funder_limit).
      b.grant(F.samenSterk, 'Driejarige bijdrage thuiskoks', cal.monthStart(-30), cal.monthEnd(5), 0.3, { note: 'Maximale looptijd van drie jaar; geen verlenging mogelijk.' });
      b.add({ funder: F.versmarkt, kind: 'in_kind', title: 'Boodschappenpakketten (in natura)', start: cal.jan1(0), end: cal.dec31(1), share: 0.05 });
    },
  },
  {
    key: 'taalcafe-kanaleneiland',
    deficit: true,
    name: 'Taalcafé Kanaleneiland',
    place: 'utrecht',
    founded: [-4, 1, 10],
    domains: ['education', 'participation'],
    reserves: 3_500,
    budget: { base: 28_000, growth: 0.05 },
    description:
      'Wekelijks taalcafé waar nieuwkomers in kleine groepjes Nederlands oefenen met vrijwilligers, met aandacht voor formulieren, de school van de kinderen en werk zoeken.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Participatie', 0.55, { what: 'taalcafé' });
      b.grant(F.buurtkracht, 'Taalcafé in de wijk', cal.on(-1, 7, 1), cal.on(1, 6, 30), 0.3, { schedule: 'quarterly' });
      b.donation(F.diaconie, -1, 1_200, 'Gift koffie en thee');
      b.grant(F.samenSterk, 'Taalcafé voor ouders', cal.jan1(0), cal.dec31(1), 0.2, { status: 'withdrawn', note: 'Ingetrokken door het initiatief: overlapt met de bijdrage van Stichting Buurtkracht.' });
    },
  },
  {
    key: 'tuinmaatjes-utrecht',
    deficit: true,
    name: 'Tuinmaatjes Utrecht',
    place: 'utrecht',
    founded: [-5, 5, 4],
    domains: ['welfare', 'climate', 'care'],
    reserves: 2_500,
    budget: { base: 46_000, growth: 0.05 },
    description:
      'Teams van vrijwilligers knappen verwaarloosde tuinen van geïsoleerde ouderen op en blijven ze onderhouden. ' +
      'Tussen het snoeien door ontstaan contacten en vriendschappen; de wijkverpleging en het buurtteam verwijzen door.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Wmo', 0.35, { what: 'sociaal tuinieren' });
      b.grant(F.groenVerbindt, 'Tuinploegen in vier wijken', cal.on(-1, 5, 1), cal.on(0, 4, 30), 0.25, { schedule: 'once' });
      b.grant(F.gezondVerbond, 'Preventie: bewegen in de tuin', cal.jan1(1), cal.dec31(1), 0.2, { status: 'conditional', note: 'Voorwaardelijk: bij een positieve tussenevaluatie.' });
      b.add({ funder: F.buurtbank, kind: 'sponsorship', title: 'Sponsoring aanhangwagen', start: cal.jan1(-1), end: cal.dec31(-1), euros: 2_000 });
    },
  },
  {
    key: 'klussendienst-handig-in-de-wijk',
    name: 'Klussendienst Handig in de Wijk',
    place: 'utrecht',
    founded: [-7, 10, 3],
    domains: ['welfare', 'housing', 'participation'],
    reserves: 8_000,
    budget: { base: 64_000, growth: 0.03 },
    description:
      'Vrijwilligers en werkzoekenden doen kleine klussen bij ouderen en mensen met een beperking in Utrecht-Zuidwest: een lamp ophangen, een drempel weghalen, de tuin winterklaar maken. ' +
      'Zo kunnen mensen langer veilig thuis wonen.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Wmo', 0.5, { followUp: 'committed', what: 'klussendienst' });
      b.add({ funder: b.gemeente, kind: 'subsidy', programme: 'Participatie', title: `Subsidie Participatie ${cal.year}–${cal.year + 1} – leerwerkplekken`, start: cal.jan1(0), end: cal.dec31(1), share: 0.2, schedule: 'yearly' });
      b.add({ funder: F.woonstichting, kind: 'contract', title: 'Opdracht kleine reparaties huurwoningen', start: cal.jan1(-1), end: cal.dec31(1), share: 0.28, schedule: 'quarterly' });
      b.grant(F.rijksfonds, 'Landelijke uitrol klussendienst', cal.jan1(1), cal.dec31(2), 0.2, { status: 'declined', note: 'Afgewezen: regeling overtekend.' });
    },
  },
  {
    key: 'buurtkamer-de-stek',
    name: 'Buurtkamer De Stek',
    place: 'utrecht',
    founded: [-11, 3, 1],
    domains: ['welfare', 'care'],
    reserves: 22_000,
    shared: true,
    budget: { base: 64_000, growth: 0.01, to: 4 },
    description:
      'Open huiskamer in Lunetten, vijf dagen per week, gerund door bewoners met ondersteuning van één coördinator. ' +
      'Koffie, een warme lunch, het spreekuur van de ouderenadviseur en een plek waar iedereen welkom is. Sinds kort een vaste basisvoorziening van de gemeente.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Wmo', 0.78, { from: -2, to: -2, followUp: 'none', what: 'buurtkamer' });
      b.add({
        funder: b.gemeente,
        kind: 'subsidy',
        programme: 'Wmo',
        title: `Meerjarige subsidie basisvoorziening buurtkamers ${cal.year - 1}–${cal.year + 4}`,
        start: cal.jan1(-1),
        end: cal.dec31(4),
        share: 0.82,
        schedule: 'yearly',
        renewable: true,
      });
      b.add({ funder: F.woonstichting, kind: 'in_kind', title: 'Huurvrije buurtruimte', start: cal.jan1(-2), end: cal.dec31(5), share: 0.25 });
      b.add({ funder: F.diaconie, kind: 'donation', title: 'Meerjarige gift warme lunch', start: cal.jan1(-1), end: cal.dec31(2), share: 0.08, schedule: 'yearly', reference: false });
      b.donation(F.versmarkt, -2, 1_500, 'Kerstpakketten voor bezoekers');
    },
  },
];
