// Co-financing rounds through real HTTP: a gemeente and a fonds that matches 50% of it close one
// initiative's gap together. Confirming creates exactly one commitment per pledge in the same
// transaction; the match waits for the pledge it matches and is capped by its ratio; a confirmed
// pledge cannot be withdrawn; each funder acts for itself only and sees only rounds it may see.
import { expect } from 'chai';
import type { Knex } from 'knex';
import { startTestApp, type TestApp } from '../support/app.js';
import { adminToken, makeBudget, makeFunder, makeInitiative } from '../support/factories.js';
import type { ApiErrorBody, ApiRecord } from '../support/records.js';
import { funderUserToken, initiativeUserToken } from '../analytics/shapes.js';

const count = async (db: Knex, table: string, where: Record<string, unknown>) => Number((await db(table).where(where).count<{ n: string }[]>({ n: '*' }))[0]!.n);

describe('planning: co-financing rounds', () => {
  let app: TestApp;
  let admin: string;
  let initiative: number;
  let gemeente: number;
  let fonds: number;
  let tokens: { initiative: string; gemeente: string; fonds: string };

  before(async () => {
    app = await startTestApp();
    admin = await adminToken(app.db);
    // Need 1_000 a day in 2027 and no funding: the whole year is short, 365_000.
    initiative = await makeInitiative(app.db, { name: 'Buurtkeuken De Ronde', sharedWithFunders: true });
    await makeBudget(app.db, initiative, { year: 2027, amountCents: 365_000 });
    gemeente = await makeFunder(app.db, { name: 'Gemeente Rondestad', type: 'municipality' });
    fonds = await makeFunder(app.db, { name: 'Fonds Samen Rond', type: 'foundation' });
    tokens = {
      initiative: await initiativeUserToken(app.db, initiative),
      gemeente: await funderUserToken(app.db, gemeente),
      fonds: await funderUserToken(app.db, fonds),
    };
  });

  after(async () => {
    await app.close();
  });

  const call = <T = ApiRecord>(method: string, path: string, token: string, body?: unknown) => app.request<T & ApiErrorBody>(method, path, { token, body });
  const round = (id: number) => call<ApiRecord>('GET', `/api/cofinancing-rounds/${id}`, admin);

  describe('a gemeente and a fonds that adds 50% of what the gemeente gives', () => {
    let roundId: number;
    let gemeentePledge: ApiRecord;
    let fondsPledge: ApiRecord;

    it('opens a round whose target is the shortfall of its period', async () => {
      const res = await call('POST', '/api/cofinancing-rounds', tokens.initiative, { title: 'Keuken 2027', periodStart: '2027-01-01', periodEnd: '2027-12-31' });
      expect(res.status, JSON.stringify(res.body)).to.equal(201);
      expect(res.body).to.include({ initiativeId: initiative, status: 'open', targetCents: 365_000, pledgedCents: 0, confirmedCents: 0, remainingCents: 365_000 });
      roundId = res.body.id;
    });

    it('lets the initiative propose and only the gemeente pledge', async () => {
      const proposed = await call('POST', '/api/pledges', tokens.initiative, { roundId, funderId: gemeente, amountCents: 200_000 });
      expect(proposed.status, JSON.stringify(proposed.body)).to.equal(201);
      expect(proposed.body).to.include({ status: 'proposed', condition: 'none', commitmentId: null });
      const byInitiative = await call('PUT', `/api/pledges/${proposed.body.id}`, tokens.initiative, { ...proposed.body, status: 'pledged' });
      expect(byInitiative.status).to.equal(403);
      expect(byInitiative.body.codes?.status?.code).to.equal('pledge.funder_pledges');
      const byFonds = await call('PUT', `/api/pledges/${proposed.body.id}`, tokens.fonds, { ...proposed.body, status: 'pledged' });
      expect(byFonds.status).to.equal(403);
      const pledged = await call('PUT', `/api/pledges/${proposed.body.id}`, tokens.gemeente, { ...proposed.body, status: 'pledged' });
      expect(pledged.status, JSON.stringify(pledged.body)).to.equal(200);
      gemeentePledge = pledged.body;
      expect(gemeentePledge.status).to.equal('pledged');
    });

    it('refuses a funder pledging for another funder', async () => {
      const res = await call('POST', '/api/pledges', tokens.gemeente, { roundId, funderId: fonds, amountCents: 1 });
      expect(res.status).to.equal(403);
      expect(res.body.codes?.funderId?.code).to.equal('access.own_funder');
      expect(await count(app.db, 'pledges', { round_id: roundId })).to.equal(1);
    });

    it("caps the fonds' match at 50% of the gemeente's pledge", async () => {
      const match = { roundId, funderId: fonds, condition: 'match', matchPledgeId: gemeentePledge.id, ratioPercent: 50 };
      const tooMuch = await call('POST', '/api/pledges', tokens.fonds, { ...match, amountCents: 100_001 });
      expect(tooMuch.status).to.equal(422);
      expect(tooMuch.body.codes?.amountCents).to.deep.equal({ code: 'pledge.exceeds_match', params: { maxCents: 100_000 } });
      const res = await call('POST', '/api/pledges', tokens.fonds, { ...match, amountCents: 100_000 });
      expect(res.status, JSON.stringify(res.body)).to.equal(201);
      // A funder's own pledge is pledged from the start.
      expect(res.body).to.include({ status: 'pledged', condition: 'match', ratioPercent: 50, matchPledgeId: gemeentePledge.id });
      fondsPledge = res.body;
      // Progress: 200_000 + 100_000 pledged of 365_000, nothing confirmed.
      expect((await round(roundId)).body).to.include({ pledgedCents: 300_000, confirmedCents: 0, remainingCents: 65_000 });
    });

    it('does not let the fonds confirm before the gemeente', async () => {
      const res = await call('POST', `/api/pledges/${fondsPledge.id}/confirm`, tokens.fonds, { version: fondsPledge.version });
      expect(res.status).to.equal(422);
      expect(res.body.codes?.status?.code).to.equal('pledge.match_not_confirmed');
      expect(await count(app.db, 'commitments', { initiative_id: initiative })).to.equal(0);
    });

    it("creates the gemeente's commitment on confirmation, in the same transaction, tranches as chosen", async () => {
      expect((await call('POST', `/api/pledges/${gemeentePledge.id}/confirm`, tokens.initiative, { version: gemeentePledge.version })).status).to.equal(403);
      expect((await call('POST', `/api/pledges/${gemeentePledge.id}/confirm`, tokens.fonds, { version: gemeentePledge.version })).status).to.equal(403);
      const stale = await call('POST', `/api/pledges/${gemeentePledge.id}/confirm`, tokens.gemeente, { version: Number(gemeentePledge.version) - 1 });
      expect(stale.status).to.equal(409);
      const res = await call('POST', `/api/pledges/${gemeentePledge.id}/confirm`, tokens.gemeente, { version: gemeentePledge.version, trancheSchedule: 'quarterly' });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      expect(res.body.status).to.equal('confirmed');
      const commitments = await app.db('commitments').where({ initiative_id: initiative });
      expect(commitments).to.have.length(1);
      expect(commitments[0]).to.include({ id: res.body.commitmentId, funder_id: gemeente, kind: 'subsidy', status: 'committed', start_date: '2027-01-01', end_date: '2027-12-31', amount_cents: 200_000, title: 'Keuken 2027' });
      const tranches = await app.db('tranches').where({ commitment_id: res.body.commitmentId }).orderBy('period_start').pluck<number[]>('amount_cents');
      expect(tranches).to.deep.equal([50_000, 50_000, 50_000, 50_000]);
      // The commitment is audited like any other, and the initiative is rescanned.
      expect(await count(app.db, 'audit_events', { resource: 'commitments', record_id: String(res.body.commitmentId), action: 'create' })).to.equal(1);
      expect(await count(app.db, 'rescan_outbox', { initiative_id: initiative })).to.be.greaterThan(0);
    });

    it("then confirms the fonds' match: exactly one commitment each", async () => {
      const current = await call<ApiRecord>('GET', `/api/pledges/${fondsPledge.id}`, tokens.fonds);
      const res = await call('POST', `/api/pledges/${fondsPledge.id}/confirm`, tokens.fonds, { version: current.body.version });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      const again = await call('POST', `/api/pledges/${fondsPledge.id}/confirm`, tokens.fonds, { version: res.body.version });
      expect(again.status).to.equal(422);
      expect(again.body.codes?.status?.code).to.equal('pledge.confirmed_final');
      const rows = await app.db('commitments').where({ initiative_id: initiative }).orderBy('id').select('funder_id', 'kind', 'amount_cents');
      expect(rows).to.deep.equal([
        { funder_id: gemeente, kind: 'subsidy', amount_cents: 200_000 },
        { funder_id: fonds, kind: 'grant', amount_cents: 100_000 },
      ]);
      expect((await round(roundId)).body).to.include({ pledgedCents: 300_000, confirmedCents: 300_000, remainingCents: 65_000 });
    });

    it('refuses withdrawing a confirmed pledge: the commitment exists', async () => {
      const current = (await call<ApiRecord>('GET', `/api/pledges/${fondsPledge.id}`, tokens.fonds)).body;
      const res = await call('PUT', `/api/pledges/${fondsPledge.id}`, tokens.fonds, { ...current, status: 'withdrawn' });
      expect(res.status).to.equal(422);
      expect(res.body.codes?.status?.code).to.equal('pledge.confirmed_final');
      expect((await call<ApiRecord>('GET', `/api/pledges/${fondsPledge.id}`, admin)).body.status).to.equal('confirmed');
    });

    it("tells the round's participants of every change", async () => {
      const events = await app.db('events').where({ type: 'round.pledge', subject_type: 'pledge' }).whereIn('subject_id', [gemeentePledge.id, fondsPledge.id]).orderBy('id');
      expect(events.map((e: { data: { status: string } }) => e.data.status)).to.deep.equal(['proposed', 'pledged', 'pledged', 'confirmed', 'confirmed']);
      const last = events.at(-1) as { initiative_id: number; funder_ids: number[]; data: Record<string, unknown> };
      expect(last.initiative_id).to.equal(initiative);
      expect(last.funder_ids).to.deep.equal([gemeente, fonds].sort((a, b) => a - b));
      expect(last.data).to.deep.equal({ initiativeName: 'Buurtkeuken De Ronde', roundId, roundTitle: 'Keuken 2027', funderName: 'Fonds Samen Rond', pledgeId: fondsPledge.id, status: 'confirmed', amountCents: 100_000 });
    });

    it('refuses pledges in a closed round', async () => {
      const current = (await round(roundId)).body;
      expect((await call('PUT', `/api/cofinancing-rounds/${roundId}`, tokens.initiative, { ...current, status: 'closed' })).status).to.equal(200);
      const res = await call('POST', '/api/pledges', tokens.gemeente, { roundId, funderId: gemeente, amountCents: 5_000 });
      expect(res.status).to.equal(422);
      expect(res.body.codes?.roundId?.code).to.equal('round.closed');
    });
  });

  it('opens a round from a gap: its period, and its shortfall as the target', async () => {
    const [gap] = await app.db('gaps')
      .insert({ initiative_id: initiative, kind: 'shortfall', subject_id: 0, period_start: '2028-01-01', period_end: '2028-06-30', shortfall_cents: 182_000, severity: 'low' })
      .returning<{ id: number }[]>('id');
    const res = await call('POST', '/api/cofinancing-rounds', tokens.initiative, { title: 'Eerste helft 2028', gapId: gap!.id });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    expect(res.body).to.include({ gapId: gap!.id, periodStart: '2028-01-01', periodEnd: '2028-06-30', targetCents: 182_000 });
  });

  it('opens a round from an expiring gap over the year after the commitment ends', async () => {
    const [gap] = await app.db('gaps')
      .insert({ initiative_id: initiative, kind: 'expiring', subject_id: 999, period_start: '2026-01-01', period_end: '2027-03-31', shortfall_cents: 0, severity: 'high' })
      .returning<{ id: number }[]>('id');
    const res = await call('POST', '/api/cofinancing-rounds', tokens.initiative, { title: 'Na de subsidie', gapId: gap!.id });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    // April–December 2027 is short by its need: 30+31+30+31+31+30+31+30+31 = 275 days × 1_000
    // 2028 has no budget of its own and carries 2027's 365_000 forward over its 366 days: January
    // 31 × 365_000 / 366 = 30_915.30 → 30_915, February 29 × … = 28_920.77 → 28_921, March 30_915.
    expect(res.body).to.include({ periodStart: '2027-04-01', periodEnd: '2028-03-31', targetCents: 275_000 + 30_915 + 28_921 + 30_915 });
  });

  it("hides the rounds of an initiative a funder may not see, and refuses pledges in them", async () => {
    const hidden = await makeInitiative(app.db, { name: 'Niet gedeeld' });
    const other = await call('POST', '/api/cofinancing-rounds', admin, { initiativeId: hidden, title: 'Verborgen', periodStart: '2027-01-01', periodEnd: '2027-12-31', targetCents: 10_000 });
    expect(other.status).to.equal(201);
    expect((await call('GET', `/api/cofinancing-rounds/${other.body.id}`, tokens.fonds)).status).to.equal(404);
    const list = await call<ApiRecord[]>('GET', `/api/cofinancing-rounds?filter=${encodeURIComponent(JSON.stringify({ id: [other.body.id] }))}`, tokens.fonds);
    expect(list.body).to.deep.equal([]);
    const pledge = await call('POST', '/api/pledges', tokens.fonds, { roundId: other.body.id, funderId: fonds, amountCents: 1_000 });
    expect(pledge.status).to.equal(400);
    expect(pledge.body.codes?.roundId?.code).to.equal('field.existing_record');
    expect((await call('POST', '/api/cofinancing-rounds', tokens.initiative, { initiativeId: hidden, title: 'Niet van mij', periodStart: '2027-01-01', periodEnd: '2027-12-31' })).status).to.equal(400);
  });
});
