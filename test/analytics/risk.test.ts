// GET /api/stats/risk through real HTTP: the initiatives at risk around year five (DESIGN.md
// "five_year_risk": from the fourth birthday up to the day before the sixth, committed coverage
// of the 12 months from the month of asOf below 75% or short-term share above 50%), riskiest first.
// Every initiative here carries one tag in its name, and `filter.q` on that tag isolates them from
// the rest of the shared test database.
//
// asOf is 2030-06-15 throughout. The window is 2030-06..2031-05. Every at-risk candidate has a
// budget of 365_000 in 2030 and in 2031 (1_000 a day), so its window need is 365 days = 365_000
// (214 days Jun–Dec 2030 + 151 days Jan–May 2031).
import { expect } from 'chai';
import { listQuery, startTestApp, type TestApp } from '../support/app.js';
import { adminToken, makeBudget, makeCommitment, makeFunder, makeInitiative } from '../support/factories.js';
import { itRefusesQueries, uniqueTag, type ApiErrorBody } from '../support/records.js';
import { amsterdamToday, funderUserToken, initiativeUserToken, type RiskBody } from './shapes.js';

const EPSILON = 1e-12;
const AS_OF = '2030-06-15';

describe('analytics: initiatives at risk around year five (/api/stats/risk)', () => {
  let app: TestApp;
  let admin: string;
  const tag = uniqueTag('Risico');
  const town = uniqueTag('Risicodorp');
  const name = (suffix: string) => `${tag} ${suffix}`;
  const limitFunderName = uniqueTag('Fonds met termijn');
  const ids = { e1: 0, e2: 0, e3: 0, healthy: 0, stopped: 0, dayBeforeFourth: 0, sixth: 0 };
  let limitFunder = 0;
  let ownFunder = 0;

  async function candidate(suffix: string, over: Record<string, unknown>): Promise<number> {
    const id = await makeInitiative(app.db, { name: name(suffix), ...over });
    await makeBudget(app.db, id, { year: 2030, amountCents: 365_000 });
    await makeBudget(app.db, id, { year: 2031, amountCents: 365_000 });
    await makeBudget(app.db, id, { year: 2032, amountCents: 0 });
    return id;
  }

  before(async () => {
    app = await startTestApp();
    admin = await adminToken(app.db);
    limitFunder = await makeFunder(app.db, { name: limitFunderName, type: 'foundation', maxFundingYears: 5 });
    const company = await makeFunder(app.db, { type: 'company' });
    ownFunder = await makeFunder(app.db, { type: 'municipality' });

    // E1 "Anker": four today (founded 2026-06-15), shared with all funders, no funding at all.
    ids.e1 = await candidate('Anker', { founded_on: '2026-06-15', shared_with_funders: true });

    // E2 "Brug": five, the day before its sixth birthday (founded 2024-06-16).
    ids.e2 = await candidate('Brug', { founded_on: '2024-06-16' });
    //   long (60 months) from the funder with a 5-year limit: 2026-01-01..2030-12-31 is 1_826 days
    //   (2028 is a leap year), 1_826_000 → 1_000 a day; in the window Jun–Dec 2030 = 214_000.
    //   Limit date 2026-01-01 + 5 years = 2031-01-01, within the horizon, with need in 2031.
    await makeCommitment(app.db, ids.e2, limitFunder, { startDate: '2026-01-01', endDate: '2030-12-31', amountCents: 1_826_000 });
    //   short (12 months) from a company: 2030-06-01..2031-05-31, 365_000 → all 365_000 in the window.
    await makeCommitment(app.db, ids.e2, company, { startDate: '2030-06-01', endDate: '2031-05-31', amountCents: 365_000 });

    // E3 "Cirkel": five (founded 2025-01-10), in a municipality of its own, half covered by a
    // long commitment: 2030-01-01..2032-12-31 is 1_096 days, 548_000 → 500 a day.
    ids.e3 = await candidate('Cirkel', { founded_on: '2025-01-10', municipality: town });
    await makeCommitment(app.db, ids.e3, ownFunder, { startDate: '2030-01-01', endDate: '2032-12-31', amountCents: 548_000 });

    // Not at risk: fully covered by a long commitment (2029..2033 = 1_826 days, 1_826_000).
    ids.healthy = await candidate('Dijk', { founded_on: '2025-03-01' });
    await makeCommitment(app.db, ids.healthy, ownFunder, { startDate: '2029-01-01', endDate: '2033-12-31', amountCents: 1_826_000 });
    // Not listed although uncovered: stopped; the day before the fourth birthday; the sixth birthday.
    ids.stopped = await candidate('Eind', { founded_on: '2026-01-01', status: 'stopped' });
    ids.dayBeforeFourth = await candidate('Jong', { founded_on: '2026-06-16' });
    ids.sixth = await candidate('Oud', { founded_on: '2024-06-15' });
  });

  after(async () => {
    await app.close();
  });

  const risk = (params: Parameters<typeof listQuery>[0], token = admin, extra = `asOf=${AS_OF}`) => {
    const query = listQuery(params);
    const sep = query ? '&' : '?';
    return app.request<RiskBody[]>('GET', `/api/stats/risk${query}${extra ? sep + extra : ''}`, { token });
  };
  const mine = (params: Parameters<typeof listQuery>[0] = {}) => risk({ ...params, filter: { q: tag, ...params.filter } });
  const idsOf = (entries: RiskBody[]) => entries.map((e) => e.id);

  it('lists the initiatives at risk, riskiest first, with their figures', async () => {
    const res = await mine();
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-range')).to.equal('risk 0-2/3');
    // riskScore = uncovered part of the window need + short-term share + share of funders at their limit:
    //   E2: coverage 579_000 / 365_000 > 1 → 0; short-term 365_000 / 579_000 = 0.6304;
    //       1 of its 2 funders at its limit → 0.5. Total 1.1304.
    //   E1: nothing committed: 1 − 0 = 1, no short-term share, no funders → 1.
    //   E3: 182_500 / 365_000 = 0.5 covered → 0.5 uncovered, long-term → 0. Total 0.5.
    expect(idsOf(res.body)).to.deep.equal([ids.e2, ids.e1, ids.e3]);
    const [e2, e1, e3] = res.body;

    // E2 — window committed 214_000 (limited fonds) + 365_000 (company) = 579_000.
    // Runway of committed money: Jun–Dec 2030 2_000 a day ≥ need; Jan–May 2031 1_000 a day = need
    // (not short); Jun–Dec 2031 nothing: shortfall 2031-06-01..2031-12-31 of 214 days = 214_000.
    const { coverage: c2, shortTermShare: s2, riskScore: r2, ...rest2 } = e2!;
    expect(rest2).to.deep.equal({
      id: ids.e2,
      initiativeId: ids.e2,
      name: name('Brug'),
      municipality: 'Utrecht',
      foundedOn: '2024-06-16',
      ageYears: 5,
      reasons: ['short_term_funding'],
      needCents: 365_000,
      committedCents: 579_000,
      fundersAtLimit: [{ funderId: limitFunder, name: limitFunderName, limitDate: '2031-01-01' }],
      firstShortfall: { periodStart: '2031-06-01', periodEnd: '2031-12-31', shortfallCents: 214_000 },
      asOf: AS_OF,
    });
    expect(c2).to.be.closeTo(579_000 / 365_000, EPSILON);
    expect(s2).to.be.closeTo(365_000 / 579_000, EPSILON);
    expect(r2).to.be.closeTo(365_000 / 579_000 + 0.5, EPSILON);

    // E1 — no funding: shortfall from 2030-06 to the end of the 2031 budget, 214 + 365 = 579 days.
    expect(e1).to.deep.equal({
      id: ids.e1,
      initiativeId: ids.e1,
      name: name('Anker'),
      municipality: 'Utrecht',
      foundedOn: '2026-06-15',
      ageYears: 4,
      reasons: ['low_coverage'],
      needCents: 365_000,
      committedCents: 0,
      coverage: 0,
      shortTermShare: null,
      fundersAtLimit: [],
      firstShortfall: { periodStart: '2030-06-01', periodEnd: '2031-12-31', shortfallCents: 579_000 },
      riskScore: 1,
      asOf: AS_OF,
    });

    // E3 — 500 a day of 1_000: window 182_500; shortfall 500 a day over 579 days = 289_500.
    expect(e3).to.deep.equal({
      id: ids.e3,
      initiativeId: ids.e3,
      name: name('Cirkel'),
      municipality: town,
      foundedOn: '2025-01-10',
      ageYears: 5,
      reasons: ['low_coverage'],
      needCents: 365_000,
      committedCents: 182_500,
      coverage: 0.5,
      shortTermShare: 0,
      fundersAtLimit: [],
      firstShortfall: { periodStart: '2030-06-01', periodEnd: '2031-12-31', shortfallCents: 289_500 },
      riskScore: 0.5,
      asOf: AS_OF,
    });
  });

  it('starts at the fourth birthday and ends the day before the sixth', async () => {
    const listed = idsOf((await mine()).body);
    expect(listed, 'the fourth birthday itself').to.include(ids.e1);
    expect(listed, 'the day before the sixth birthday').to.include(ids.e2);
    expect(listed, 'the day before the fourth birthday').not.to.include(ids.dayBeforeFourth);
    expect(listed, 'the sixth birthday').not.to.include(ids.sixth);
    expect(listed, 'a stopped initiative').not.to.include(ids.stopped);
    expect(listed, 'a covered, long-funded initiative').not.to.include(ids.healthy);
  });

  it('moves with asOf: a day later the next one turns four and the oldest turns six', async () => {
    // 2030-06-16: Jong turns four (listed), Brug turns six (not listed), Anker is still four.
    const res = await risk({ filter: { q: tag } }, admin, 'asOf=2030-06-16');
    const listed = idsOf(res.body);
    expect(listed).to.include(ids.dayBeforeFourth);
    expect(listed).to.include(ids.e1);
    expect(listed).not.to.include(ids.e2);
    expect(res.body.every((e) => e.asOf === '2030-06-16')).to.equal(true);
  });

  it('takes asOf from the filter too, as react-admin sends it', async () => {
    const res = await risk({ filter: { q: tag, asOf: AS_OF } }, admin, '');
    expect(res.status).to.equal(200);
    expect(idsOf(res.body)).to.deep.equal([ids.e2, ids.e1, ids.e3]);
    expect(res.body.map((e) => e.asOf)).to.deep.equal([AS_OF, AS_OF, AS_OF]);
  });

  it('sorts by name and by founding date, both ways', async () => {
    expect(idsOf((await mine({ sort: ['name', 'ASC'] })).body)).to.deep.equal([ids.e1, ids.e2, ids.e3]);
    expect(idsOf((await mine({ sort: ['name', 'DESC'] })).body)).to.deep.equal([ids.e3, ids.e2, ids.e1]);
    expect(idsOf((await mine({ sort: ['foundedOn', 'ASC'] })).body)).to.deep.equal([ids.e2, ids.e3, ids.e1]);
    expect(idsOf((await mine({ sort: ['riskScore', 'ASC'] })).body)).to.deep.equal([ids.e3, ids.e1, ids.e2]);
    expect(idsOf((await mine({ sort: ['coverage', 'ASC'] })).body)).to.deep.equal([ids.e1, ids.e3, ids.e2]);
  });

  it('pages with range and says so in Content-Range', async () => {
    const res = await mine({ range: [1, 1] });
    expect(idsOf(res.body)).to.deep.equal([ids.e1]);
    expect(res.headers.get('content-range')).to.equal('risk 1-1/3');
    const past = await mine({ range: [5, 9] });
    expect(past.body).to.deep.equal([]);
    expect(past.headers.get('content-range')).to.equal('risk */3');
  });

  it('filters by reasons, ageYears, municipality and id', async () => {
    expect(idsOf((await mine({ filter: { reasons: ['short_term_funding'] } })).body)).to.deep.equal([ids.e2]);
    expect(idsOf((await mine({ filter: { reasons: 'low_coverage' } })).body)).to.deep.equal([ids.e1, ids.e3]);
    expect(idsOf((await mine({ filter: { ageYears: 4 } })).body)).to.deep.equal([ids.e1]);
    expect(idsOf((await mine({ filter: { municipality: town.toUpperCase() } })).body)).to.deep.equal([ids.e3]);
    expect(idsOf((await mine({ filter: { id: [ids.e3, ids.e1] } })).body)).to.deep.equal([ids.e1, ids.e3]);
    expect(idsOf((await mine({ filter: { q: `${tag} cirkel` } })).body)).to.deep.equal([ids.e3]);
  });

  it('applies a range filter it accepts (ageYears_gte), instead of silently ignoring it', async () => {
    // The list conventions accept `field_gte` for an int field, so `ageYears_gte: 5` passes
    // validation; it must then keep E2 and E3 (five) and drop E1 (four).
    const res = await mine({ filter: { ageYears_gte: 5 } });
    expect(res.status).to.equal(200);
    expect(idsOf(res.body)).to.deep.equal([ids.e2, ids.e3]);
  });

  it('shows a funder user only the initiatives it may see', async () => {
    // ownFunder funds E3 (at risk) and the healthy one (not at risk); E1 is shared; E2 is neither.
    const token = await funderUserToken(app.db, ownFunder);
    const res = await risk({ filter: { q: tag } }, token);
    expect(res.status).to.equal(200);
    expect(idsOf(res.body)).to.deep.equal([ids.e1, ids.e3]);
    expect(res.headers.get('content-range')).to.equal('risk 0-1/2');
    // Without the tag, every entry is one it funds or one shared with all funders.
    const all = await risk({}, token);
    const entryIds = idsOf(all.body);
    const visible = await app.db('initiatives')
      .whereIn('id', entryIds)
      .where((w) => w.where('shared_with_funders', true).orWhereExists(app.db('commitments').whereRaw('commitments.initiative_id = initiatives.id').where('funder_id', ownFunder)))
      .pluck('id');
    expect(visible.length).to.equal(entryIds.length);
    expect(entryIds).not.to.include(ids.e2);
  });

  it('shows an initiative user only its own initiative', async () => {
    const token = await initiativeUserToken(app.db, ids.e2);
    const res = await risk({}, token);
    expect(idsOf(res.body)).to.deep.equal([ids.e2]);
    expect(res.headers.get('content-range')).to.equal('risk 0-0/1');
    const other = await initiativeUserToken(app.db, ids.healthy);
    const none = await risk({}, other);
    expect(none.body).to.deep.equal([]);
    expect(none.headers.get('content-range')).to.equal('risk */0');
  });

  it('uses today in the Netherlands when asOf is not given', async () => {
    // Founded on 1 January five years ago: whatever today is, it is 5 whole years old, and with a
    // budget this year and next but no funding it is at risk for low coverage.
    const today = amsterdamToday();
    const year = Number(today.slice(0, 4));
    const id = await makeInitiative(app.db, { name: name('Vandaag'), foundedOn: `${year - 5}-01-01` });
    await makeBudget(app.db, id, { year, amountCents: 365_000 });
    await makeBudget(app.db, id, { year: year + 1, amountCents: 365_000 });
    const res = await risk({ filter: { q: `${tag} Vandaag` } }, admin, '');
    expect(res.status).to.equal(200);
    expect(res.body).to.have.length(1);
    expect(res.body[0]).to.include({ id, asOf: today, ageYears: 5, committedCents: 0, coverage: 0, riskScore: 1 });
    expect(res.body[0]!.reasons).to.deep.equal(['low_coverage']);
  });

  it('counts the birthdays of someone founded on 29 February', async () => {
    // Founded 2024-02-29: four on 2028-02-29; six on 2030-02-28 (no 29th that year), so the last
    // day at risk is 2030-02-27, when it is 5 (71 whole months).
    const leapTag = uniqueTag('Schrikkel');
    const id = await makeInitiative(app.db, { name: leapTag, foundedOn: '2024-02-29' });
    for (const year of [2028, 2029, 2030, 2031]) await makeBudget(app.db, id, { year, amountCents: 365_000 });
    const at = async (asOf: string) => (await risk({ filter: { q: leapTag } }, admin, `asOf=${asOf}`)).body;
    expect(await at('2028-02-28'), 'the day before the fourth birthday').to.deep.equal([]);
    expect((await at('2028-02-29')).map((e) => [e.id, e.ageYears])).to.deep.equal([[id, 4]]);
    expect((await at('2030-02-27')).map((e) => [e.id, e.ageYears])).to.deep.equal([[id, 5]]);
    expect(await at('2030-02-28'), 'the sixth birthday').to.deep.equal([]);
  });

  describe('bad parameters', () => {
    itRefusesQueries((query) => app.request<ApiErrorBody>('GET', `/api/stats/risk${query}`, { token: admin }), [
      ['?asOf=2027-02-30', 'asOf'],
      ['?asOf=soon', 'asOf'],
      [listQuery({ filter: { asOf: '2027-02-30' } }), 'asOf'],
      [listQuery({ sort: ['budget', 'ASC'] }), 'sort'],
      [listQuery({ sort: ['needCents', 'ASC'] }), 'sort'],
      [listQuery({ filter: { foo: 1 } }), 'foo'],
      [listQuery({ filter: { reasons: 'bankrupt' } }), 'reasons'],
      [listQuery({ filter: { ageYears: 'five' } }), 'ageYears'],
      [listQuery({ range: [5, 1] }), 'range'],
      ['?sort=nonsense', 'sort'],
    ]);

    it('answers 401 without a token', async () => {
      expect((await app.request('GET', `/api/stats/risk?asOf=${AS_OF}`)).status).to.equal(401);
    });
  });
});
