// GET /api/stats/fragmentation is computed in SQL (server/data/portfolioStats.ts); this checks it
// against the domain's own definitions on a varied, seeded random portfolio: the reference below
// is the straightforward computation with computeFragmentation, commitmentYearCents and
// isShortTerm over the records as they were written.
//
// Isolation as in portfolio.test.ts: a fresh funder user sees the initiatives made here that its
// funder has a commitment with (in any status) or that are shared with all funders, plus any
// initiative another file shared with all funders — counted as an unfunded member, after checking
// it holds no committed funding in the far-off years used here (2094–2103).
// The same cases are answered twice: computed for the request, and from the figures the scans
// keep (kept_years, written by the scan's batch with the same SQL), which must agree.
// PORTFOLIO_SQL_SEED=<n> replays another portfolio.
import { expect } from 'chai';
import { bumpFiguresVersion } from '../../server/data/figuresVersion.js';
import type { Knex } from 'knex';
import { commitmentYearCents, countsIn, roundCents } from '../../server/domain/allocation.js';
import { addDays, addMonths, daysInMonth, formatIsoDate } from '../../server/domain/dates.js';
import { COMMITMENT_STATUSES, DOMAINS, FUNDER_TYPES, TRANCHE_STATUSES, type CommitmentStatus, type Domain, type FunderType, type TrancheStatus } from '../../server/domain/enums.js';
import { computeFragmentation, summarize } from '../../server/domain/fragmentation.js';
import { isShortTerm, lengthInMonths } from '../../server/domain/length.js';
import { DEFAULT_SETTINGS } from '../../server/domain/settings.js';
import type { LoadedCommitment, IsoDate, LoadedTranche } from '../../server/domain/types.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { rescanEach } from '../support/rescans.js';
import { makeCommitment, makeFunder, makeInitiative, makeTranche } from '../support/factories.js';
import { uniqueTag } from '../support/records.js';
import { funderUserToken, type GroupBody, type PortfolioBody, type TotalBody } from './shapes.js';

const SEED = Number(process.env.PORTFOLIO_SQL_SEED ?? 20261124);
const INITIATIVES = 48;
const FIRST_DAY = '2094-01-01';
const LAST_DAY = '2103-12-31';

/** mulberry32: a small seeded PRNG, so a failing portfolio can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Grouping = 'funderType' | 'municipality' | 'domain';

/** An initiative as written, and whether the funder user should see it counted. */
interface Written {
  id: number;
  municipality: string;
  domains: string[];
  counted: boolean;
  commitments: LoadedCommitment[];
}

// ---- the reference: the definitions, straight from the domain --------------------------------

const TYPE_GROUPS = ['municipality', 'foundation', 'company'] as const;
const typeGroup = (type: FunderType): string => ((TYPE_GROUPS as readonly string[]).includes(type) ? type : 'other');

interface Member {
  cents: number;
  shortTermCents: number;
  hhi: number | null;
  effectiveFunders: number | null;
}

function stats(members: readonly Member[]) {
  const funded = members.filter((m) => m.cents > 0);
  const cents = funded.reduce((sum, m) => sum + m.cents, 0);
  const shortTerm = funded.reduce((sum, m) => sum + m.shortTermCents, 0);
  const hhi = summarize(funded.map((m) => m.hhi));
  const effective = summarize(funded.map((m) => m.effectiveFunders));
  return {
    hhi: { mean: hhi.mean, median: hhi.median },
    effectiveFunders: { mean: effective.mean, median: effective.median },
    shortTermShare: cents ? shortTerm / cents : null,
  };
}

/** How many of `values` fall below the first bound, between each two, and at or above the last. */
function buckets(values: readonly number[], bounds: readonly number[]): number[] {
  const counts = new Array<number>(bounds.length + 1).fill(0);
  for (const v of values) counts[bounds.filter((b) => v >= b).length]! += 1;
  return counts;
}

function reference(initiatives: readonly Written[], years: readonly number[], groupBy: Grouping): { groups: GroupBody[]; totals: TotalBody[] } {
  const groups: GroupBody[] = [];
  const totals: TotalBody[] = [];
  const counted = initiatives.filter((i) => i.counted);
  for (const year of years) {
    const byGroup = new Map<string, Member[]>();
    const add = (group: string, member: Member) => byGroup.set(group, [...(byGroup.get(group) ?? []), member]);
    if (groupBy === 'funderType') for (const g of [...TYPE_GROUPS, 'other']) byGroup.set(g, []);
    const all: Member[] = [];
    for (const initiative of counted) {
      const fragmentation = computeFragmentation(initiative, year, DEFAULT_SETTINGS);
      const byType = new Map<string, { cents: number; shortTermCents: number }>();
      let cents = 0;
      let shortTermCents = 0;
      for (const c of initiative.commitments) {
        if (!countsIn(c.status, 'committed')) continue;
        const inYear = commitmentYearCents(c, year);
        if (inYear === 0) continue;
        const short = isShortTerm(c.startDate, c.endDate, DEFAULT_SETTINGS) ? inYear : 0;
        const part = byType.get(typeGroup(c.funderType)) ?? { cents: 0, shortTermCents: 0 };
        byType.set(typeGroup(c.funderType), { cents: part.cents + inYear, shortTermCents: part.shortTermCents + short });
        cents += inYear;
        shortTermCents += short;
      }
      const member = { cents, shortTermCents, hhi: fragmentation.hhi, effectiveFunders: fragmentation.effectiveFunders };
      all.push(member);
      if (groupBy === 'funderType') for (const [group, part] of byType) add(group, { ...member, ...part });
      else if (groupBy === 'municipality') add(initiative.municipality, member);
      else for (const domain of initiative.domains.length ? initiative.domains : ['none']) add(domain, member);
    }
    const yearCents = all.reduce((sum, m) => sum + m.cents, 0);
    for (const [group, members] of [...byGroup].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const cents = members.reduce((sum, m) => sum + m.cents, 0);
      groups.push({ group, year, committedCents: roundCents(cents), share: yearCents ? cents / yearCents : null, initiativeCount: members.length, ...stats(members) });
    }
    const funded = all.filter((m) => m.cents > 0);
    totals.push({
      year,
      committedCents: roundCents(yearCents),
      initiativeCount: all.length,
      fundedInitiativeCount: funded.length,
      ...stats(all),
      // The dashboard's bar charts: a bucket holds its lower bound.
      effectiveFundersHistogram: buckets(
        funded.map((m) => m.effectiveFunders!),
        [1.5, 2.5, 3.5, 4.5],
      ),
      shortTermShareHistogram: buckets(
        funded.map((m) => m.shortTermCents / m.cents),
        [0.2, 0.4, 0.6, 0.8],
      ),
    });
  }
  return { groups, totals };
}

// ---- comparing ---------------------------------------------------------------------------------

/** Ratios agree to float noise; counts and rounded cents exactly; null stays null. */
function expectSame(actual: unknown, expected: unknown, path: string): void {
  if (typeof expected === 'number' && typeof actual === 'number' && !/Count|Cents|year/.test(path.split('.').pop() ?? '')) {
    expect(Math.abs(actual - expected), `${path}: ${actual} vs ${expected}`).to.be.at.most(1e-9 * Math.max(1, Math.abs(expected)));
  } else if (expected !== null && typeof expected === 'object') {
    expect(actual !== null && typeof actual === 'object' && Array.isArray(actual) === Array.isArray(expected), `${path} is ${Array.isArray(expected) ? 'a list' : 'an object'}`).to.equal(true);
    expect(Object.keys(actual as object), `${path} keys`).to.deep.equal(Object.keys(expected));
    for (const [key, value] of Object.entries(expected)) expectSame((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
  } else {
    expect(actual, path).to.equal(expected);
  }
}

// ---- the portfolio -----------------------------------------------------------------------------

/** Days a period may start on: the 1st, mid-month and, often, the month's last days (29th–31st). */
function startDay(random: () => number, year: number, month: number): IsoDate {
  const days = [1, 1, 15, 28, 29, 30, 31, 31];
  const day = days[Math.floor(random() * days.length)] ?? 1;
  return formatIsoDate(year, month, Math.min(day, daysInMonth(year, month)));
}

/** An end date: around 23, 24 or 25 months (the short-term boundary), or anything up to ~4 years. */
function endDate(random: () => number, start: IsoDate): IsoDate {
  const r = random();
  if (r < 0.5) {
    const months = [23, 24, 25, 12, 36][Math.floor(random() * 5)] ?? 24;
    return addDays(addMonths(start, months), Math.floor(random() * 3) - 2); // exactly `months`, a day less or a day more
  }
  if (r < 0.55) return start; // one day
  return addDays(start, Math.floor(random() * 1500));
}

/** Splits a period into consecutive pieces (some crossing a year end), with random amounts and statuses. */
function trancheShapes(random: () => number, start: IsoDate, end: IsoDate, allCancelled: boolean): Omit<LoadedTranche, 'id'>[] {
  const pieces: Omit<LoadedTranche, 'id'>[] = [];
  let from = start;
  while (from <= end) {
    const to = [addDays(addMonths(from, 1 + Math.floor(random() * 14)), -1), end].sort()[0] ?? end;
    const status: TrancheStatus = allCancelled ? 'cancelled' : random() < 0.2 ? 'cancelled' : (TRANCHE_STATUSES.filter((s) => s !== 'cancelled')[Math.floor(random() * 3)] ?? 'planned');
    pieces.push({ periodStart: from, periodEnd: to, amountCents: random() < 0.05 ? 0 : 1 + Math.floor(random() * 3_000_000), status });
    from = addDays(to, 1);
  }
  return pieces;
}

describe('analytics: portfolio fragmentation in SQL equals the domain computation', () => {
  let app: TestApp;
  let token: string;
  const written: Written[] = [];
  const tally = { committed: 0, other: 0, noTranches: 0, allCancelled: 0, someCancelled: 0, acrossYearEnd: 0, shortBoundary: 0, lateStart: 0, leapDay: 0 };

  before(async () => {
    app = await startTestApp();
    const db = app.db;
    const random = prng(SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

    // The user's funder, and others of every type (some types twice: several funders per type).
    const own = { id: await makeFunder(db, { type: 'municipality' }), type: 'municipality' as FunderType };
    const funders = [own];
    for (const type of [...FUNDER_TYPES, 'foundation', 'company', 'municipality'] as const) funders.push({ id: await makeFunder(db, { type }), type });
    const ofType = (type: FunderType) => funders.find((f) => f.type === type && f.id !== own.id)!;
    token = await funderUserToken(db, own.id);

    const initiative = async (municipality: string, domains: Domain[], status: 'active' | 'stopped', shared: boolean, counted: boolean): Promise<Written> => {
      const id = await makeInitiative(db, { municipality, domains, status, sharedWithFunders: shared, foundedOn: '2094-01-01' });
      const made: Written = { id, municipality, domains, counted, commitments: [] };
      written.push(made);
      return made;
    };
    const commit = async (
      to: Written,
      funder: { id: number; type: FunderType },
      status: CommitmentStatus,
      startDate: IsoDate,
      end: IsoDate,
      amountCents: number,
      shapes: readonly Omit<LoadedTranche, 'id'>[] = [],
    ): Promise<void> => {
      const commitmentId = await makeCommitment(db, to.id, funder.id, { status, startDate: startDate, endDate: end, amountCents: amountCents });
      const tranches: LoadedTranche[] = [];
      for (const t of shapes) {
        const trancheId = await makeTranche(db, commitmentId, { periodStart: t.periodStart, periodEnd: t.periodEnd, amountCents: t.amountCents, status: t.status });
        tranches.push({ id: trancheId, ...t });
      }
      to.commitments.push({ id: commitmentId, funderId: funder.id, funderType: funder.type, kind: 'subsidy', status, startDate, endDate: end, amountCents, tranches });

      tally[countsIn(status, 'committed') ? 'committed' : 'other'] += 1;
      if (!tranches.length) tally.noTranches += 1;
      else if (tranches.every((t) => t.status === 'cancelled')) tally.allCancelled += 1;
      else if (tranches.some((t) => t.status === 'cancelled')) tally.someCancelled += 1;
      if (tranches.some((t) => t.status !== 'cancelled' && t.periodStart.slice(0, 4) !== t.periodEnd.slice(0, 4))) tally.acrossYearEnd += 1;
      if (Math.abs(lengthInMonths(startDate, end) - 24) <= 1) tally.shortBoundary += 1;
      if (Number(startDate.slice(8)) >= 29) tally.lateStart += 1;
      if ([startDate, end, ...tranches.flatMap((t) => [t.periodStart, t.periodEnd])].some((d) => d.endsWith('-02-29'))) tally.leapDay += 1;
    };
    const tranche = (periodStart: IsoDate, periodEnd: IsoDate, amountCents: number, status: TrancheStatus = 'planned') => ({ periodStart, periodEnd, amountCents, status });

    // Cases written out, so they are there whatever the seed (lengths as lengthInMonths counts them).
    const edge = await initiative(uniqueTag('Sqlrand'), ['care'], 'active', false, true);
    // from a leap day: to 2098-02-28 is 24 months (short), to 2098-03-28 is 25 (long)
    await commit(edge, own, 'committed', '2096-02-29', '2098-02-28', 1_000_003);
    await commit(edge, ofType('foundation'), 'committed', '2096-02-29', '2098-03-28', 2_000_001, [
      tranche('2096-02-29', '2096-02-29', 7_777),
      tranche('2096-03-01', '2097-02-28', 1_500_001, 'received'),
      tranche('2097-03-01', '2098-03-28', 500_000, 'cancelled'),
    ]);
    // from the 31st: 2095-12-31..2097-12-30 is 24 months; every tranche cancelled: funds nothing
    await commit(edge, ofType('company'), 'completed', '2095-12-31', '2097-12-30', 900_000, [
      tranche('2095-12-31', '2096-12-30', 450_000, 'cancelled'),
      tranche('2096-12-31', '2097-12-30', 450_000, 'cancelled'),
    ]);
    // through 2100 (no leap day): 2099-01-31..2101-01-31 is still 24 months, 2099-03-01..2101-03-31 is 25
    await commit(edge, ofType('health_insurer'), 'committed', '2099-01-31', '2101-01-31', 3_650_001);
    await commit(edge, ofType('province'), 'committed', '2099-03-01', '2101-03-31', 2_500_000, [
      tranche('2099-03-01', '2100-02-28', 1_250_000),
      tranche('2100-03-01', '2101-03-31', 1_250_000, 'requested'),
    ]);
    // lengths 23, 24 and 25 from the 1st; a one-day commitment; nothing; what does not count
    await commit(edge, ofType('municipality'), 'committed', '2097-01-01', '2098-11-30', 2_300_000);
    await commit(edge, ofType('national'), 'completed', '2097-01-01', '2098-12-31', 2_400_000);
    await commit(edge, ofType('other'), 'committed', '2097-01-01', '2099-01-31', 2_500_000);
    await commit(edge, own, 'committed', '2100-12-31', '2100-12-31', 12_345);
    await commit(edge, ofType('company'), 'committed', '2098-01-01', '2098-12-31', 0);
    for (const status of ['requested', 'conditional', 'declined', 'withdrawn'] as const) await commit(edge, own, status, '2096-01-01', '2099-12-31', 9_999_999);

    const municipalities = [uniqueTag('Sqlstad'), uniqueTag('Sqldorp'), uniqueTag('Sqlveen'), 'Utrecht'];
    const statuses: CommitmentStatus[] = ['committed', 'committed', 'committed', 'completed', 'completed', ...COMMITMENT_STATUSES];
    for (let n = 0; n < INITIATIVES; n++) {
      const active = random() < 0.9;
      const shared = random() < 0.15;
      // Visible through a commitment of the user's funder (in any status), by sharing, or not at all.
      const viaOwn = random() < 0.85;
      const made = await initiative(pick(municipalities), DOMAINS.filter(() => random() < 0.2), active ? 'active' : 'stopped', shared, active && (shared || viaOwn));
      const count = Math.floor(random() * 7);
      for (let k = 0; k < count || (viaOwn && !made.commitments.some((c) => c.funderId === own.id)); k++) {
        const funder = k >= count ? own : pick(funders);
        if (!viaOwn && funder.id === own.id) continue;
        const startDate = startDay(random, 2094 + Math.floor(random() * 9), 1 + Math.floor(random() * 12));
        const end = [endDate(random, startDate), LAST_DAY].sort()[0]!;
        const amountCents = random() < 0.04 ? 0 : 1 + Math.floor(random() * 10_000_000);
        const mode = random();
        await commit(made, funder, pick(statuses), startDate, end, amountCents, mode < 0.4 ? [] : trancheShapes(random, startDate, end, mode > 0.9));
      }
    }
    written.push(...(await sharedElsewhere(db, written.map((w) => w.id))));
  });

  after(async () => {
    await app.close();
  });

  /** Active initiatives other files shared with all funders: unfunded members here, checked to be so. */
  async function sharedElsewhere(db: Knex, ours: number[]): Promise<Written[]> {
    const rows = await db('initiatives').where({ shared_with_funders: true, status: 'active' }).whereNotIn('id', ours).select<{ id: number; municipality: string; domains: string[] }[]>('id', 'municipality', 'domains');
    const [funded] = await db('commitments')
      .whereIn('initiative_id', rows.map((r) => r.id))
      .whereIn('status', ['committed', 'completed'])
      .where('end_date', '>=', FIRST_DAY)
      .where('start_date', '<=', LAST_DAY)
      .count<{ n: number }[]>({ n: '*' });
    expect(Number(funded?.n ?? 0), `precondition: no other file funds a shared initiative in ${FIRST_DAY}..${LAST_DAY}`).to.equal(0);
    return rows.map((r) => ({ ...r, counted: true, commitments: [] }));
  }

  it(`generates the cases that matter (seed ${SEED})`, () => {
    for (const [what, n] of Object.entries(tally)) expect(n, what).to.be.at.least(3);
    expect(written.filter((w) => w.counted).length).to.be.at.least(20);
    expect(written.some((w) => !w.counted)).to.equal(true);
  });

  const cases: [number, number][] = [
    [2096, 1], // leap year
    [2100, 1], // not a leap year (a century)
    [2094, 10], // every year, from before the first money to after the last
    [2098, 3],
  ];

  /** Keeps the figures of every initiative counted here; kept years are the scan's year − 1 through + 8: 2094..2103 for 2095. */
  const scanCounted = () => rescanEach(app.db, written.map((w) => w.id), '2095-06-30');

  for (const source of ['live', 'kept'] as const) {
    describe(`computed ${source}`, () => {
      if (source === 'kept') before(scanCounted);
      for (const groupBy of ['funderType', 'municipality', 'domain'] as const) {
        for (const [year, years] of cases) {
          it(`groupBy=${groupBy}, year=${year}, years=${years}`, async () => {
            const res = await app.request<PortfolioBody>('GET', `/api/stats/fragmentation?year=${year}&years=${years}&groupBy=${groupBy}`, { token });
            expect(res.status, JSON.stringify(res.body)).to.equal(200);
            const want = reference(written, Array.from({ length: years }, (_, i) => year + i), groupBy);
            expect(res.body).to.include({ year, years, groupBy, computed: source });
            expect(res.body.groups.map((g) => `${g.year} ${g.group}`), `groups (seed ${SEED})`).to.deep.equal(want.groups.map((g) => `${g.year} ${g.group}`));
            expectSame(res.body.groups, want.groups, `groups (seed ${SEED})`);
            expectSame(res.body.totals, want.totals, `totals (seed ${SEED})`);
            // Not vacuous: this portfolio has money in the years asked.
            expect(want.totals.some((t) => t.fundedInitiativeCount > 1)).to.equal(true);
          });
        }
      }
      if (source === 'kept') {
        it('computes live again for an initiative whose change waits for its rescan, and for years not kept', async () => {
          const one = written.find((w) => w.counted)!;
          await app.db('rescan_outbox').insert({ initiative_id: one.id });
          await bumpFiguresVersion(app.db);
          try {
            const res = await app.request<PortfolioBody>('GET', '/api/stats/fragmentation?year=2096&years=1', { token });
            expect(res.body.computed).to.equal('live');
          } finally {
            await app.db('rescan_outbox').where({ initiative_id: one.id }).delete();
            await bumpFiguresVersion(app.db);
          }
          const after = await app.request<PortfolioBody>('GET', '/api/stats/fragmentation?year=2096&years=1', { token });
          expect(after.body.computed).to.equal('kept');
          const outside = await app.request<PortfolioBody>('GET', '/api/stats/fragmentation?year=2094&years=10&groupBy=domain', { token });
          expect(outside.body.computed).to.equal('kept');
          const later = await app.request<PortfolioBody>('GET', '/api/stats/fragmentation?year=2095&years=10', { token });
          expect(later.body.computed).to.equal('live');
        });
      }
    });
  }
});
