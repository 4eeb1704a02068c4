// Portfolio answers are kept while nothing changes (server/data/answerCache.ts): asked again, the
// same question gets the same answer without a pass over the portfolio; any committed write moves
// the figures version on, and the next answer is computed afresh. A write straight to the database
// that does not move the version shows the cache at work.
import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'chai';
import { bumpFiguresVersion } from '../../server/data/figuresVersion.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { today } from '../../server/services/clock.js';
import { adminToken, makeBudget, makeCommitment, makeFunder, makeInitiative, makeObligation } from '../support/factories.js';
import { funderUserToken } from './shapes.js';

describe('analytics: portfolio answers cached while nothing changes', () => {
  let app: TestApp;
  let funder: string;
  let initiative = 0;
  const funding = async (token: string) =>
    (await app.request<{ needCents: number }>('GET', '/api/stats/funding?asOf=2087-01-15&months=1', { token })).body.needCents;

  /** A user of a new funder with a request to the initiative, so it may see it. */
  async function applicant(): Promise<string> {
    const id = await makeFunder(app.db);
    await makeCommitment(app.db, initiative, id, { status: 'requested', startDate: '2087-01-01', endDate: '2087-01-31', amountCents: 1 });
    return funderUserToken(app.db, id);
  }

  before(async () => {
    app = await startTestApp();
    // Seen by the funders that apply to it (not shared with all: other files' funders must not see
    // its budget, which carries forward into their years).
    initiative = await makeInitiative(app.db);
    // 2087: 365 days, 365_000 → January 31_000.
    await makeBudget(app.db, initiative, { year: 2087, amountCents: 365_000 });
    funder = await applicant();
  });
  after(() => app.close());

  it('answers again from the cache until the figures version moves', async () => {
    const first = await funding(funder);
    // Another 31_000 in January, written without moving the version: not seen yet.
    await app.db('budgets').where({ initiative_id: initiative, year: 2087 }).update({ amount_cents: 730_000 });
    expect(await funding(funder)).to.equal(first);
    await bumpFiguresVersion(app.db);
    expect(await funding(funder)).to.equal(first + 31_000);
  });

  it('moves the version with every write through the API', async () => {
    const admin = await adminToken(app.db);
    const before = await funding(funder);
    const res = await app.request('POST', '/api/budgets', { token: admin, body: { initiativeId: initiative, year: 2086, amountCents: 1 } });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    await app.db('budgets').where({ initiative_id: initiative, year: 2087 }).update({ amount_cents: 365_000 });
    // The POST moved the version before the direct update: this answer was not cached after it.
    expect(await funding(funder)).to.equal(before - 31_000);
  });

  it('keeps the reporting burden too, for the day it was asked on', async () => {
    // A fonds of its own that grants the initiative something this year and asks one report due in it.
    const year = Number(today().slice(0, 4));
    const fondsId = await makeFunder(app.db, { type: 'foundation' });
    const commitmentId = await makeCommitment(app.db, initiative, fondsId, { status: 'committed', startDate: `${year}-01-01`, endDate: `${year}-12-31`, amountCents: 100_000 });
    const fonds = await funderUserToken(app.db, fondsId);
    await makeObligation(app.db, commitmentId, { periodStart: `${year}-01-01`, periodEnd: `${year}-06-30`, dueOn: `${year}-09-30` });
    const obligations = async () =>
      (await app.request<{ totals: { obligationCount: number } }>('GET', `/api/stats/burden?year=${year}`, { token: fonds })).body.totals.obligationCount;
    expect(await obligations()).to.equal(1);
    // A second report asked without moving the version: not seen yet; after the version moves, counted.
    await app.db('obligations').insert({ commitment_id: commitmentId, kind: 'financial_report', title: 'Financieel verslag', period_start: `${year}-07-01`, period_end: `${year}-12-31`, due_on: `${year}-12-31` });
    expect(await obligations()).to.equal(1);
    await bumpFiguresVersion(app.db);
    expect(await obligations()).to.equal(2);
  });

  it('never answers one user from another user’s cache', async () => {
    const other = await applicant();
    await funding(funder);
    await app.db('budgets').where({ initiative_id: initiative, year: 2087 }).update({ amount_cents: 730_000 });
    // The first funder's answer is cached from before; the other funder's is computed now.
    expect(await funding(other)).to.equal((await funding(funder)) + 31_000);
  });
});

// Computed again ahead (answerCache.ts, "Refreshed ahead"): once the version stands still after an
// edit, the answers asked lately are computed in the background, so the next look finds them ready.
// A write straight to the database after that refresh (not moving the version) shows where an
// answer came from: computed when asked, it would count that write; refreshed before, it does not.
describe('analytics: portfolio answers computed again ahead once the figures stand still', () => {
  const QUIET_MS = 300;
  let app: TestApp;
  let funder = '';
  let initiative = 0;
  let funderId = 0;
  const funding = async (token: string) =>
    (await app.request<{ needCents: number }>('GET', '/api/stats/funding?asOf=2088-01-15&months=1', { token })).body.needCents;
  /** Adds `cents` to the initiative's 2088 budget straight in the database: the version does not move. */
  const addToBudget = (cents: number) => app.db('budgets').where({ initiative_id: initiative, year: 2088 }).increment('amount_cents', cents);

  async function start(overrides: Record<string, string>): Promise<void> {
    app = await startTestApp(overrides);
    // 2088 is a leap year: 366_000 a year is 1_000 a day, 31_000 in January.
    initiative = await makeInitiative(app.db);
    await makeBudget(app.db, initiative, { year: 2088, amountCents: 366_000 });
    funderId = await makeFunder(app.db);
    await makeCommitment(app.db, initiative, funderId, { status: 'requested', startDate: '2088-01-01', endDate: '2088-01-31', amountCents: 1 });
    funder = await funderUserToken(app.db, funderId);
  }
  afterEach(() => app?.close());

  /**
   * An edit (366_000 more in the database, and the version moves), a quiet time in which the answer
   * may be computed again in the background, then a write that moves nothing: an answer computed
   * when asked counts both (93_000 in January), one computed ahead only the first (62_000).
   */
  async function editQuietThenWriteUnseen(): Promise<void> {
    await addToBudget(366_000);
    await bumpFiguresVersion(app.db);
    await sleep(QUIET_MS * 4);
    await addToBudget(366_000);
  }

  it('answers the next question after an edit from an answer computed while nobody asked', async () => {
    await start({ ANSWER_REFRESH_QUIET_MS: String(QUIET_MS), ANSWER_REFRESH_RECENT_MS: '60000' });
    expect(await funding(funder)).to.equal(31_000);
    await editQuietThenWriteUnseen();
    expect(await funding(funder)).to.equal(62_000);
    // The next edit is counted as always.
    await bumpFiguresVersion(app.db);
    expect(await funding(funder)).to.equal(93_000);
  });

  it('computes when asked, as before, with the refresh off', async () => {
    await start({ ANSWER_REFRESH_QUIET_MS: '0' });
    expect(await funding(funder)).to.equal(31_000);
    await editQuietThenWriteUnseen();
    expect(await funding(funder)).to.equal(93_000);
  });

  it('leaves alone answers nobody asked for lately', async () => {
    await start({ ANSWER_REFRESH_QUIET_MS: String(QUIET_MS), ANSWER_REFRESH_RECENT_MS: String(QUIET_MS) });
    expect(await funding(funder)).to.equal(31_000);
    await sleep(QUIET_MS * 2);
    await editQuietThenWriteUnseen();
    expect(await funding(funder)).to.equal(93_000);
  });

  it('does not compute ahead while the figures keep moving', async () => {
    await start({ ANSWER_REFRESH_QUIET_MS: String(QUIET_MS * 4), ANSWER_REFRESH_RECENT_MS: '60000' });
    expect(await funding(funder)).to.equal(31_000);
    await addToBudget(366_000);
    // Moving more often than the quiet time asks: never still long enough. The version is looked
    // at every QUIET_MS * 2 here, so the last, longer wait sees it at least once, still too soon.
    for (let i = 0; i < 8; i++) {
      await bumpFiguresVersion(app.db);
      await sleep(i === 7 ? QUIET_MS * 3 : QUIET_MS);
    }
    await addToBudget(366_000);
    expect(await funding(funder)).to.equal(93_000);
  });
});
