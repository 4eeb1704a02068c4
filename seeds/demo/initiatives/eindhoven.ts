// The demo initiatives in Eindhoven, in the order the portfolio lists them.
import { F } from '../funders.js';
import type { InitiativeSpec } from '../initiativeBuilder.js';

export const eindhoven: InitiativeSpec[] = [
  {
    key: 'voedselbos-woensel',
    name: 'Voedselbos Woensel',
    place: 'eindhoven',
    founded: [-4, 3, 21],
    domains: ['climate', 'food', 'participation'],
    reserves: 7_000,
    budget: { base: 52_000, growth: 0.06 },
    description:
      'Bewoners planten en beheren samen een voedselbos op een voormalig grasveld: notenbomen, fruitstruiken en kruiden. ' +
      'Scholen krijgen er natuurlessen en deelnemers van de dagbesteding werken er wekelijks mee.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Groen', 0.45, { what: 'voedselbos' });
      b.grant(F.rijksfonds, 'Impulsregeling groen en gezond', cal.jan1(-1), cal.dec31(1), 0.28);
      b.grant(F.groenVerbindt, 'Aanplant tweede fase', cal.on(-1, 10, 1), cal.on(1, 9, 30), 0.22);
      b.add({ funder: F.bouwbedrijf, kind: 'sponsorship', title: 'Sponsoring plantgoed (driejarig)', start: cal.jan1(-1), end: cal.dec31(1), share: 0.05, schedule: 'yearly' });
    },
  },
  {
    key: 'digicafe-55-plus',
    name: 'Digicafé 55+',
    place: 'eindhoven',
    founded: [-10, 9, 9],
    domains: ['education', 'welfare'],
    reserves: 9_000,
    budget: { base: 18_000, growth: 0.02 },
    description:
      'Senioren krijgen op dinsdagochtend in de bibliotheek hulp van vrijwilligers bij hun telefoon, tablet, DigiD en online bankieren. ' +
      'Minder afhankelijk, minder kans op oplichting.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Wmo', 0.65, { schedule: 'once', followUp: 'committed', what: 'digitale vaardigheden senioren' });
      b.add({
        funder: F.buurtbank,
        kind: 'sponsorship',
        title: 'Driejarige sponsorovereenkomst veilig bankieren',
        start: cal.jan1(-1),
        end: cal.dec31(1),
        euros: 15_000,
        schedule: 'yearly',
        cancelTranche: { index: 2, mode: 'reduce', note: `De sponsor heeft de bijdrage voor ${cal.year + 1} geschrapt na een reorganisatie.` },
      });
      b.donation(F.diaconie, 0, 1_000, 'Gift leenlaptops');
    },
  },
  {
    key: 'maatjesproject-samen-op-stap',
    name: 'Maatjesproject Samen Op Stap',
    place: 'eindhoven',
    founded: [-7, 11, 1],
    domains: ['care', 'welfare'],
    reserves: 6_000,
    budget: { base: 68_000, growth: 0.03 },
    description:
      'Vrijwillige maatjes trekken een jaar lang op met mensen met een psychische kwetsbaarheid die weer willen meedoen: samen sporten, naar de markt of een museum. ' +
      'De ggz en het wijkteam verwijzen door.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Wmo', 0.45, { what: 'maatjesproject' });
      // Two-year grant that ends next month; the fund does not renew, a new fund is asked.
      b.grant(F.lantaarn, 'Maatjes voor mensen met een psychische kwetsbaarheid', cal.monthStart(-22), cal.monthEnd(1), 0.3, { schedule: 'quarterly' });
      b.grant(F.gezondVerbond, 'Herstel en meedoen', cal.jan1(-1), cal.dec31(1), 0.22);
      b.grant(F.samenSterk, 'Samen Op Stap: tweede fase', cal.monthStart(2), cal.monthEnd(25), 0.3, { status: 'requested' });
    },
  },
  {
    key: 'kledingruil-de-kast',
    name: 'Kledingruil De Kast',
    place: 'eindhoven',
    founded: [-6, 8, 30],
    domains: ['climate', 'welfare'],
    reserves: 4_000,
    noKvk: true,
    budget: { base: 10_000, growth: 0.02, from: -1 },
    description:
      'Ruilwinkel voor kinder- en volwassenenkleding in het buurthuis, gerund door vrijwilligers onder de vlag van de wijkvereniging. ' +
      'Gezinnen met een kleine beurs ruilen gratis; overschotten gaan naar textielrecycling.',
    funding: (b) => {
      b.donation(F.diaconie, -1, 2_700, 'Gift kledingruil');
      b.donation(F.diaconie, 0, 2_800, 'Gift kledingruil');
      b.municipal('Armoede', 0.55, { schedule: 'once', what: 'kledingruil' });
      b.add({ funder: F.versmarkt, kind: 'sponsorship', title: 'Sponsoring kledingrekken en tassen', start: b.cal.jan1(-1), end: b.cal.dec31(1), share: 0.1, schedule: 'yearly' });
    },
  },
  {
    key: 'jongerenpunt-lichtpunt',
    name: 'Jongerenpunt Lichtpunt',
    place: 'eindhoven',
    founded: [-2, 2, 1],
    domains: ['care', 'education'],
    reserves: 3_000,
    budget: { base: 44_000, growth: 0.12 },
    description:
      'Inloop en lotgenotengroepen voor jongeren van 16 tot 27 met psychische klachten, begeleid door ervaringsdeskundigen. ' +
      'Laagdrempelig, zonder wachtlijst en zonder indicatie.',
    funding: (b) => {
      const { cal } = b;
      b.municipal('Jeugd', 0.45, { followUp: 'conditional', what: 'inloop jongeren' });
      b.grant(F.gezondVerbond, 'Preventie mentale gezondheid jongeren', cal.jan1(-1), cal.dec31(1), 0.28);
      b.grant(F.lantaarn, 'Ervaringsdeskundigen in de inloop', cal.jan1(0), cal.dec31(2), 0.25);
      b.grant(F.rijksfonds, 'Landelijke aanpak mentale gezondheid', cal.jan1(0), cal.dec31(1), 0.3, { status: 'declined', note: 'Afgewezen: initiatief te jong (minder dan drie jaar actief).' });
    },
  },
];
