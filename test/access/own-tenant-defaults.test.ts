import { expect } from 'chai';
import { startTestApp, type TestApp } from '../support/app.js';
import { makeCommitment, makeFunder, makeInitiative, makeUser, tokenFor } from '../support/factories.js';

type Rec = Record<string, unknown> & { id: number };

// A user bound to one initiative or funder cannot pick another one, so leaving that field out of
// a create means "my own" rather than "missing".
describe('creating without the initiative or funder you are bound to', () => {
  let app: TestApp;
  let ownFunder: number;
  let otherFunder: number;
  let own: number;
  let other: number;
  let funderToken: string;
  let initiativeToken: string;

  const grant = (over: Record<string, unknown> = {}) => ({
    title: 'Buurtfonds',
    kind: 'grant',
    status: 'requested',
    startDate: '2027-01-01',
    endDate: '2027-12-31',
    amountCents: 1_200_001,
    ...over,
  });

  before(async () => {
    app = await startTestApp();
    ownFunder = await makeFunder(app.db);
    otherFunder = await makeFunder(app.db);
    own = await makeInitiative(app.db);
    other = await makeInitiative(app.db, { sharedWithFunders: true });
    funderToken = await tokenFor(app.db, await makeUser(app.db, 'funder', { funderId: ownFunder }));
    initiativeToken = await tokenFor(app.db, await makeUser(app.db, 'initiative', { initiativeId: own }));
  });
  after(() => app.close());

  it('gives an initiative user’s budget their own initiative', async () => {
    const res = await app.request<Rec>('POST', '/api/budgets', { token: initiativeToken, body: { year: 2027, amountCents: 4_800_000 } });
    expect(res.status).to.equal(201);
    expect(res.body).to.include({ initiativeId: own, year: 2027, amountCents: 4_800_000 });
  });

  it('gives an initiative user’s commitment their own initiative, also when the console sends null', async () => {
    const omitted = await app.request<Rec>('POST', '/api/commitments', { token: initiativeToken, body: grant({ funderId: otherFunder }) });
    expect(omitted.status).to.equal(201);
    expect(omitted.body).to.include({ initiativeId: own, funderId: otherFunder });

    const sentNull = await app.request<Rec>('POST', '/api/commitments', { token: initiativeToken, body: grant({ funderId: otherFunder, initiativeId: null }) });
    expect(sentNull.status).to.equal(201);
    expect(sentNull.body).to.include({ initiativeId: own });
  });

  it('gives a funder user’s commitment their own funder, with the tranches of its schedule', async () => {
    const res = await app.request<Rec>('POST', '/api/commitments', { token: funderToken, body: grant({ initiativeId: other, trancheSchedule: 'quarterly' }) });
    expect(res.status).to.equal(201);
    expect(res.body).to.include({ initiativeId: other, funderId: ownFunder, scheduledCents: 1_200_001 });
    expect(await app.db('tranches').where({ commitment_id: res.body.id })).to.have.length(4);
  });

  it('still asks a funder user which initiative, and an initiative user which funder', async () => {
    const funderWithout = await app.request('POST', '/api/commitments', { token: funderToken, body: grant() });
    expect(funderWithout.status).to.equal(400);
    expect(funderWithout.body).to.have.nested.property('errors.initiativeId', 'is required');
    expect(funderWithout.body).not.to.have.nested.property('errors.funderId');

    const initiativeWithout = await app.request('POST', '/api/commitments', { token: initiativeToken, body: grant() });
    expect(initiativeWithout.status).to.equal(400);
    expect(initiativeWithout.body).to.have.nested.property('errors.funderId', 'is required');
    expect(initiativeWithout.body).not.to.have.nested.property('errors.initiativeId');
  });

  it('still refuses a value naming someone else', async () => {
    // Another initiative is one this user may not even see: answered like one that does not exist.
    const budget = await app.request('POST', '/api/budgets', { token: initiativeToken, body: { initiativeId: other, year: 2028, amountCents: 100 } });
    expect(budget.status).to.equal(400);
    expect(budget.body).to.have.nested.property('errors.initiativeId');
    expect(await app.db('budgets').where({ initiative_id: other }).first()).to.equal(undefined);

    const commitment = await app.request('POST', '/api/commitments', { token: funderToken, body: grant({ initiativeId: other, funderId: otherFunder, title: 'Niet van mij' }) });
    expect(commitment.status).to.equal(403);
    expect(commitment.body).to.have.nested.property('errors.funderId', 'must be your own funder');
    expect(await app.db('commitments').where({ title: 'Niet van mij' }).first()).to.equal(undefined);
  });

  it('fills in nothing for a tranche: its commitment says whose it is', async () => {
    const commitment = await makeCommitment(app.db, own, ownFunder, { startDate: '2027-01-01', endDate: '2027-12-31', amountCents: 1000 });
    const res = await app.request<Rec>('POST', '/api/tranches', {
      token: funderToken,
      body: { commitmentId: commitment, periodStart: '2027-01-01', periodEnd: '2027-03-31', amountCents: 250, status: 'planned' },
    });
    expect(res.status).to.equal(201);
    expect(res.body).to.include({ commitmentId: commitment, amountCents: 250 });
  });
});
