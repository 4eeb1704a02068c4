// The demo's funders: the eight gemeenten (with their real CBS codes) and fourteen invented
// provinces, funds, companies and others, each with the prefix of its file numbers.
import type { DemoFunder } from './types.js';

export const PLACES = {
  amsterdam: { name: 'Amsterdam', code: 'GM0363', prefix: 'AMS', website: 'https://www.amsterdam.nl' },
  rotterdam: { name: 'Rotterdam', code: 'GM0599', prefix: 'ROT', website: 'https://www.rotterdam.nl' },
  utrecht: { name: 'Utrecht', code: 'GM0344', prefix: 'UTR', website: 'https://www.utrecht.nl' },
  denhaag: { name: 'Den Haag', code: 'GM0518', prefix: 'DH', website: 'https://www.denhaag.nl' },
  eindhoven: { name: 'Eindhoven', code: 'GM0772', prefix: 'EHV', website: 'https://www.eindhoven.nl' },
  groningen: { name: 'Groningen', code: 'GM0014', prefix: 'GRO', website: 'https://gemeente.groningen.nl' },
  nijmegen: { name: 'Nijmegen', code: 'GM0268', prefix: 'NIJ', website: 'https://www.nijmegen.nl' },
  zwolle: { name: 'Zwolle', code: 'GM0193', prefix: 'ZWL', website: 'https://www.zwolle.nl' },
} as const;
export type Place = keyof typeof PLACES;

export const gemeenteKey = (place: Place): string => `gemeente-${place}`;

/** The non-municipal funders, by the short names the initiatives below use. */
export const F = {
  provincie: 'provincie-gelderland',
  rijksfonds: 'rijksfonds-sociale-basis',
  gezondVerbond: 'zorgverzekeraar-gezond-verbond',
  samenSterk: 'fonds-samen-sterk',
  buurtkracht: 'stichting-buurtkracht',
  zilverenJaren: 'fonds-zilveren-jaren',
  groenVerbindt: 'fonds-groen-verbindt',
  gedeeldeBord: 'stichting-gedeelde-bord',
  lantaarn: 'stichting-de-lantaarn',
  bouwbedrijf: 'bouwbedrijf-van-der-heijden',
  buurtbank: 'cooperatieve-buurtbank',
  versmarkt: 'versmarkt-zuid',
  woonstichting: 'woonstichting-thuis-in-de-wijk',
  diaconie: 'diaconale-stichting-de-schakel',
} as const;

export interface FunderDef extends DemoFunder {
  /** Prefix of the funder's file numbers (kenmerk). */
  refPrefix: string;
}

export const FUNDERS: FunderDef[] = [
  ...(Object.keys(PLACES) as Place[]).map(
    (place): FunderDef => ({
      key: gemeenteKey(place),
      name: `Gemeente ${PLACES[place].name}`,
      type: 'municipality',
      municipalityCode: PLACES[place].code,
      website: PLACES[place].website,
      refPrefix: PLACES[place].prefix,
    }),
  ),
  { key: F.provincie, name: 'Provincie Gelderland', type: 'province', maxFundingYears: 4, website: 'https://www.gelderland.nl', refPrefix: 'PGLD' },
  { key: F.rijksfonds, name: 'Rijksfonds Sociale Basis', type: 'national', website: 'https://rijksfondssocialebasis.example', refPrefix: 'RSB' },
  { key: F.gezondVerbond, name: 'Zorgverzekeraar Gezond Verbond', type: 'health_insurer', website: 'https://gezondverbond.example', refPrefix: 'GV' },
  { key: F.samenSterk, name: 'Fonds Samen Sterk', type: 'foundation', maxFundingYears: 3, website: 'https://fondssamensterk.example', refPrefix: 'FSS' },
  { key: F.buurtkracht, name: 'Stichting Buurtkracht', type: 'foundation', maxFundingYears: 5, website: 'https://buurtkracht.example', refPrefix: 'SBK' },
  { key: F.zilverenJaren, name: 'Fonds Zilveren Jaren', type: 'foundation', website: 'https://zilverenjaren.example', refPrefix: 'FZJ' },
  { key: F.groenVerbindt, name: 'Fonds Groen Verbindt', type: 'foundation', website: 'https://groenverbindt.example', refPrefix: 'FGV' },
  { key: F.gedeeldeBord, name: 'Stichting Het Gedeelde Bord', type: 'foundation', website: 'https://hetgedeeldebord.example', refPrefix: 'SGB' },
  { key: F.lantaarn, name: 'Stichting De Lantaarn', type: 'foundation', website: 'https://delantaarn.example', refPrefix: 'SDL' },
  { key: F.bouwbedrijf, name: 'Bouwbedrijf Van der Heijden B.V.', type: 'company', website: 'https://vanderheijdenbouw.example', refPrefix: 'VDH' },
  { key: F.buurtbank, name: 'Coöperatieve Buurtbank U.A.', type: 'company', website: 'https://buurtbank.example', refPrefix: 'CBB' },
  { key: F.versmarkt, name: 'Versmarkt Zuid B.V.', type: 'company', website: 'https://versmarktzuid.example', refPrefix: 'VMZ' },
  { key: F.woonstichting, name: 'Woonstichting Thuis in de Wijk', type: 'other', website: 'https://thuisindewijk.example', refPrefix: 'WTW' },
  { key: F.diaconie, name: 'Diaconale Stichting De Schakel', type: 'other', refPrefix: 'DSS' },
];

const FUNDERS_BY_KEY = new Map(FUNDERS.map((f) => [f.key, f]));

export function funderDef(key: string): FunderDef {
  const funder = FUNDERS_BY_KEY.get(key);
  if (!funder) throw new Error(`unknown demo funder ${key}`);
  return funder;
}

