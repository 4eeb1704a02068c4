// GET /api/stats/fragmentation through real HTTP: portfolio fragmentation over the ACTIVE
// initiatives the user may see, per group and year. The database is shared within a run, so the
// portfolio is seen through a fresh funder whose visible initiatives are the ones made here (plus
// any initiative another file shared with all funders — counted, and checked to hold no funding
// in the far-off years used here), and through a municipality name no other file uses.
import { expect } from 'chai';
import type { Knex } from 'knex';
import { startTestApp, type TestApp } from '../support/app.js';
import { adminToken, makeCommitment, makeFunder, makeInitiative } from '../support/factories.js';
import { itRefusesQueries, uniqueTag, type ApiErrorBody } from '../support/records.js';
import { amsterdamToday, funderUserToken, initiativeUserToken, type GroupBody, type PortfolioBody, type TotalBody } from './shapes.js';

const EPSILON = 1e-12;

/** Compares a group or total, with the ratios to within float noise. */
function expectFigures(actual: GroupBody | TotalBody | undefined, expected: Record<string, unknown>): void {
  expect(actual, 'group or total present').to.not.equal(undefined);
  for (const [key, want] of Object.entries(expected)) {
    const got = (actual as unknown as Record<string, unknown>)[key];
    if (want !== null && typeof want === 'object') {
      expectFigures(got as GroupBody, want as Record<string, unknown>);
    } else if (typeof want === 'number' && !Number.isInteger(want)) {
      expect(got, key).to.be.a('number').closeTo(want, EPSILON);
    } else {
      expect(got, key).to.equal(want);
    }
  }
}

const none = { mean: null, median: null };

describe('analytics: portfolio fragmentation (/api/stats/fragmentation)', () => {
  let app: TestApp;
  let admin: string;
  let funderToken: string;
  let initiativeToken: string;
  const municipality = uniqueTag('Vangnetdorp');
  const mine: number[] = [];
  /** Active initiatives other files shared with all funders: our funder user sees them too. */
  let foreignShared: { id: number; domains: string[] }[] = [];

  before(async () => {
    app = await startTestApp();
    admin = await adminToken(app.db);
    const fx = await makeFunder(app.db, { type: 'municipality' });
    const fonds = await makeFunder(app.db, { type: 'foundation' });
    const bedrijf = await makeFunder(app.db, { type: 'company' });
    const verzekeraar = await makeFunder(app.db, { type: 'health_insurer' });
    const make = async (over: Record<string, unknown>) => {
      const id = await makeInitiative(app.db, { municipality, ...over });
      mine.push(id);
      return id;
    };
    // P1 [care, welfare]: fx 365_000 over 2046 (12 months, short-term). One funder: HHI 1.
    const p1 = await make({ domains: ['care', 'welfare'] });
    await makeCommitment(app.db, p1, fx, { startDate: '2046-01-01', endDate: '2046-12-31', amountCents: 365_000 });
    // P2 [care]: fx 1_096_000 over 2046-01-01..2048-12-31 (365 + 365 + 366 days = 1_096; 36
    // months, long) → 365_000 in 2046 and in 2047; fonds 365_000 over 2046 (short-term).
    // 2046: two funders of 365_000 each → HHI ½² + ½² = 0.5, short-term share 0.5.
    // 2047: fx alone → HHI 1, short-term share 0.
    const p2 = await make({ domains: ['care'] });
    await makeCommitment(app.db, p2, fx, { startDate: '2046-01-01', endDate: '2048-12-31', amountCents: 1_096_000 });
    await makeCommitment(app.db, p2, fonds, { startDate: '2046-01-01', endDate: '2046-12-31', amountCents: 365_000 });
    // P3 [no domain]: fx only requested → visible to fx, but no committed funding.
    const p3 = await make({ domains: [] });
    await makeCommitment(app.db, p3, fx, { status: 'requested', startDate: '2046-01-01', endDate: '2046-12-31', amountCents: 365_000 });
    // P4 stopped: never counted, although fx funds it.
    const p4 = await make({ domains: ['care'], status: 'stopped' });
    await makeCommitment(app.db, p4, fx, { startDate: '2046-01-01', endDate: '2046-12-31', amountCents: 365_000 });
    // P5 [food], shared with all funders, funded by a health insurer (group "other") only.
    const p5 = await make({ domains: ['food'], shared_with_funders: true });
    await makeCommitment(app.db, p5, verzekeraar, { startDate: '2046-01-01', endDate: '2046-12-31', amountCents: 365_000 });
    // P6 [care], not shared, funded by a company only: fx may not see it.
    const p6 = await make({ domains: ['care'] });
    await makeCommitment(app.db, p6, bedrijf, { startDate: '2046-01-01', endDate: '2046-12-31', amountCents: 365_000 });

    funderToken = await funderUserToken(app.db, fx);
    initiativeToken = await initiativeUserToken(app.db, p2);
    foreignShared = await sharedElsewhere(app.db, mine);
  });

  after(async () => {
    await app.close();
  });

  /** Active shared initiatives that are not ours, after checking they hold no funding in 2046–2047. */
  async function sharedElsewhere(db: Knex, ours: number[]): Promise<{ id: number; domains: string[] }[]> {
    const rows = await db('initiatives').where({ shared_with_funders: true, status: 'active' }).whereNotIn('id', ours).select<{ id: number; domains: string[] }[]>('id', 'domains');
    const [funded] = await db('commitments')
      .whereIn('initiative_id', rows.map((r) => r.id))
      .whereIn('status', ['committed', 'completed'])
      .where('end_date', '>=', '2046-01-01')
      .where('start_date', '<=', '2047-12-31')
      .count<{ n: number }[]>({ n: '*' });
    expect(Number(funded?.n ?? 0), 'precondition: no other file funds a shared initiative in 2046–2047').to.equal(0);
    return rows;
  }

  const stats = (query: string, token: string) => app.request<PortfolioBody>('GET', `/api/stats/fragmentation${query}`, { token });

  it('groups by funder type for a funder user, over the active initiatives it may see', async () => {
    // 2046, per initiative: P1 365_000 (HHI 1, short 1); P2 730_000 (HHI 0.5, effective 2, short
    // 0.5); P3 0; P5 365_000 (HHI 1, short 1). Year total 1_460_000. P4 (stopped) and P6 (not
    // visible) are left out — with P6 the company group would hold 365_000.
    //   company       0                            share 0
    // HHI and effective funders are those of the initiatives the type funds; the short-term share
    // is of the type's own money.
    //   foundation    365_000 (P2)                  share 0.25, HHI 0.5, effective 2, short 1
    //                 (P2's fonds money runs 12 months)
    //   municipality  730_000 (P1 365_000 + P2 365_000) share 0.5, HHI mean/median (1 + 0.5)/2 =
    //                 0.75, effective (1 + 2)/2 = 1.5; short-term: P1's 365_000 of 730_000 = 0.5
    //                 (P2's fx money runs 36 months)
    //   other         365_000 (P5, health insurer)  share 0.25, HHI 1, short 1
    // 2047: only P2's fx money, 365_000, long-term.
    const res = await stats('?year=2046&years=2&groupBy=funderType', funderToken);
    expect(res.status).to.equal(200);
    expect(res.body).to.include({ year: 2046, years: 2, groupBy: 'funderType' });
    expect(res.body.groups.map((g) => [g.year, g.group])).to.deep.equal([
      [2046, 'company'],
      [2046, 'foundation'],
      [2046, 'municipality'],
      [2046, 'other'],
      [2047, 'company'],
      [2047, 'foundation'],
      [2047, 'municipality'],
      [2047, 'other'],
    ]);
    const [company, foundation, municipal, other, company47, foundation47, municipal47, other47] = res.body.groups;
    expectFigures(company, { committedCents: 0, share: 0, initiativeCount: 0, hhi: none, effectiveFunders: none, shortTermShare: null });
    expectFigures(foundation, { committedCents: 365_000, share: 0.25, initiativeCount: 1, hhi: { mean: 0.5, median: 0.5 }, effectiveFunders: { mean: 2, median: 2 }, shortTermShare: 1 });
    expectFigures(municipal, { committedCents: 730_000, share: 0.5, initiativeCount: 2, hhi: { mean: 0.75, median: 0.75 }, effectiveFunders: { mean: 1.5, median: 1.5 }, shortTermShare: 0.5 });
    expectFigures(other, { committedCents: 365_000, share: 0.25, initiativeCount: 1, hhi: { mean: 1, median: 1 }, effectiveFunders: { mean: 1, median: 1 }, shortTermShare: 1 });
    expectFigures(company47, { committedCents: 0, share: 0, initiativeCount: 0 });
    expectFigures(foundation47, { committedCents: 0, share: 0, initiativeCount: 0 });
    expectFigures(municipal47, { committedCents: 365_000, share: 1, initiativeCount: 1, hhi: { mean: 1, median: 1 }, effectiveFunders: { mean: 1, median: 1 }, shortTermShare: 0 });
    expectFigures(other47, { committedCents: 0, share: 0, initiativeCount: 0 });
  });

  it('totals every visible active initiative, funded or not', async () => {
    // 2046: visible active = P1, P2, P3, P5 (+ shared ones of other files, unfunded here);
    // funded P1, P2, P5. HHI mean (1 + 0.5 + 1)/3 = 5/6, median 1; effective mean (1 + 2 + 1)/3
    // = 4/3, median 1; short-term (365_000 + 365_000 + 365_000) / 1_460_000 = 0.75.
    const res = await stats('?year=2046&years=2', funderToken);
    expect(res.body.groupBy).to.equal('funderType');
    expect(res.body.totals).to.have.length(2);
    expectFigures(res.body.totals[0], {
      year: 2046,
      committedCents: 1_460_000,
      initiativeCount: 4 + foreignShared.length,
      fundedInitiativeCount: 3,
      hhi: { mean: 5 / 6, median: 1 },
      effectiveFunders: { mean: 4 / 3, median: 1 },
      shortTermShare: 0.75,
    });
    expectFigures(res.body.totals[1], {
      year: 2047,
      committedCents: 365_000,
      initiativeCount: 4 + foreignShared.length,
      fundedInitiativeCount: 1,
      hhi: { mean: 1, median: 1 },
      effectiveFunders: { mean: 1, median: 1 },
      shortTermShare: 0,
    });
  });

  it('groups by municipality', async () => {
    // Our municipality holds P1, P2, P3 and P5: the same figures as the 2046 totals above.
    const res = await stats('?year=2046&groupBy=municipality', funderToken);
    expect(res.status).to.equal(200);
    expect(res.body.years).to.equal(1);
    const ours = res.body.groups.filter((g) => g.group === municipality);
    expect(ours).to.have.length(1);
    expectFigures(ours[0], {
      year: 2046,
      committedCents: 1_460_000,
      share: 1,
      initiativeCount: 4,
      hhi: { mean: 5 / 6, median: 1 },
      effectiveFunders: { mean: 4 / 3, median: 1 },
      shortTermShare: 0.75,
    });
  });

  it('groups by domain, an initiative in each of its domains, "none" for one without', async () => {
    //   care     P1 365_000 + P2 730_000 = 1_095_000  share 0.75  HHI (1 + 0.5)/2 = 0.75, short 2/3
    //   welfare  P1 365_000                           share 0.25  HHI 1, short 1
    //   food     P5 365_000                           share 0.25  HHI 1, short 1
    //   none     P3 0                                 share 0
    // (the shares add up to more than 1: P1 counts in care and in welfare)
    const res = await stats('?year=2046&groupBy=domain', funderToken);
    const foreign = (domain: string) => foreignShared.filter((f) => (f.domains.length ? f.domains : ['none']).includes(domain)).length;
    const group = (name: string) => res.body.groups.find((g) => g.group === name);
    expectFigures(group('care'), { committedCents: 1_095_000, share: 0.75, initiativeCount: 2 + foreign('care'), hhi: { mean: 0.75, median: 0.75 }, effectiveFunders: { mean: 1.5, median: 1.5 }, shortTermShare: 2 / 3 });
    expectFigures(group('welfare'), { committedCents: 365_000, share: 0.25, initiativeCount: 1 + foreign('welfare'), hhi: { mean: 1, median: 1 }, shortTermShare: 1 });
    expectFigures(group('food'), { committedCents: 365_000, share: 0.25, initiativeCount: 1 + foreign('food'), hhi: { mean: 1, median: 1 }, shortTermShare: 1 });
    expectFigures(group('none'), { committedCents: 0, share: 0, initiativeCount: 1 + foreign('none'), hhi: none, shortTermShare: null });
  });

  it('shows an initiative user only its own initiative', async () => {
    // P2 alone in 2046: 730_000, HHI 0.5, effective 2, short-term 0.5.
    const res = await stats('?year=2046&groupBy=municipality', initiativeToken);
    expect(res.status).to.equal(200);
    expect(res.body.groups).to.have.length(1);
    expectFigures(res.body.groups[0], {
      group: municipality,
      committedCents: 730_000,
      share: 1,
      initiativeCount: 1,
      hhi: { mean: 0.5, median: 0.5 },
      effectiveFunders: { mean: 2, median: 2 },
      shortTermShare: 0.5,
    });
    expectFigures(res.body.totals[0], { committedCents: 730_000, initiativeCount: 1, fundedInitiativeCount: 1 });
  });

  it('shows an admin every active initiative, the unshared one too, but not the stopped one', async () => {
    // P1, P2, P3, P5 and P6: 1_460_000 + 365_000 (P6) = 1_825_000 over 5 initiatives, 4 funded:
    // HHI mean (1 + 0.5 + 1 + 1)/4 = 0.875, median 1; short (1_460_000 × 0.75 + 365_000) / 1_825_000 = 0.8.
    const res = await stats('?year=2046&groupBy=municipality', admin);
    const ours = res.body.groups.find((g) => g.group === municipality);
    expectFigures(ours, { committedCents: 1_825_000, initiativeCount: 5, hhi: { mean: 0.875, median: 1 }, shortTermShare: 0.8 });
  });

  it('answers this year, one year, by funder type when nothing is asked', async () => {
    const res = await stats('', funderToken);
    expect(res.status).to.equal(200);
    const thisYear = Number(amsterdamToday().slice(0, 4));
    expect(res.body).to.include({ year: thisYear, years: 1, groupBy: 'funderType' });
    expect(res.body.groups.map((g) => g.group)).to.deep.equal(['company', 'foundation', 'municipality', 'other']);
  });

  itRefusesQueries((query) => app.request<ApiErrorBody>('GET', `/api/stats/fragmentation${query}`, { token: admin }), [
    ['?groupBy=x', 'groupBy'],
    ['?groupBy=', 'groupBy'],
    ['?year=abc', 'year'],
    ['?years=0', 'years'],
    ['?years=11', 'years'],
    ['?years=two', 'years'],
  ]);

  it('answers 401 without a token', async () => {
    expect((await app.request('GET', '/api/stats/fragmentation?year=2046')).status).to.equal(401);
  });
});
