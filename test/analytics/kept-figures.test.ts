// Kept figures (README "Kept figures"): the risk list read from what the scans kept equals the
// list computed per request, and is never stale without saying so. The initiatives here are
// founded in the 2080s and asked about at AS_OF 2090-06-15, so they are the only candidates of the
// list whatever else the shared test database holds. "Scans" are the batch the workers run
// (`runBatch`) over exactly these initiatives: a portfolio scan's batch, and a rescan after a change
// (outbox rows removed in the same transaction, as the rescan processor does).
import { expect } from 'chai';
import { bumpFiguresVersion } from '../../server/data/figuresVersion.js';
import { createScan, runBatch, type BatchResult } from '../../server/data/scans.js';
import { markRescanned } from '../../server/data/outbox.js';
import { DEFAULT_SETTINGS, withDefaults } from '../../server/domain/settings.js';
import { listQuery, startTestApp, type TestApp } from '../support/app.js';
import { adminToken, makeBudget, makeCommitment, makeFunder, makeInitiative, makeTranche } from '../support/factories.js';
import type { RiskBody } from './shapes.js';

const AS_OF = '2090-06-15';

describe('analytics: kept figures (risk list)', () => {
  let app: TestApp;
  let admin: string;
  const ids: number[] = [];
  let town = 0;
  let fixed = 0;

  async function initiative(foundedOn: string, over: Record<string, unknown> = {}): Promise<number> {
    const id = await makeInitiative(app.db, { foundedOn: foundedOn, ...over });
    ids.push(id);
    for (const year of [2090, 2091]) await makeBudget(app.db, id, { year, amountCents: 365_000 });
    return id;
  }

  async function scan(trigger: 'manual' | 'change', only?: number, settings = DEFAULT_SETTINGS): Promise<BatchResult> {
    const result = await app.db.transaction(async (trx) => {
      if (only) await markRescanned(trx, only);
      const s = await createScan(trx, trigger, AS_OF);
      await trx('scans').where({ id: s.id }).update({ status: 'running', batches_total: 1 });
      return runBatch(trx, { scanId: s.id, batchNo: 0, fromId: only ?? Math.min(...ids), toId: only ?? Math.max(...ids) }, settings);
    });
    await bumpFiguresVersion(app.db); // as the scan service does after a batch commits
    return result;
  }

  const risk = () => app.request<RiskBody[]>('GET', `/api/stats/risk${listQuery({ range: [0, 99] })}&asOf=${AS_OF}`, { token: admin });

  /** The list as it is computed per request: without kept figures for these initiatives. */
  async function live(): Promise<RiskBody[]> {
    const kept = await app.db('kept_figures').whereIn('initiative_id', ids).select();
    await app.db('kept_figures').whereIn('initiative_id', ids).delete();
    await bumpFiguresVersion(app.db);
    try {
      const res = await risk();
      expect(res.headers.get('vangnet-computed')).to.equal('live');
      return res.body;
    } finally {
      if (kept.length) await app.db('kept_figures').insert(kept);
      await bumpFiguresVersion(app.db);
    }
  }

  before(async () => {
    app = await startTestApp();
    admin = await adminToken(app.db);
    const limited = await makeFunder(app.db, { type: 'foundation', maxFundingYears: 5 });
    const company = await makeFunder(app.db, { type: 'company' });
    town = await makeFunder(app.db, { type: 'municipality' });

    // Nothing committed; four today.
    await initiative('2086-06-15');
    // A funder reaching its limit, and short-term money from a company.
    const b = await initiative('2084-06-16');
    await makeCommitment(app.db, b, limited, { startDate: '2086-01-01', endDate: '2090-12-31', amountCents: 1_826_000 });
    await makeCommitment(app.db, b, company, { startDate: '2090-06-01', endDate: '2091-05-31', amountCents: 365_000 });
    // Half covered, with tranches (one cancelled), a pipeline request that does not count.
    const c = await initiative('2085-01-10');
    const cc = await makeCommitment(app.db, c, town, { startDate: '2090-01-01', endDate: '2092-12-31', amountCents: 548_000 });
    await makeTranche(app.db, cc, { periodStart: '2090-01-01', periodEnd: '2091-06-30', amountCents: 274_000 });
    await makeTranche(app.db, cc, { periodStart: '2091-07-01', periodEnd: '2092-12-31', amountCents: 274_000 });
    await makeTranche(app.db, cc, { periodStart: '2090-01-01', periodEnd: '2090-12-31', amountCents: 100_000, status: 'cancelled' });
    await makeCommitment(app.db, c, company, { status: 'requested', startDate: '2090-01-01', endDate: '2090-12-31', amountCents: 365_000 });
    // Covered in full: not at risk.
    const d = await initiative('2085-03-01');
    await makeCommitment(app.db, d, town, { startDate: '2089-01-01', endDate: '2093-12-31', amountCents: 1_826_000 });
    // Stopped; the day before the fourth birthday; the sixth birthday: never listed.
    await initiative('2086-01-01', { status: 'stopped' });
    await initiative('2086-06-16');
    await initiative('2084-06-15');
    // At risk until the edit below covers it.
    fixed = await initiative('2085-09-01');
    await makeCommitment(app.db, fixed, town, { startDate: '2090-01-01', endDate: '2090-12-31', amountCents: 200_000 });
  });

  after(async () => {
    await app.close();
  });

  it('computes the list per request before any scan has kept figures for that day', async () => {
    const res = await risk();
    expect(res.status).to.equal(200);
    expect(res.headers.get('vangnet-computed')).to.equal('live');
    expect(res.body.map((e) => e.id)).to.include(fixed);
  });

  it('answers from the kept figures after a scan, exactly as computed per request', async () => {
    await scan('manual');
    const res = await risk();
    expect(res.headers.get('vangnet-computed')).to.equal('kept');
    expect(res.body).to.have.length(4);
    expect(res.body).to.deep.equal(await live());
  });

  it('computes per request after a change, before its rescan, and shows the change', async () => {
    // A three-year grant that covers the need: no longer at risk.
    const post = await app.request('POST', '/api/commitments', {
      token: admin,
      body: { initiativeId: fixed, funderId: town, title: 'Driejarige subsidie', kind: 'subsidy', status: 'committed', startDate: '2090-01-01', endDate: '2092-12-31', amountCents: 1_096_000 },
    });
    expect(post.status).to.equal(201);
    const res = await risk();
    expect(res.headers.get('vangnet-computed')).to.equal('live');
    expect(res.body.map((e) => e.id)).not.to.include(fixed);
  });

  it('answers from kept figures again once the rescan has run, still equal to the live list', async () => {
    await scan('change', fixed);
    const res = await risk();
    expect(res.headers.get('vangnet-computed')).to.equal('kept');
    expect(res.body.map((e) => e.id)).not.to.include(fixed);
    expect(res.body).to.deep.equal(await live());
  });

  it('writes nothing when a scan finds what the last one kept, and only the changed initiative after a change', async () => {
    // The row versions (xmin) of each initiative's kept figures and kept years: a write makes new ones.
    const versions = async () =>
      Object.fromEntries(
        (
          await app.db.raw<{ rows: { id: number; v: string }[] }>(
            `SELECT k.initiative_id AS id, k.xmin::text || '/' || coalesce((SELECT string_agg(y.xmin::text, ',' ORDER BY y.year) FROM kept_years y WHERE y.initiative_id = k.initiative_id), '') AS v
             FROM kept_figures k WHERE k.initiative_id = ANY(?::int[])`,
            [ids],
          )
        ).rows.map((r) => [r.id, r.v]),
      );
    await scan('manual');
    const before = await versions();
    expect(Object.keys(before)).to.have.length(ids.length);
    await scan('manual');
    expect(await versions()).to.deep.equal(before);

    // A change as the API makes it: the write and its initiative's outbox row, in one transaction.
    const budget = app.db('budgets').where({ initiative_id: fixed, year: 2091 });
    const change = (amountCents: number) =>
      app.db.transaction(async (trx) => {
        await budget.clone().transacting(trx).update({ amount_cents: amountCents });
        await trx('rescan_outbox').insert({ initiative_id: fixed });
      });
    await change(400_000);
    try {
      await scan('manual');
      const after = await versions();
      for (const id of ids) {
        if (id === fixed) expect(after[id], `initiative ${id}`).not.to.equal(before[id]);
        else expect(after[id], `initiative ${id}`).to.equal(before[id]);
      }
      expect((await risk()).body).to.deep.equal(await live());
    } finally {
      await change(365_000);
      await scan('change', fixed);
    }
  });

  it('leaves out of a scan for the same day what nothing changed for, and evaluates it again for a change, other thresholds or a rescan', async () => {
    const openGaps = () => app.db('gaps').whereIn('initiative_id', ids).whereNull('resolved_at').orderBy('id').pluck<number[]>('id');
    await scan('manual');
    const gaps = await openGaps();
    expect(gaps).not.to.deep.equal([]);
    const again = await scan('manual');
    expect(again.initiatives).to.be.at.least(ids.length);
    expect(again).to.include({ unchanged: again.initiatives, opened: 0, resolved: 0 });
    // Left out is not resolved: their gaps stay open as they were.
    expect(await openGaps()).to.deep.equal(gaps);

    await app.db('rescan_outbox').insert({ initiative_id: fixed });
    try {
      expect(await scan('manual')).to.include({ unchanged: again.initiatives - 1 });
    } finally {
      await app.db('rescan_outbox').where({ initiative_id: fixed }).delete();
    }
    expect(await scan('change', fixed)).to.include({ initiatives: 1, unchanged: 0 });
    expect(await openGaps()).to.deep.equal(gaps);
    // Other thresholds: every initiative evaluated, and again when the thresholds change back.
    expect(await scan('manual', undefined, withDefaults({ cliffPercent: 60 }))).to.include({ unchanged: 0 });
    expect(await scan('manual')).to.include({ unchanged: 0 });
    expect(await scan('manual')).to.include({ unchanged: again.initiatives });
  });

  it('computes per request for another day than the kept figures were computed for', async () => {
    const res = await app.request<RiskBody[]>('GET', `/api/stats/risk?asOf=2090-06-16`, { token: admin });
    expect(res.status).to.equal(200);
    expect(res.headers.get('vangnet-computed')).to.equal('live');
  });

  it("records a rescan of a funder's initiatives when its type changes, not when its website does", async () => {
    const outbox = () => app.db('rescan_outbox').whereIn('initiative_id', ids).pluck<number[]>('initiative_id');
    await app.db('rescan_outbox').whereIn('initiative_id', ids).delete();
    await bumpFiguresVersion(app.db);
    const put = async (change: Record<string, unknown>) => {
      const { body: funder } = await app.request<Record<string, unknown>>('GET', `/api/funders/${town}`, { token: admin });
      const res = await app.request('PUT', `/api/funders/${town}`, { token: admin, body: { ...funder, ...change } });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
    };
    await put({ website: 'https://gemeente.example' });
    expect(await outbox()).to.deep.equal([]);
    await put({ type: 'province' });
    expect(new Set(await outbox())).to.deep.equal(new Set([ids[2], ids[3], fixed]));
    const res = await risk();
    expect(res.headers.get('vangnet-computed')).to.equal('live');
  });
});
