// No existence oracle: a reference to a record you may not see answers exactly like a reference to
// one that does not exist — same status, same body — for every reference field of every resource,
// every role, on create and update. And the references fixed once created stay fixed.
import { expect } from 'chai';
import type { Role } from '../../server/domain/enums.js';
import { RESOURCES } from '../../server/resources/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { makeBudget, makeCommitment, makeFunder, makeIndicator, makeInitiative, makeObligation, makeReport, makeTranche, makeUser, tokenFor } from '../support/factories.js';

const MISSING_ID = 2_147_483_000;
const ROLES: Role[] = ['admin', 'funder', 'initiative'];

interface Fixture {
  funderA: number;
  funderB: number;
  /** The funder user's (funded by A) and the initiative user's initiative. */
  own: number;
  /** Funded by B only, not shared: only the admin sees it. */
  hidden: number;
  ownCommitment: number;
  hiddenCommitment: number;
  /** An open obligation of the own commitment, and an indicator of the own initiative. */
  ownObligation: number;
  ownIndicator: number;
  ownRound: number;
  hiddenRound: number;
  hiddenGap: number;
  hiddenPledge: number;
  tokens: Record<Role, string>;
}

/** A valid create body of the resource in the caller's own tenant. */
function createBody(f: Fixture, resource: string): Record<string, unknown> {
  switch (resource) {
    case 'budgets':
      return { initiativeId: f.own, year: 2100, amountCents: 100 };
    case 'commitments':
      return { initiativeId: f.own, funderId: f.funderA, title: 'Orakel', kind: 'grant', status: 'requested', startDate: '2027-01-01', endDate: '2027-12-31', amountCents: 500 };
    case 'tranches':
      return { commitmentId: f.ownCommitment, periodStart: '2027-01-01', periodEnd: '2027-01-31', amountCents: 1 };
    case 'users':
      return { email: 'orakel@test.example', role: 'funder', funderId: f.funderA, password: 'a long enough password' };
    case 'webhooks':
      return { url: 'https://hooks.example.org/orakel', funderId: f.funderA, active: false };
    case 'obligations':
      return { commitmentId: f.ownCommitment, kind: 'activity_report', title: 'Orakel', periodStart: '2027-01-01', periodEnd: '2027-12-31', dueOn: '2028-03-31' };
    case 'reports':
      return { initiativeId: f.own, title: 'Orakel', periodStart: '2027-01-01', periodEnd: '2027-12-31', obligationIds: [f.ownObligation] };
    case 'indicators':
      return { initiativeId: f.own, name: 'Orakel', unit: 'mensen' };
    case 'indicator-values':
      return { indicatorId: f.ownIndicator, year: 2100, value: 1 };
    case 'scenarios':
      return { initiativeId: f.own, name: 'Orakel', changes: {} };
    case 'cofinancing-rounds':
      return { initiativeId: f.own, title: 'Orakel', periodStart: '2027-01-01', periodEnd: '2027-12-31', targetCents: 100 };
    case 'pledges':
      return { roundId: f.ownRound, funderId: f.funderA, amountCents: 100, status: 'proposed' };
    default:
      throw new Error(`no body for ${resource}: add one for its reference fields`);
  }
}

/** Budget years of the records made to update: one each, never the create body's 2100. */
let nextBudgetYear = 1900;

/** An existing record of the resource in the caller's own tenant, to update. */
async function ownRecord(app: TestApp, f: Fixture, resource: string): Promise<number> {
  switch (resource) {
    case 'budgets':
      return makeBudget(app.db, f.own, { year: nextBudgetYear++ });
    case 'commitments':
      return makeCommitment(app.db, f.own, f.funderA);
    case 'tranches':
      return makeTranche(app.db, f.ownCommitment, { amountCents: 1 });
    case 'users':
      return makeUser(app.db, 'funder', { funderId: f.funderA });
    case 'webhooks': {
      const [row] = await app.db('webhooks').insert({ funder_id: f.funderA, url: 'https://hooks.example.org/orakel', secret: 'whsec_orakel', active: false }).returning<{ id: number }[]>('id');
      return row!.id;
    }
    case 'obligations':
      return makeObligation(app.db, f.ownCommitment);
    case 'reports':
      return makeReport(app.db, f.own, [await makeObligation(app.db, f.ownCommitment, { status: 'submitted' })]);
    case 'indicators':
      return makeIndicator(app.db, f.own);
    case 'indicator-values':
      return (await app.db('indicator_values').insert({ indicator_id: f.ownIndicator, year: nextBudgetYear++, value: 1 }).returning<{ id: number }[]>('id'))[0]!.id;
    case 'scenarios':
      return insert(app, 'scenarios', { initiative_id: f.own, name: 'Orakel', changes: JSON.stringify({ include: [], exclude: [], add: [], budgets: [], reservesCents: null }) });
    case 'cofinancing-rounds':
      return insert(app, 'cofinancing_rounds', { initiative_id: f.own, title: 'Orakel', period_start: '2027-01-01', period_end: '2027-12-31', target_cents: 100 });
    case 'pledges':
      return insert(app, 'pledges', { round_id: f.ownRound, funder_id: f.funderA, amount_cents: 100, status: 'proposed' });
    default:
      throw new Error(`no record maker for ${resource}`);
  }
}

const insert = async (app: TestApp, table: string, row: Record<string, unknown>) => (await app.db(table).insert(row).returning<{ id: number }[]>('id'))[0]!.id;

/** An existing record of the target the role may not see, if there is one. */
function hiddenId(f: Fixture, target: string, role: Role): number | null {
  if (role === 'admin') return null;
  if (target === 'initiatives') return f.hidden;
  if (target === 'commitments') return f.hiddenCommitment;
  if (target === 'gaps') return f.hiddenGap;
  if (target === 'cofinancing-rounds') return f.hiddenRound;
  if (target === 'pledges') return f.hiddenPledge;
  return null; // every role sees every funder
}

const withReferences = Object.values(RESOURCES).filter((def) => def.create && def.references);

describe('reference fields: no existence oracle', () => {
  let app: TestApp;
  const f = {} as Fixture;

  before(async () => {
    app = await startTestApp();
    const { db } = app;
    f.funderA = await makeFunder(db);
    f.funderB = await makeFunder(db);
    f.own = await makeInitiative(db);
    f.hidden = await makeInitiative(db);
    f.ownCommitment = await makeCommitment(db, f.own, f.funderA);
    f.hiddenCommitment = await makeCommitment(db, f.hidden, f.funderB);
    f.ownObligation = await makeObligation(db, f.ownCommitment);
    f.ownIndicator = await makeIndicator(db, f.own);
    f.ownRound = await insert(app, 'cofinancing_rounds', { initiative_id: f.own, title: 'Eigen ronde', period_start: '2027-01-01', period_end: '2027-12-31', target_cents: 100 });
    f.hiddenRound = await insert(app, 'cofinancing_rounds', { initiative_id: f.hidden, title: 'Verborgen ronde', period_start: '2027-01-01', period_end: '2027-12-31', target_cents: 100 });
    f.hiddenGap = await insert(app, 'gaps', { initiative_id: f.hidden, kind: 'cliff', subject_id: 0, period_start: '2027-01-01', period_end: '2027-01-31', severity: 'low' });
    f.hiddenPledge = await insert(app, 'pledges', { round_id: f.hiddenRound, funder_id: f.funderB, amount_cents: 100, status: 'proposed' });
    f.tokens = {
      admin: await tokenFor(db, await makeUser(db, 'admin')),
      funder: await tokenFor(db, await makeUser(db, 'funder', { funderId: f.funderA })),
      initiative: await tokenFor(db, await makeUser(db, 'initiative', { initiativeId: f.own })),
    };
  });
  after(() => app.close());

  const audits = async () => Number((await app.db('audit_events').count<{ n: number }[]>({ n: '*' }))[0]!.n);

  it('covers every resource with reference fields', () => {
    expect(withReferences.map((d) => d.name).sort()).to.deep.equal([
      'budgets',
      'cofinancing-rounds',
      'commitments',
      'indicator-values',
      'indicators',
      'obligations',
      'pledges',
      'reports',
      'scenarios',
      'tranches',
      'users',
      'webhooks',
    ]);
  });

  for (const def of withReferences) {
    for (const [field, target] of Object.entries(def.references!)) {
      for (const role of ROLES) {
        it(`${def.name}.${field}, ${role}: a ${target} record it may not see answers like a missing one, on create and update`, async () => {
          const token = f.tokens[role];
          const hidden = hiddenId(f, target, role);
          const before = await audits();

          const missingCreate = await app.request('POST', `/api/${def.name}`, { token, body: { ...createBody(f, def.name), [field]: MISSING_ID } });
          expect(missingCreate.status, JSON.stringify(missingCreate.body)).to.be.within(400, 499);
          if (hidden !== null) {
            const hiddenCreate = await app.request('POST', `/api/${def.name}`, { token, body: { ...createBody(f, def.name), [field]: hidden } });
            expect({ status: hiddenCreate.status, body: hiddenCreate.body }).to.deep.equal({ status: missingCreate.status, body: missingCreate.body });
          }

          const id = await ownRecord(app, f, def.name);
          const current = await app.request<Record<string, unknown>>('GET', `/api/${def.name}/${id}`, { token: f.tokens.admin });
          const missingUpdate = await app.request('PUT', `/api/${def.name}/${id}`, { token, body: { ...current.body, [field]: MISSING_ID } });
          expect(missingUpdate.status, JSON.stringify(missingUpdate.body)).to.be.within(400, 499);
          if (hidden !== null) {
            const hiddenUpdate = await app.request('PUT', `/api/${def.name}/${id}`, { token, body: { ...current.body, [field]: hidden } });
            expect({ status: hiddenUpdate.status, body: hiddenUpdate.body }).to.deep.equal({ status: missingUpdate.status, body: missingUpdate.body });
          }
          expect((await app.request('GET', `/api/${def.name}/${id}`, { token: f.tokens.admin })).body).to.deep.equal(current.body);
          expect(await audits()).to.equal(before);
        });
      }
    }
  }

  it("answers an initiative user's tranche on another initiative's commitment like one on a missing commitment", async () => {
    const body = createBody(f, 'tranches');
    const other = await app.request('POST', '/api/tranches', { token: f.tokens.initiative, body: { ...body, commitmentId: f.hiddenCommitment } });
    const missing = await app.request('POST', '/api/tranches', { token: f.tokens.initiative, body: { ...body, commitmentId: MISSING_ID } });
    expect(other.status).to.equal(400);
    expect(other.body).to.deep.equal(missing.body);
    expect(other.body).to.have.nested.property('errors.commitmentId', 'must be the id of an existing commitments record you may see');
  });
});

describe('references fixed once created', () => {
  let app: TestApp;
  let tokens: Record<Role, string>;
  let initiative: number;
  let otherInitiative: number;
  let funder: number;
  let otherFunder: number;

  before(async () => {
    app = await startTestApp();
    const { db } = app;
    funder = await makeFunder(db);
    otherFunder = await makeFunder(db);
    initiative = await makeInitiative(db);
    otherInitiative = await makeInitiative(db, { sharedWithFunders: true });
    // Funded by both funders, so the funder user sees it and could name it.
    await makeCommitment(db, otherInitiative, funder);
    await makeCommitment(db, initiative, otherFunder);
    tokens = {
      admin: await tokenFor(db, await makeUser(db, 'admin')),
      funder: await tokenFor(db, await makeUser(db, 'funder', { funderId: funder })),
      initiative: await tokenFor(db, await makeUser(db, 'initiative', { initiativeId: initiative })),
    };
  });
  after(() => app.close());

  it('marks exactly a commitment’s initiativeId and funderId, a tranche’s and an obligation’s commitmentId, the parents of reports and indicators, a webhook’s funderId, and the owners of scenarios, rounds and pledges as fixed', () => {
    const fixed = Object.values(RESOURCES).flatMap((d) => Object.entries(d.fields).filter(([, s]) => s.fixed).map(([name]) => `${d.name}.${name}`));
    expect(fixed.sort()).to.deep.equal([
      'cofinancing-rounds.initiativeId',
      'commitments.funderId',
      'commitments.initiativeId',
      'indicator-values.indicatorId',
      'indicators.initiativeId',
      'obligations.commitmentId',
      'pledges.funderId',
      'pledges.roundId',
      'reports.initiativeId',
      'scenarios.initiativeId',
      'tranches.commitmentId',
      'webhooks.funderId',
    ]);
  });

  for (const role of ROLES) {
    it(`refuses ${role} moving a commitment to another initiative or funder, or a tranche to another commitment (422), and accepts the same values`, async () => {
      const commitment = await makeCommitment(app.db, initiative, funder);
      const target = await makeCommitment(app.db, initiative, funder);
      const tranche = await makeTranche(app.db, commitment, { amountCents: 1 });
      const c = (await app.request<Record<string, unknown>>('GET', `/api/commitments/${commitment}`, { token: tokens.admin })).body;
      const t = (await app.request<Record<string, unknown>>('GET', `/api/tranches/${tranche}`, { token: tokens.admin })).body;
      for (const [path, record, field, value] of [
        [`/api/commitments/${commitment}`, c, 'initiativeId', otherInitiative],
        [`/api/commitments/${commitment}`, c, 'funderId', otherFunder],
        [`/api/tranches/${tranche}`, t, 'commitmentId', target],
      ] as const) {
        const res = await app.request('PUT', path, { token: tokens[role], body: { ...record, [field]: value } });
        expect(res.status, `${field}: ${JSON.stringify(res.body)}`).to.equal(422);
        expect(res.body).to.have.nested.property(`errors.${field}`, 'cannot be changed once created');
      }
      expect((await app.request('GET', `/api/commitments/${commitment}`, { token: tokens.admin })).body).to.deep.equal(c);
      expect((await app.request('GET', `/api/tranches/${tranche}`, { token: tokens.admin })).body).to.deep.equal(t);
      const same = await app.request('PUT', `/api/commitments/${commitment}`, { token: tokens[role], body: { ...c, title: 'Zelfde verwijzingen' } });
      expect(same.status, JSON.stringify(same.body)).to.equal(200);
      const sameTranche = await app.request('PUT', `/api/tranches/${tranche}`, { token: tokens[role], body: { ...t, dueOn: '2027-02-01' } });
      expect(sameTranche.status, JSON.stringify(sameTranche.body)).to.equal(200);
    });
  }
});
