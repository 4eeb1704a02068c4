// The demo portfolio: a fictional but realistic set of Dutch social initiatives (sociale
// initiatieven) in care and welfare, their funders and their multi-year funding.
//
// Everything is placed relative to `today` (its year, and for a few showcase commitments its
// month), so the demo tells the same story whenever it is loaded: some initiatives are healthy,
// others run into the gaps of DESIGN.md. The output depends on `today` only — there is no
// randomness and no clock; the variety (KvK numbers, references, payment lags) comes from a
// tiny hash-seeded generator keyed on names.
//
// Showcase (what a gap scan at `today` finds; Y = year of `today`, M = month of `today`):
// - healthy (no expiring, funder_limit or five-year risk; at most a low-severity cliff and
//   shortfall years ahead when the multi-year agreements end and the last budget is carried
//   forward): Dansavond De Gouden Jaren
//   (Rotterdam), Buurtkamer De Stek (Utrecht), Stadstuin De Wortel (Groningen, 4–5 years old
//   but anchored with long-term funding), Maaltijdmaatjes Zwolle.
// - cliff: Buurtcoöperatie Het Zuiderhart (two-year Wmo subsidy ends in month M+2, follow-up
//   only requested), Samen Koken Hatert (calendar-year subsidies end 31-12-Y, follow-up only
//   conditional).
// - expiring: De Gedeelde Pan (Fonds Samen Sterk ends M+5), Belcirkel Scheveningen (gemeente
//   subsidy ends M+3, follow-up declined), Maatjesproject Samen Op Stap (Stichting De Lantaarn
//   ends M+1).
// - funder_limit: De Gedeelde Pan (Fonds Samen Sterk, at most 3 years), Wooncoöperatie Samen Oud
//   Lindenholt (Provincie Gelderland, at most 4 years).
// - five_year_risk (founded in Y-5, so 4 or 5 years old all through Y, living on one-year money):
//   Taalmaatjes Amsterdam-Oost, Schuldhulpmaatjes Feijenoord, Tuinmaatjes Utrecht, Huiswerkklas
//   De Leerboom, Sportmaatjes Holtenbroek.
// - shortfall in the current month: Fietsschool Vrouwen op de Fiets (gemeente cut its subsidy),
//   the five-year-risk initiatives, Taalcafé Kanaleneiland and Stadstuin De Groene Hoek (their
//   specs run a `deficit`); the others balance this year's budget against the money coming in
//   and show shortfalls from where a subsidy ends or only applications are pending (mostly Y+1).
// - stopped: Wijkrestaurant De Ketel (Den Haag), Dansmiddag Martini (Groningen).
// Budgets of past years are the realised figures (about what came in), the current year's is
// the adopted budget, later years a multi-year estimate (Meerjarenraming).
//
// Laid out like react-admin's data generator: `calendar.ts` (dates relative to `today`),
// `initiativeBuilder.ts` (budgets, commitments and tranches of one initiative), `funders.ts`,
// and `initiatives/` with one file per gemeente; this file assembles them.
import { Calendar } from './calendar.js';
import { FUNDERS, gemeenteKey } from './funders.js';
import { InitiativeBuilder, type InitiativeSpec } from './initiativeBuilder.js';
import { amsterdam } from './initiatives/amsterdam.js';
import { denhaag } from './initiatives/denhaag.js';
import { eindhoven } from './initiatives/eindhoven.js';
import { groningen } from './initiatives/groningen.js';
import { nijmegen } from './initiatives/nijmegen.js';
import { rotterdam } from './initiatives/rotterdam.js';
import { utrecht } from './initiatives/utrecht.js';
import { zwolle } from './initiatives/zwolle.js';
import type { DemoPortfolio, DemoUser } from './types.js';

/** The initiatives, five per gemeente. */
const INITIATIVES: InitiativeSpec[] = [...amsterdam, ...rotterdam, ...utrecht, ...denhaag, ...eindhoven, ...groningen, ...nijmegen, ...zwolle];

/** The funder user works at Gemeente Utrecht; the initiative user runs De Gedeelde Pan, which
 * Utrecht funds through three programmes. */
const USERS: DemoUser[] = [
  { email: 'admin@vangnet.example', password: 'vangnet-admin-2026', role: 'admin' },
  { email: 'gemeente.utrecht@vangnet.example', password: 'utrecht-demo-2026', role: 'funder', funderKey: gemeenteKey('utrecht') },
  { email: 'degedeeldepan@vangnet.example', password: 'gedeelde-pan-2026', role: 'initiative', initiativeKey: 'de-gedeelde-pan' },
];

/** The demo portfolio as seen on `today` ('YYYY-MM-DD'). Same `today`, same portfolio. */
export function buildDemoPortfolio(today: string): DemoPortfolio {
  const cal = new Calendar(today);
  return {
    funders: FUNDERS.map(({ refPrefix: _refPrefix, ...funder }) => ({ ...funder })),
    initiatives: INITIATIVES.map((spec) => new InitiativeBuilder(cal, spec).build()),
    users: USERS.map((user) => ({ ...user })),
  };
}
