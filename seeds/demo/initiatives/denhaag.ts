// The demo initiatives in Den Haag, in the order the portfolio lists them.
import { F } from '../funders.js';
import type { InitiativeSpec } from '../initiativeBuilder.js';

export const denhaag: InitiativeSpec[] = [
  {
    key: 'samen-aan-tafel-transvaal',
    name: 'Samen aan Tafel Transvaal',
    place: 'denhaag',
    founded: [-8, 6, 6],
    domains: ['food', 'welfare'],
    reserves: 10_000,
    budget: { base: 72_000, growth: 0.03 },
    description:
      'Iedere dinsdag en donderdag een driegangenmaaltijd voor vijf euro in het buurthuis, gekookt door een vaste ploeg vrijwilligers uit de wijk. ' +
      'Wie het niet kan betalen eet mee op een gespaarde maaltijdbon.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Wmo', 0.45, { what: 'buurtmaaltijden' });
      b.municipal('Armoede', 0.18, { from: -1, what: 'maaltijdbonnen' });
      b.grant(F.gedeeldeBord, `Keuken en vrijwilligers ${cal.year}–${cal.year + 1}`, cal.jan1(0), cal.dec31(1), 0.3);
      b.add({ funder: F.versmarkt, kind: 'in_kind', title: 'Levensmiddelen (in natura)', start: cal.jan1(-1), end: cal.dec31(1), share: 0.06 });
    },
  },
  {
    key: 'belcirkel-scheveningen',
    name: 'Belcirkel Scheveningen',
    place: 'denhaag',
    founded: [-6, 4, 1],
    domains: ['welfare', 'care'],
    reserves: 2_000,
    budget: { base: 26_000, growth: 0.03, from: -1 },
    description:
      'Vrijwilligers bellen dagelijks of wekelijks met alleenwonende ouderen: een vast belmoment, een vertrouwde stem en een seintje naar de mantelzorger als er iets niet in orde lijkt. ' +
      'Ontstaan in de eerste lockdown.',
    funding: (b) => {
      const { cal } = b;
      // The gemeente funds project years, not calendar years; the next year was declined.
      b.add({ funder: b.gemeente, kind: 'subsidy', programme: 'Wmo', title: 'Projectsubsidie eenzaamheid – belcirkel (startjaar)', start: cal.monthStart(-32), end: cal.monthEnd(-21), share: 0.7, schedule: 'once' });
      b.add({ funder: b.gemeente, kind: 'subsidy', programme: 'Wmo', title: 'Projectsubsidie eenzaamheid – belcirkel (jaar 1)', start: cal.monthStart(-20), end: cal.monthEnd(-9), share: 0.7, schedule: 'quarterly' });
      b.add({ funder: b.gemeente, kind: 'subsidy', programme: 'Wmo', title: 'Projectsubsidie eenzaamheid – belcirkel (jaar 2)', start: cal.monthStart(-8), end: cal.monthEnd(3), share: 0.72, schedule: 'quarterly' });
      b.add({
        funder: b.gemeente,
        kind: 'subsidy',
        programme: 'Wmo',
        title: 'Projectsubsidie eenzaamheid – belcirkel (jaar 3)',
        start: cal.monthStart(4),
        end: cal.monthEnd(15),
        share: 0.72,
        status: 'declined',
        note: 'Afgewezen: past niet binnen het nieuwe beleidskader eenzaamheid.',
      });
      b.grant(F.zilverenJaren, 'Werving en training belvrijwilligers', cal.jan1(0), cal.dec31(1), 0.2);
      b.grant(F.samenSterk, 'Belcirkel: doorstart', cal.monthStart(4), cal.monthEnd(27), 0.4, { status: 'requested' });
    },
  },
  {
    key: 'huiswerkklas-de-leerboom',
    deficit: true,
    name: 'Huiswerkklas De Leerboom',
    place: 'denhaag',
    founded: [-5, 9, 15],
    domains: ['education'],
    reserves: 1_500,
    budget: { base: 39_000, growth: 0.06 },
    description:
      'Studenten en gepensioneerde docenten begeleiden kinderen uit groep 7 en 8 en de brugklas in de Schilderswijk bij huiswerk en plannen, vier middagen per week in het wijkcentrum. ' +
      'Ouders worden betrokken via koffieochtenden.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Jeugd', 0.38, { what: 'huiswerkbegeleiding' });
      b.grant(F.buurtkracht, `Schooljaar ${cal.year - 1}–${cal.year}`, cal.on(-1, 9, 1), cal.on(0, 8, 31), 0.22, { schedule: 'once' });
      b.grant(F.buurtkracht, `Schooljaar ${cal.year}–${cal.year + 1}`, cal.on(0, 9, 1), cal.on(1, 8, 31), 0.22, { status: 'conditional', note: 'Voorwaardelijk: alleen bij cofinanciering door de gemeente.' });
      b.add({ funder: F.buurtbank, kind: 'sponsorship', title: 'Sponsoring laptops', start: cal.jan1(0), end: cal.dec31(0), euros: 1_500 });
    },
  },
  {
    key: 'wijkrestaurant-de-ketel',
    name: 'Wijkrestaurant De Ketel',
    place: 'denhaag',
    founded: [-9, 3, 1],
    domains: ['food', 'participation'],
    reserves: 0,
    stopped: true,
    budget: { base: 80_000, growth: 0.03, from: -4, to: -1, lastFactor: 0.5, lastNote: 'Afbouw; activiteiten gestopt per 1 juli' },
    description: (year) =>
      'Wijkrestaurant in Moerwijk waar mensen met een afstand tot de arbeidsmarkt leerden koken en bedienen. ' +
      `Gestopt in ${year - 1}, nadat de subsidie Participatie niet werd verlengd en de vaste kern van vrijwilligers uit elkaar viel.`,
    funding: (b) => {
      const { cal } = b;
      b.add({ funder: b.gemeente, kind: 'subsidy', programme: 'Participatie', title: `Subsidie Participatie ${cal.year - 4}–${cal.year - 3}`, start: cal.jan1(-4), end: cal.dec31(-3), share: 0.5, schedule: 'yearly' });
      b.add({ funder: b.gemeente, kind: 'subsidy', programme: 'Participatie', title: `Subsidie Participatie ${cal.year - 2}–${cal.year - 1} (afbouw)`, start: cal.jan1(-2), end: cal.on(-1, 6, 30), share: 0.45, schedule: 'yearly' });
      b.grant(F.samenSterk, 'Leerwerktraject keuken', cal.on(-3, 7, 1), cal.on(-2, 6, 30), 0.25, { schedule: 'quarterly', cancelTranche: { index: 3, mode: 'reduce' } });
      b.add({ funder: b.gemeente, kind: 'subsidy', programme: 'Participatie', title: `Subsidie Participatie ${cal.year - 1}–${cal.year}`, start: cal.on(-1, 7, 1), end: cal.on(0, 6, 30), share: 0.45, status: 'declined', note: 'Afgewezen: het initiatief voldoet niet meer aan de voorwaarden.' });
      b.grant(F.gedeeldeBord, 'Doorstart wijkrestaurant', cal.on(-1, 7, 1), cal.on(0, 6, 30), 0.2, { status: 'withdrawn', note: 'Ingetrokken na het besluit om te stoppen.' });
    },
  },
  {
    key: 'fietsschool-vrouwen-op-de-fiets',
    deficit: true,
    name: 'Fietsschool Vrouwen op de Fiets',
    place: 'denhaag',
    founded: [-7, 5, 20],
    domains: ['participation', 'education'],
    reserves: 1_000,
    budget: { base: 38_000, growth: 0.05 },
    description:
      'Vrijwillige fietsdocenten leren vrouwen in Laak die nooit hebben leren fietsen in tien lessen veilig de weg op. ' +
      'Meer zelfstandigheid, toegang tot werk en cursussen, en een groep om op terug te vallen.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Participatie', 0.45, { to: -1, followUp: 'none', what: 'fietslessen' });
      b.add({
        funder: b.gemeente,
        kind: 'subsidy',
        programme: 'Participatie',
        title: `Subsidie Participatie ${cal.year} – fietslessen`,
        start: cal.jan1(0),
        end: cal.dec31(0),
        share: 0.28,
        schedule: 'quarterly',
        renewable: true,
        note: 'Lager vastgesteld dan aangevraagd wegens bezuiniging op de regeling.',
      });
      b.add({ funder: b.gemeente, kind: 'subsidy', programme: 'Participatie', title: `Subsidie Participatie ${cal.year + 1} – fietslessen`, start: cal.jan1(1), end: cal.dec31(1), share: 0.4, status: 'requested', renewable: true });
      b.grant(F.lantaarn, 'Fietslessen voor nieuwkomers', cal.on(0, 7, 1), cal.on(1, 6, 30), 0.3, { status: 'requested' });
      b.grant(F.samenSterk, 'Fietsmaatjes na de cursus', cal.jan1(0), cal.dec31(0), 0.25, { status: 'declined', note: 'Afgewezen: onvoldoende cofinanciering.' });
      b.donation(F.diaconie, -1, 1_800, 'Gift fietsen en helmen');
    },
  },
];
