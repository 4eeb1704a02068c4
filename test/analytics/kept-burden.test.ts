// The portfolio reporting burden (`GET /api/stats/burden`, README "Reporting obligations" and "Kept
// figures"): read from what the scans kept (kept_obligations) when every visible initiative was
// kept for today and waits for no rescan, else counted for the request — and the two always
// agree, also after an obligation is edited, waived or answered before its rescan ran. The years
// are counted from today (last year's obligations can be overdue), inside the years the scans keep.
import { expect } from 'chai';
import { bumpFiguresVersion } from '../../server/data/figuresVersion.js';
import { today } from '../../server/services/clock.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { adminToken, makeCommitment, makeFunder, makeInitiative, makeObligation, makeUser, tokenFor } from '../support/factories.js';
import { rescanEach } from '../support/rescans.js';

interface BurdenBody {
  year: number;
  groups: Record<string, unknown>[];
  totals: Record<string, unknown>;
  computed: 'kept' | 'live';
}

const YEAR = Number(today().slice(0, 4));
const PAST = YEAR - 1;
const NEXT = YEAR + 2;

describe('analytics: the portfolio reporting burden, kept and live', () => {
  let app: TestApp;
  let admin: string;
  let gemeenteId: number;
  let fondsId: number;
  let fonds2Id: number;
  let gemeente: string;
  let own: number;
  let ownToken: string;
  let movable: number;
  let waivable: number;
  let answerable: number;

  const burden = (token: string, year: number) => app.request<BurdenBody>('GET', `/api/stats/burden?year=${year}`, { token });

  /** Every active initiative the token sees, and ours, scanned for today as the nightly scan does. */
  async function scanAll(): Promise<void> {
    const ids = await app.db('initiatives').orderBy('id').pluck<number[]>('id');
    await rescanEach(app.db, ids, today());
  }

  /** The answer computed for the request: an initiative every view sees waiting for its rescan. */
  async function live(token: string, year: number): Promise<BurdenBody> {
    await app.db('rescan_outbox').insert({ initiative_id: own });
    await bumpFiguresVersion(app.db);
    try {
      const res = await burden(token, year);
      expect(res.body.computed).to.equal('live');
      return res.body;
    } finally {
      await app.db('rescan_outbox').where({ initiative_id: own }).delete();
      await bumpFiguresVersion(app.db);
    }
  }

  async function expectKeptEqualsLive(): Promise<void> {
    for (const token of [gemeente, admin, ownToken]) {
      for (const year of [PAST, YEAR, NEXT]) {
        const kept = await burden(token, year);
        expect(kept.status, JSON.stringify(kept.body)).to.equal(200);
        expect(kept.body.computed, `${year}`).to.equal('kept');
        expect(kept.body, `${year}`).to.deep.equal({ ...(await live(token, year)), computed: 'kept' });
      }
    }
  }

  before(async () => {
    app = await startTestApp();
    admin = await adminToken(app.db);
    gemeenteId = await makeFunder(app.db, { type: 'municipality' });
    fondsId = await makeFunder(app.db, { type: 'foundation' });
    fonds2Id = await makeFunder(app.db, { type: 'foundation' });
    const bedrijfId = await makeFunder(app.db, { type: 'company' });
    gemeente = await tokenFor(app.db, await makeUser(app.db, 'funder', { funderId: gemeenteId }));

    // The initiative whose own view is the worked example below.
    own = await makeInitiative(app.db);
    const g = await makeCommitment(app.db, own, gemeenteId, { startDate: `${PAST}-01-01`, endDate: `${PAST}-12-31`, amountCents: 2_000_000 });
    const gNext = await makeCommitment(app.db, own, gemeenteId, { startDate: `${NEXT}-01-01`, endDate: `${NEXT}-12-31`, amountCents: 1_000_000 });
    const f = await makeCommitment(app.db, own, fondsId, { startDate: `${PAST}-01-01`, endDate: `${PAST}-12-31`, amountCents: 500_000 });
    await makeObligation(app.db, g, { dueOn: `${PAST}-03-31` });
    await makeObligation(app.db, g, { dueOn: `${PAST}-06-30`, status: 'rejected' });
    await makeObligation(app.db, g, { dueOn: `${PAST}-09-30`, status: 'submitted' });
    waivable = await makeObligation(app.db, g, { dueOn: `${PAST}-11-30` });
    await makeObligation(app.db, g, { dueOn: `${PAST}-10-31`, status: 'waived' });
    await makeObligation(app.db, g, { dueOn: `${PAST}-12-31`, status: 'accepted' });
    answerable = await makeObligation(app.db, f, { dueOn: `${PAST}-05-31` });
    await makeObligation(app.db, f, { dueOn: `${NEXT}-03-31` });
    movable = await makeObligation(app.db, gNext, { dueOn: `${NEXT}-02-28` });
    ownToken = await tokenFor(app.db, await makeUser(app.db, 'initiative', { initiativeId: own }));

    // Another the gemeente funds, asked by two foundations too; one stopped (not counted); one the gemeente may not see.
    const second = await makeInitiative(app.db);
    const g2 = await makeCommitment(app.db, second, gemeenteId, { startDate: `${PAST}-07-01`, endDate: `${YEAR}-06-30`, amountCents: 730_000 });
    await makeObligation(app.db, g2, { dueOn: `${PAST}-12-31` });
    await makeObligation(app.db, g2, { dueOn: `${YEAR}-09-30` });
    await makeObligation(app.db, await makeCommitment(app.db, second, fondsId, { startDate: `${YEAR}-01-01`, endDate: `${YEAR}-12-31` }), { dueOn: `${YEAR}-12-31` });
    await makeObligation(app.db, await makeCommitment(app.db, second, fonds2Id, { startDate: `${PAST}-01-01`, endDate: `${PAST}-12-31` }), { dueOn: `${PAST}-08-31`, status: 'rejected' });
    const stopped = await makeInitiative(app.db, { status: 'stopped' });
    await makeObligation(app.db, await makeCommitment(app.db, stopped, gemeenteId, { startDate: `${PAST}-01-01`, endDate: `${PAST}-12-31` }), { dueOn: `${PAST}-04-30` });
    const hidden = await makeInitiative(app.db);
    await makeObligation(app.db, await makeCommitment(app.db, hidden, bedrijfId, { startDate: `${PAST}-01-01`, endDate: `${NEXT}-12-31` }), { dueOn: `${PAST}-02-28` });
  });
  after(() => app.close());

  it('counts the burden per funder type with the overdue obligations, live before any scan', async () => {
    // Last year, the gemeente: 6 obligations, the waived one left out = 5 (open 03-31, rejected 06-30,
    // submitted 09-30, open 11-30, accepted 12-31), overdue today the open and rejected ones = 3,
    // against € 20.000: 5 × 1.000.000 / 2.000.000 = 2,5 per € 10.000. The fonds: 1 open, overdue,
    // against € 5.000 = 2 per € 10.000. Together 6 of 2 funders against € 25.000 = 2,4.
    const res = await burden(ownToken, PAST);
    expect(res.body).to.deep.equal({
      year: PAST,
      groups: [
        { funderType: 'municipality', initiativeCount: 1, obligationCount: 5, funderCount: 1, committedCents: 2_000_000, obligationsPer10k: 2.5, overdueCount: 3 },
        { funderType: 'foundation', initiativeCount: 1, obligationCount: 1, funderCount: 1, committedCents: 500_000, obligationsPer10k: 2, overdueCount: 1 },
      ],
      totals: { initiativeCount: 1, obligationCount: 6, funderCount: 2, committedCents: 2_500_000, obligationsPer10k: 2.4, overdueCount: 4 },
      computed: 'live',
    });
    // In two years nothing is overdue yet; the fonds asks a report without committing anything that year.
    expect((await burden(ownToken, NEXT)).body.totals).to.deep.equal({ initiativeCount: 1, obligationCount: 2, funderCount: 2, committedCents: 1_000_000, obligationsPer10k: 2, overdueCount: 0 });
  });

  it('answers from the kept figures after a scan, exactly as counted per request', async () => {
    const before = await burden(ownToken, PAST);
    await scanAll();
    const kept = await burden(ownToken, PAST);
    expect(kept.body).to.deep.equal({ ...before.body, computed: 'kept' });
    // What the scan kept of the initiative: per due year and funder, waived left out.
    expect(await app.db('kept_obligations').where({ initiative_id: own }).orderBy(['year', 'funder_id']).select('year', 'funder_id', 'obligation_count', 'overdue_count')).to.deep.equal([
      { year: PAST, funder_id: gemeenteId, obligation_count: 5, overdue_count: 3 },
      { year: PAST, funder_id: fondsId, obligation_count: 1, overdue_count: 1 },
      { year: NEXT, funder_id: gemeenteId, obligation_count: 1, overdue_count: 0 },
      { year: NEXT, funder_id: fondsId, obligation_count: 1, overdue_count: 0 },
    ]);
    await expectKeptEqualsLive();
    // The gemeente's portfolio: the stopped initiative and the one it may not see are left out.
    const seen = await burden(gemeente, PAST);
    const foundations = seen.body.groups.find((g) => g.funderType === 'foundation')!;
    expect(foundations.funderCount).to.be.at.least(2);
    expect(seen.body.groups.some((g) => g.funderType === 'company')).to.equal(false);
  });

  it('computes per request after an obligation is moved, before its rescan, and keeps it after', async () => {
    const before = await burden(ownToken, PAST);
    const { body: o } = await app.request<{ version: number }>('GET', `/api/obligations/${movable}`, { token: gemeente });
    const put = await app.request('PUT', `/api/obligations/${movable}`, { token: gemeente, body: { dueOn: `${PAST}-12-15`, version: o.version } });
    expect(put.status, JSON.stringify(put.body)).to.equal(200);
    expect(await app.db('rescan_outbox').where({ initiative_id: own }).pluck('initiative_id')).to.deep.equal([own]);
    const moved = await burden(ownToken, PAST);
    expect(moved.body.computed).to.equal('live');
    // One more for the gemeente last year, overdue: 6 against € 20.000 = 3 per € 10.000.
    expect(moved.body.groups[0]).to.deep.equal({ ...before.body.groups[0], obligationCount: 6, obligationsPer10k: 3, overdueCount: 4 });
    expect(moved.body.totals).to.include({ obligationCount: 7, overdueCount: 5 });
    await rescanEach(app.db, [own], today());
    expect(await burden(ownToken, PAST)).to.have.nested.property('body.computed', 'kept');
    expect((await burden(ownToken, PAST)).body).to.deep.equal({ ...moved.body, computed: 'kept' });
    await expectKeptEqualsLive();
  });

  it('marks the burden stale when a funder waives an obligation and when a report answers one', async () => {
    const { body: w } = await app.request<{ version: number }>('GET', `/api/obligations/${waivable}`, { token: gemeente });
    expect((await app.request('POST', `/api/obligations/${waivable}/waive`, { token: gemeente, body: { version: w.version } })).status).to.equal(200);
    const waived = await burden(ownToken, PAST);
    expect(waived.body.computed).to.equal('live');
    expect(waived.body.groups[0]).to.include({ obligationCount: 5, overdueCount: 3 });
    await rescanEach(app.db, [own], today());

    const report = await app.request('POST', '/api/reports', {
      token: ownToken,
      body: { initiativeId: own, title: 'Verslag', periodStart: `${PAST}-01-01`, periodEnd: `${PAST}-12-31`, summary: 'Gedaan', obligationIds: [answerable] },
    });
    expect(report.status, JSON.stringify(report.body)).to.equal(201);
    const answered = await burden(ownToken, PAST);
    expect(answered.body.computed).to.equal('live');
    // Submitted: still asked, no longer overdue.
    expect(answered.body.groups[1]).to.include({ funderType: 'foundation', obligationCount: 1, overdueCount: 0 });
    await rescanEach(app.db, [own], today());
    await expectKeptEqualsLive();
  });
});
