// The funders of a synthetic portfolio: every type DESIGN.md knows, a few hundred in all, as in a
// national coalition. The eight gemeenten of the demo portfolio keep their real CBS codes; the
// other gemeenten are invented places with codes from GM3000 up, a range CBS does not use, so no
// figure can be mistaken for one about a real municipality. Every fund, company and insurer is
// invented too.
import type { Funder, FunderType } from '../../server/contract/index.js';
import { Random, Zipf } from './random.js';

export type FunderRow = Omit<Funder, 'version'> & {
  /** Prefix of the funder's file numbers (kenmerk), e.g. `AMS`. */
  refPrefix: string;
  /** For a gemeente: the place name initiatives there carry as `municipality`. */
  place: string | null;
};

export interface FunderCatalog {
  all: FunderRow[];
  byType: Record<FunderType, FunderRow[]>;
  /** The gemeenten, largest first: `placeOf` draws an initiative's home from them. */
  gemeenten: FunderRow[];
  drawGemeente(random: Random): FunderRow;
}

const DEMO_PLACES: [string, string][] = [
  ['Amsterdam', 'GM0363'],
  ['Rotterdam', 'GM0599'],
  ['Den Haag', 'GM0518'],
  ['Utrecht', 'GM0344'],
  ['Eindhoven', 'GM0772'],
  ['Groningen', 'GM0014'],
  ['Nijmegen', 'GM0268'],
  ['Zwolle', 'GM0193'],
];
const PLACE_HEADS = ['Ooster', 'Wester', 'Noorder', 'Zuider', 'Hooge', 'Lage', 'Nieuw', 'Oud', 'Groot', 'Klein', 'Berg', 'Veen', 'Dijk', 'Zand', 'Kerk', 'Lange', 'Brede', 'Mol', 'Eik', 'Linde'];
const PLACE_TAILS = ['broek', 'veen', 'dam', 'dijk', 'wijk', 'horst', 'hoven', 'loo', 'ingen', 'hem', 'wolde', 'zijl', 'kerk', 'sloot', 'berg', 'meer', 'haven', 'stede'];
const PROVINCES = ['Groningen', 'Fryslân', 'Drenthe', 'Overijssel', 'Flevoland', 'Gelderland', 'Utrecht', 'Noord-Holland', 'Zuid-Holland', 'Zeeland', 'Noord-Brabant', 'Limburg'];
const NATIONAL = ['Rijksfonds Sociale Basis', 'Rijksregeling Sociale Wijkaanpak', 'Impulsregeling Vitale Buurten', 'Rijksfonds Kansrijke Start'];
const INSURERS = ['Gezond Verbond', 'Noorderzorg', 'Samen Gezond', 'De Brede Zorg', 'Deltazorg', 'Thuiszorg Plus'];
const FUND_HEADS = ['Fonds', 'Stichting', 'Stichting Fonds'];
const FUND_ADJECTIVES = ['Warme', 'Sterke', 'Groene', 'Open', 'Goede', 'Nieuwe', 'Zilveren', 'Gouden', 'Lichte', 'Brede'];
const FUND_NOUNS = ['Buurt', 'Wijk', 'Haven', 'Toekomst', 'Handen', 'Jaren', 'Tafel', 'Brug', 'Lantaarn', 'Kring', 'Bron', 'Boom', 'Basis'];
const SURNAMES = ['Van der Heijden', 'Jansen', 'De Vries', 'Bakker', 'Visser', 'Smit', 'Meijer', 'De Boer', 'Mulder', 'De Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'Van Leeuwen', 'Dekker', 'Brouwer', 'De Wit', 'Dijkstra', 'Smits'];
const TRADES = ['Bouw', 'Installatietechniek', 'Supermarkten', 'Accountants', 'Advocaten', 'Transport', 'Energie', 'Schoonmaak', 'Techniek'];
const OTHER_HEADS = ['Woonstichting', 'Diaconale Stichting', 'Vereniging', 'Coöperatie', 'Kerkelijke Stichting'];

const COUNTS = { gemeenten: 342, foundations: 140, companies: 90, other: 40 };

function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w[0])
    .join('')
    .slice(0, 4);
}

export function buildFunders(seed: string): FunderCatalog {
  const random = new Random(seed, 'funders');
  const all: FunderRow[] = [];
  // No org-ids: the synthetic funders are invented organisations.
  const add = (row: Omit<FunderRow, 'id' | 'orgId'>) => all.push({ id: all.length + 1, orgId: null, ...row });

  const invented = random.sample(
    PLACE_HEADS.flatMap((h) => PLACE_TAILS.map((t) => h + t)),
    COUNTS.gemeenten - DEMO_PLACES.length,
  );
  const places: [string, string][] = [...DEMO_PLACES, ...invented.map((name, i): [string, string] => [name, `GM${3000 + i}`])];
  for (const [place, code] of places) {
    add({
      name: `Gemeente ${place}`,
      type: 'municipality',
      municipalityCode: code,
      maxFundingYears: null,
      website: `https://www.${slug(place)}.nl`,
      refPrefix: place.slice(0, 3).toUpperCase(),
      place,
    });
  }
  for (const province of PROVINCES) {
    add({ name: `Provincie ${province}`, type: 'province', municipalityCode: null, maxFundingYears: random.chance(0.5) ? 4 : null, website: `https://www.${slug(province)}.nl`, refPrefix: `P${province.slice(0, 3).toUpperCase()}`, place: null });
  }
  for (const name of NATIONAL) add({ name, type: 'national', municipalityCode: null, maxFundingYears: null, website: `https://${slug(name)}.example`, refPrefix: initials(name), place: null });
  for (const name of INSURERS) {
    add({ name: `Zorgverzekeraar ${name}`, type: 'health_insurer', municipalityCode: null, maxFundingYears: random.chance(0.3) ? 3 : null, website: `https://${slug(name)}.example`, refPrefix: `ZV${initials(name)}`, place: null });
  }
  const funds = random.sample(
    FUND_HEADS.flatMap((h) => FUND_ADJECTIVES.flatMap((a) => FUND_NOUNS.map((n) => `${h} ${a} ${n}`))),
    COUNTS.foundations,
  );
  for (const name of funds) {
    const maxFundingYears = random.chance(0.3) ? random.pick([3, 3, 4, 5, 5, 6]) : null;
    add({ name, type: 'foundation', municipalityCode: null, maxFundingYears, website: random.chance(0.9) ? `https://${slug(name)}.example` : null, refPrefix: initials(name), place: null });
  }
  const companies = random.sample(
    SURNAMES.flatMap((s) => TRADES.map((t) => `${s} ${t} B.V.`)),
    COUNTS.companies,
  );
  for (const name of companies) add({ name, type: 'company', municipalityCode: null, maxFundingYears: null, website: random.chance(0.8) ? `https://${slug(name)}.example` : null, refPrefix: initials(name), place: null });
  for (let i = 0; i < COUNTS.other; i++) {
    const name = `${random.pick(OTHER_HEADS)} ${random.pick(FUND_NOUNS)} ${random.pick(invented)}`;
    add({ name, type: 'other', municipalityCode: null, maxFundingYears: null, website: random.chance(0.5) ? `https://${slug(name)}.example` : null, refPrefix: initials(name), place: null });
  }

  const byType = { municipality: [], province: [], national: [], foundation: [], company: [], health_insurer: [], other: [] } as Record<FunderType, FunderRow[]>;
  for (const f of all) byType[f.type].push(f);
  const gemeenten = byType.municipality;
  const zipf = new Zipf(gemeenten.length, 0.9);
  return { all, byType, gemeenten, drawGemeente: (r) => gemeenten[zipf.draw(r)]! };
}
