// POST /api/initiatives/{id}/what-if through real HTTP: the scenario's figures are exactly the
// figures the same initiative has after actually making those changes through the API (and a
// scan of it), the base is the figures as they are, and nothing is written.
import { expect } from 'chai';
import type { Knex } from 'knex';
import type { FoundGapFigure, WhatIfAnswer } from '../../server/contract/figures.js';
import { runBatch, createRescan } from '../../server/data/scans.js';
import { DEFAULT_SETTINGS } from '../../server/domain/settings.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { adminToken, makeBudget, makeCommitment, makeFunder, makeInitiative } from '../support/factories.js';
import type { ApiErrorBody, ApiRecord } from '../support/records.js';
import { funderUserToken, initiativeUserToken, type CoverageBody, type RunwayBody } from '../analytics/shapes.js';

const AS_OF = '2026-11-15';

/** The open gaps a scan of this one initiative at AS_OF writes, as a what-if answers them. */
async function scannedGaps(db: Knex, initiativeId: number): Promise<Omit<FoundGapFigure, 'commitmentId'>[]> {
  const scanId = await createRescan(db, AS_OF);
  await db.transaction((trx) => runBatch(trx, { scanId, batchNo: 0, fromId: initiativeId, toId: initiativeId }, DEFAULT_SETTINGS));
  const rows = await db('gaps')
    .where({ initiative_id: initiativeId })
    .whereNull('resolved_at')
    .orderBy(['kind', 'period_start'])
    .select<{ kind: FoundGapFigure['kind']; period_start: string; period_end: string; shortfall_cents: number; severity: FoundGapFigure['severity']; details: Record<string, unknown> }[]>(
      'kind',
      'period_start',
      'period_end',
      'shortfall_cents',
      'severity',
      'details',
    );
  return rows.map((r) => ({ kind: r.kind, periodStart: r.period_start, periodEnd: r.period_end, shortfallCents: r.shortfall_cents, severity: r.severity, details: r.details }));
}

/** A what-if gap as the table stores it: without the commitment id the table keeps elsewhere. */
const stored = (gaps: readonly FoundGapFigure[]) =>
  gaps.map(({ commitmentId: _c, ...g }) => g).sort((a, b) => (a.kind === b.kind ? a.periodStart.localeCompare(b.periodStart) : a.kind.localeCompare(b.kind)));

/** Replaces the hypothetical commitment ids (−1, −2, …) by the ids they got when created. */
function withIds<T>(value: T, ids: readonly number[]): T {
  const swap = (v: unknown, key: string | null): unknown => {
    if (typeof v === 'number' && v < 0 && (key === 'commitmentId' || key === 'endingCommitmentIds')) return ids[-v - 1];
    if (Array.isArray(v)) return v.map((x) => swap(x, key));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, swap(x, k)]));
    return v;
  };
  return swap(value, null) as T;
}

async function tableCounts(db: Knex): Promise<Record<string, number>> {
  const tables = await db('information_schema.tables').where({ table_schema: 'public', table_type: 'BASE TABLE' }).pluck<string[]>('table_name');
  const counts: Record<string, number> = {};
  for (const t of tables.sort()) counts[t] = Number((await db(t).count<{ count: string }[]>({ count: '*' }))[0]!.count);
  return counts;
}

describe('planning: what-if', () => {
  let app: TestApp;
  let admin: string;

  before(async () => {
    app = await startTestApp();
    admin = await adminToken(app.db);
  });

  after(async () => {
    await app.close();
  });

  const whatIf = (id: number, body: unknown, token = admin) => app.request<WhatIfAnswer & ApiErrorBody>('POST', `/api/initiatives/${id}/what-if`, { token, body });

  describe('an initiative in its fifth year whose gemeente subsidy ends this year', () => {
    let id: number;
    let gemeente: number;
    let fonds: number;
    let sponsor: number;
    let newFonds: number;
    let requested: number;
    let sponsorship: number;
    const changes = () => ({
      asOf: AS_OF,
      include: [requested],
      exclude: [sponsorship],
      add: [{ funderId: newFonds, amountCents: 365_000, startDate: '2029-01-01', endDate: '2029-12-31' }],
      budgets: [
        { year: 2027, amountCents: 400_000 },
        { year: 2030, amountCents: 0 },
      ],
      reservesCents: 20_000,
    });

    before(async () => {
      // Need 1_000 a day in 2026 and 2027 (carried forward after). The gemeente covers 2026 and
      // ends; a fonds' two-year grant is only requested; a sponsor adds a half year.
      id = await makeInitiative(app.db, { foundedOn: '2022-06-01', reservesCents: 0 });
      await makeBudget(app.db, id, { year: 2026, amountCents: 365_000 });
      await makeBudget(app.db, id, { year: 2027, amountCents: 365_000 });
      gemeente = await makeFunder(app.db, { type: 'municipality' });
      fonds = await makeFunder(app.db, { type: 'foundation' });
      sponsor = await makeFunder(app.db, { type: 'company' });
      newFonds = await makeFunder(app.db, { type: 'foundation' });
      await makeCommitment(app.db, id, gemeente, { startDate: '2026-01-01', endDate: '2026-12-31', amountCents: 365_000 });
      requested = await makeCommitment(app.db, id, fonds, { kind: 'grant', status: 'requested', startDate: '2027-01-01', endDate: '2028-12-31', amountCents: 731_000 });
      sponsorship = await makeCommitment(app.db, id, sponsor, { kind: 'sponsorship', startDate: '2026-07-01', endDate: '2026-12-31', amountCents: 50_000 });
    });

    it('answers the figures as they are as base, and writes nothing', async () => {
      const before = await tableCounts(app.db);
      const res = await whatIf(id, changes());
      expect(res.status).to.equal(200);
      expect(await tableCounts(app.db)).to.deep.equal(before);

      const runway = await app.request<RunwayBody>('GET', `/api/initiatives/${id}/runway?asOf=${AS_OF}`, { token: admin });
      const coverage = await app.request<CoverageBody>('GET', `/api/initiatives/${id}/coverage?from=2026&years=5`, { token: admin });
      const { initiativeId: _id, ...runwayFigures } = runway.body;
      expect(res.body.base.runway).to.deep.equal(runwayFigures);
      expect(res.body.base.coverage).to.deep.equal(coverage.body.years);
      // The base has the gemeente's cliff, the shortfall from 2027 and the five-year risk.
      expect(res.body.base.gaps.map((g) => g.kind)).to.include.members(['shortfall', 'cliff', 'expiring', 'five_year_risk']);
      // With the fonds' grant counted, 2027 is no longer short from January.
      expect(res.body.gapChanges.disappear.length).to.be.greaterThan(0);
      expect(res.body.scenario.runway.runwayMonths).to.be.greaterThan(res.body.base.runway.runwayMonths);
    });

    it('answers exactly the figures of the initiative after actually making those changes', async () => {
      const res = await whatIf(id, changes());
      expect(res.status).to.equal(200);
      const expected = res.body.scenario;

      // Now make the same changes through the API.
      const commitment = await app.request<ApiRecord>('GET', `/api/commitments/${requested}`, { token: admin });
      expect((await app.request('PUT', `/api/commitments/${requested}`, { token: admin, body: { status: 'committed', version: commitment.body.version } })).status).to.equal(200);
      expect((await app.request('DELETE', `/api/commitments/${sponsorship}`, { token: admin })).status).to.equal(200);
      const created = await app.request<ApiRecord>('POST', '/api/commitments', {
        token: admin,
        body: { initiativeId: id, funderId: newFonds, title: 'Plan B', kind: 'grant', status: 'committed', startDate: '2029-01-01', endDate: '2029-12-31', amountCents: 365_000 },
      });
      expect(created.status).to.equal(201);
      const [budget2027] = (await app.request<ApiRecord[]>('GET', `/api/budgets?filter=${encodeURIComponent(JSON.stringify({ initiativeId: id, year: 2027 }))}`, { token: admin })).body;
      expect((await app.request('PUT', `/api/budgets/${budget2027!.id}`, { token: admin, body: { amountCents: 400_000, version: budget2027!.version } })).status).to.equal(200);
      expect((await app.request('POST', '/api/budgets', { token: admin, body: { initiativeId: id, year: 2030, amountCents: 0 } })).status).to.equal(201);
      const initiative = await app.request<ApiRecord>('GET', `/api/initiatives/${id}`, { token: admin });
      expect((await app.request('PUT', `/api/initiatives/${id}`, { token: admin, body: { reservesCents: 20_000, version: initiative.body.version } })).status).to.equal(200);

      const runway = await app.request<RunwayBody>('GET', `/api/initiatives/${id}/runway?asOf=${AS_OF}`, { token: admin });
      const coverage = await app.request<CoverageBody>('GET', `/api/initiatives/${id}/coverage?from=2026&years=5`, { token: admin });
      const { initiativeId: _id, ...runwayFigures } = runway.body;
      expect(expected.runway).to.deep.equal(runwayFigures);
      expect(withIds(expected.coverage, [created.body.id])).to.deep.equal(coverage.body.years);
      expect(stored(withIds(expected.gaps, [created.body.id]))).to.deep.equal(await scannedGaps(app.db, id));

      // And now base and scenario of an empty what-if are both today's figures.
      const after = await whatIf(id, { asOf: AS_OF });
      expect(after.body.scenario).to.deep.equal(after.body.base);
      expect(after.body.base.runway).to.deep.equal(runwayFigures);
      expect(after.body.gapChanges).to.deep.equal({ disappear: [], appear: [] });
    });
  });

  it('counts a commitment of a funder type alone as a new funder of that type', async () => {
    // Need 1_000 a day in 2027, nothing after; a fonds "to be found" gives 365_000 over 2027: fully covered.
    const id = await makeInitiative(app.db);
    await makeBudget(app.db, id, { year: 2027, amountCents: 365_000 });
    await makeBudget(app.db, id, { year: 2028, amountCents: 0 });
    const res = await whatIf(id, { asOf: '2027-01-01', add: [{ funderType: 'foundation', amountCents: 365_000, startDate: '2027-01-01', endDate: '2027-12-31' }] });
    expect(res.status).to.equal(200);
    expect(res.body.base.coverage[0]).to.include({ year: 2027, needCents: 365_000, committedCents: 0, coverage: 0 });
    expect(res.body.scenario.coverage[0]).to.include({ year: 2027, needCents: 365_000, committedCents: 365_000, coverage: 1 });
    expect(res.body.scenario.coverage[0]!.committedByFunderType).to.deep.equal({ foundation: 365_000 });
    expect(res.body.scenario.coverage[0]!.committedByFunderId).to.deep.equal({ '-1': 365_000 });
    expect(res.body.gapChanges.disappear.map((g) => g.kind)).to.include('shortfall');
  });

  describe('refuses bad changes with 400 naming the field', () => {
    let id: number;
    let own: number;
    let foreign: number;
    let declined: number;

    before(async () => {
      id = await makeInitiative(app.db);
      const other = await makeInitiative(app.db);
      const funder = await makeFunder(app.db);
      own = await makeCommitment(app.db, id, funder, { status: 'requested' });
      declined = await makeCommitment(app.db, id, funder, { status: 'declined' });
      foreign = await makeCommitment(app.db, other, funder, { status: 'requested' });
    });

    const cases: [string, () => unknown, string, string][] = [
      ['an unknown commitment id', () => ({ include: [own, 2_000_000_000] }), 'include.1', 'scenario.unknown_commitment'],
      ["another initiative's commitment, as if absent", () => ({ include: [foreign] }), 'include.0', 'scenario.unknown_commitment'],
      ["another initiative's commitment to exclude", () => ({ exclude: [foreign] }), 'exclude.0', 'scenario.unknown_commitment'],
      ['a declined commitment', () => ({ include: [declined] }), 'include.0', 'scenario.unknown_commitment'],
      ['an id that is no id', () => ({ include: ['x'] }), 'include.0', 'field.existing_record'],
      ['an unknown funder', () => ({ add: [{ funderId: 2_000_000_000, amountCents: 1, startDate: '2027-01-01', endDate: '2027-12-31' }] }), 'add.0.funderId', 'field.existing_record'],
      ['no funder and no type', () => ({ add: [{ amountCents: 1, startDate: '2027-01-01', endDate: '2027-12-31' }] }), 'add.0.funderType', 'scenario.funder_or_type'],
      ['an end before the start', () => ({ add: [{ funderType: 'company', amountCents: 1, startDate: '2027-01-01', endDate: '2026-12-31' }] }), 'add.0.endDate', 'field.on_or_after'],
      ['negative money', () => ({ budgets: [{ year: 2027, amountCents: -1 }] }), 'budgets.0.amountCents', 'field.not_negative'],
      ['a bad date', () => ({ asOf: '2027-02-30' }), 'asOf', 'field.calendar_date'],
      ['an unknown field', () => ({ scenario: 'pipeline' }), 'scenario', 'field.unknown'],
    ];
    for (const [what, body, field, code] of cases) {
      it(`refuses ${what}`, async () => {
        const res = await whatIf(id, body());
        expect(res.status).to.equal(400);
        expect(res.body.code).to.equal('validation');
        expect(res.body.codes?.[field]?.code, JSON.stringify(res.body)).to.equal(code);
      });
    }
  });

  describe('who may ask', () => {
    it("follows the initiative's read rule: its own users and funders see it, others get 404", async () => {
      const id = await makeInitiative(app.db);
      const funder = await makeFunder(app.db);
      const stranger = await makeFunder(app.db);
      await makeCommitment(app.db, id, funder);
      expect((await whatIf(id, {}, await initiativeUserToken(app.db, id))).status).to.equal(200);
      expect((await whatIf(id, {}, await funderUserToken(app.db, funder))).status).to.equal(200);
      expect((await whatIf(id, {}, await funderUserToken(app.db, stranger))).status).to.equal(404);
      expect((await whatIf(id, {}, await initiativeUserToken(app.db, await makeInitiative(app.db)))).status).to.equal(404);
      expect((await whatIf(2_000_000_000, {})).status).to.equal(404);
      expect((await app.request('POST', `/api/initiatives/${id}/what-if`, { body: {} })).status).to.equal(401);
    });
  });
});
