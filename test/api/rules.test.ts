// Every rule and error of DESIGN.md ("Rules", "HTTP API"): each refusal answers its status and
// names the field, and writes nothing — the tests re-read the database to show that.
import { expect } from 'chai';
import { startTestApp, type Response, type TestApp } from '../support/app.js';
import { adminToken, makeBudget, makeCommitment, makeFunder, makeInitiative, makeTranche } from '../support/factories.js';
import { countRows, uniqueTag, type ApiErrorBody, type ApiRecord } from '../support/records.js';

const MISSING_ID = 2_147_483_647; // the largest id PostgreSQL's integer holds: valid, but never reached here

describe('API rules and errors', () => {
  let app: TestApp;
  let token: string;
  let initiativeId: number;
  let funderId: number;
  const tag = uniqueTag('RULES');
  let serial = 0;
  const title = () => `${tag} toezegging ${++serial}`;

  before(async () => {
    app = await startTestApp();
    token = await adminToken(app.db);
    initiativeId = await makeInitiative(app.db);
    funderId = await makeFunder(app.db);
  });

  after(async () => {
    await app.close();
  });

  const send = (method: string, path: string, body?: unknown) => app.request<ApiErrorBody>(method, path, { token, body });
  const get = (resource: string, id: number) => app.request<ApiRecord>('GET', `/api/${resource}/${id}`, { token });

  function expectRefused(res: Response<ApiErrorBody>, status: number, errors: Record<string, string>): void {
    expect(res.status, JSON.stringify(res.body)).to.equal(status);
    expect(res.body.errors).to.deep.equal(errors);
    expect(res.body.message).to.be.a('string').and.not.equal('');
    expect(Object.keys(res.body.codes ?? {})).to.have.members(Object.keys(errors));
  }

  function commitmentInput(over: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      initiativeId,
      funderId,
      title: title(),
      kind: 'subsidy',
      status: 'committed',
      startDate: '2027-01-01',
      endDate: '2027-12-31',
      amountCents: 1_000_000,
      ...over,
    };
  }

  /** Posts a commitment that must be refused, and shows that no commitment of that title exists. */
  async function refusedCommitment(input: Record<string, unknown>, status: number, errors: Record<string, string>): Promise<void> {
    const res = await send('POST', '/api/commitments', input);
    expectRefused(res, status, errors);
    expect(await countRows(app.db, 'commitments', { title: input.title })).to.equal(0);
  }

  describe('validation', () => {
    it('says a missing text field is required', async () => {
      const res = await send('POST', '/api/funders', { type: 'foundation', website: tag });
      expectRefused(res, 400, { name: 'is required' });
      expect(await countRows(app.db, 'funders', { website: tag })).to.equal(0);
    });

    it('says a missing enumeration field is required', async () => {
      const name = `${tag} zonder soort`;
      const res = await send('POST', '/api/funders', { name });
      expectRefused(res, 400, { type: 'is required' });
      expect(await countRows(app.db, 'funders', { name })).to.equal(0);
    });

    it('says every missing field of a commitment is required', async () => {
      const input = commitmentInput();
      delete input.startDate;
      delete input.amountCents;
      await refusedCommitment(input, 400, { startDate: 'is required', amountCents: 'is required' });
    });

    it('refuses text where a number belongs', async () => {
      await refusedCommitment(commitmentInput({ amountCents: '1000000' }), 400, { amountCents: 'must be a whole number of cents' });
    });

    it('refuses an amount with a fraction of a cent', async () => {
      await refusedCommitment(commitmentInput({ amountCents: 1000.5 }), 400, { amountCents: 'must be a whole number of cents (no fractions)' });
    });

    it('refuses a negative amount', async () => {
      await refusedCommitment(commitmentInput({ amountCents: -1 }), 400, { amountCents: 'must not be negative' });
    });

    it('refuses a date that does not exist', async () => {
      await refusedCommitment(commitmentInput({ startDate: '2027-02-30' }), 400, { startDate: 'must be an existing calendar date YYYY-MM-DD' });
    });

    it('refuses a date that is not written YYYY-MM-DD', async () => {
      await refusedCommitment(commitmentInput({ endDate: '31-12-2027' }), 400, { endDate: 'must be an existing calendar date YYYY-MM-DD' });
      await refusedCommitment(commitmentInput({ endDate: 20271231 }), 400, { endDate: 'must be a date YYYY-MM-DD' });
    });

    it('refuses 29 February in a year without one', async () => {
      const name = `${tag} schrikkeldag`;
      const res = await send('POST', '/api/initiatives', { name, foundedOn: '2027-02-29', municipality: 'Utrecht' });
      expectRefused(res, 400, { foundedOn: 'must be an existing calendar date YYYY-MM-DD' });
      expect(await countRows(app.db, 'initiatives', { name })).to.equal(0);
    });

    it('refuses an endDate before the startDate', async () => {
      await refusedCommitment(commitmentInput({ startDate: '2027-06-01', endDate: '2027-05-31' }), 400, { endDate: 'must be on or after startDate' });
    });

    it('refuses a tranche whose periodEnd is before its periodStart', async () => {
      const commitmentId = await makeCommitment(app.db, initiativeId, funderId);
      const res = await send('POST', '/api/tranches', { commitmentId, periodStart: '2027-03-01', periodEnd: '2027-02-28', amountCents: 100 });
      expectRefused(res, 400, { periodEnd: 'must be on or after periodStart' });
      expect(await countRows(app.db, 'tranches', { commitment_id: commitmentId })).to.equal(0);
    });

    it('refuses a field the resource does not have', async () => {
      const name = `${tag} met kleur`;
      const res = await send('POST', '/api/funders', { name, type: 'foundation', colour: 'green' });
      expectRefused(res, 400, { colour: 'is not a field of funders' });
      expect(await countRows(app.db, 'funders', { name })).to.equal(0);
    });

    it('refuses a value outside an enumeration, naming the allowed ones', async () => {
      const name = `${tag} bank`;
      const funder = await send('POST', '/api/funders', { name, type: 'bank' });
      expectRefused(funder, 400, { type: 'must be one of: municipality, province, national, foundation, company, health_insurer, other' });
      expect(await countRows(app.db, 'funders', { name })).to.equal(0);
      await refusedCommitment(commitmentInput({ kind: 'gift' }), 400, { kind: 'must be one of: subsidy, grant, sponsorship, donation, loan, contract, in_kind' });
      await refusedCommitment(commitmentInput({ status: 'maybe' }), 400, { status: 'must be one of: requested, conditional, committed, completed, declined, withdrawn' });
    });

    it('names the allowed values for an unknown trancheSchedule', async () => {
      await refusedCommitment(commitmentInput({ trancheSchedule: 'weekly' }), 400, { trancheSchedule: 'must be one of: once, yearly, quarterly, monthly' });
    });

    it('says what is wrong with an optional field of the wrong type', async () => {
      const name = `${tag} code als getal`;
      const res = await send('POST', '/api/funders', { name, type: 'municipality', municipalityCode: 344 });
      expectRefused(res, 400, { municipalityCode: 'must be a CBS code like GM0363' });
      expect(await countRows(app.db, 'funders', { name })).to.equal(0);
    });

    it('refuses an org-id that is not one, and one another funder has, keeping an update of its own', async () => {
      const name = `${tag} org-id`;
      expectRefused(await send('POST', '/api/funders', { name, type: 'foundation', orgId: '41202535' }), 400, {
        orgId: 'must be an org-id such as NL-KVK-41202535 (country, register, identifier)',
      });
      expect(await countRows(app.db, 'funders', { name })).to.equal(0);
      const orgId = `NL-KVK-${String(Date.now()).slice(-8)}`;
      const first = await app.request<ApiRecord>('POST', '/api/funders', { token, body: { name, type: 'foundation', orgId } });
      expect(first.status, JSON.stringify(first.body)).to.equal(201);
      expect(first.body.orgId).to.equal(orgId);
      expectRefused(await send('POST', '/api/funders', { name: `${name} 2`, type: 'company', orgId }), 409, { orgId: 'is the org-id of another funder' });
      expect(await countRows(app.db, 'funders', { name: `${name} 2` })).to.equal(0);
      const renamed = await app.request<ApiRecord>('PUT', `/api/funders/${String(first.body.id)}`, { token, body: { ...first.body, name: `${name} hernoemd` } });
      expect(renamed.status, JSON.stringify(renamed.body)).to.equal(200);
    });

    it('refuses a body that is not an object', async () => {
      const res = await send('POST', '/api/funders', [{ name: `${tag} in een lijst`, type: 'foundation' }]);
      expectRefused(res, 400, { body: 'must be a JSON object' });
      expect(await countRows(app.db, 'funders', { name: `${tag} in een lijst` })).to.equal(0);
    });

    it('refuses malformed JSON', async () => {
      const name = `${tag} kapotte json`;
      const res = await app.request<ApiErrorBody>('POST', '/api/funders', { token, rawBody: `{"name": "${name}", "type": "foundation",}` });
      expect(res.status).to.equal(400);
      expect(res.body).to.deep.equal({
        message: 'The body is not valid JSON.',
        code: 'validation',
        errors: { body: 'The body is not valid JSON.' },
        codes: { body: { code: 'body.invalid_json', params: {} } },
      });
      expect(await countRows(app.db, 'funders', { name })).to.equal(0);
    });

    it('refuses a body over 1 MB with 413', async () => {
      const name = `${tag} te groot`;
      const rawBody = JSON.stringify({ name, type: 'foundation', website: 'x'.repeat(10 * 1024 * 1024) });
      const res = await app.request<ApiErrorBody>('POST', '/api/funders', { token, rawBody });
      expect(res.status).to.equal(413);
      expect(res.body).to.deep.equal({
        message: 'The body is too large.',
        code: 'payload_too_large',
        errors: { body: 'The body is too large.' },
        codes: { body: { code: 'body.too_large', params: {} } },
      });
      expect(await countRows(app.db, 'funders', { name })).to.equal(0);
    });

    it('refuses an invalid PUT and leaves the record as it was', async () => {
      const id = await makeCommitment(app.db, initiativeId, funderId, { amountCents: 5_000 });
      const before = await get('commitments', id);
      const res = await send('PUT', `/api/commitments/${id}`, { ...before.body, amountCents: -5_000, endDate: '2026-12-31' });
      expectRefused(res, 400, { amountCents: 'must not be negative', endDate: 'must be on or after startDate' });
      expect((await get('commitments', id)).body).to.deep.equal(before.body);
    });
  });

  describe('tranches inside their commitment', () => {
    let commitmentId: number;

    beforeEach(async () => {
      commitmentId = await makeCommitment(app.db, initiativeId, funderId, { startDate: '2027-01-01', endDate: '2027-12-31', amountCents: 1_000_000 });
    });

    const postTranche = (over: Record<string, unknown>) =>
      send('POST', '/api/tranches', { commitmentId, periodStart: '2027-01-01', periodEnd: '2027-03-31', amountCents: 100_000, ...over });
    const outside = { periodStart: 'must be on or after 2027-01-01', periodEnd: 'must be on or before 2027-12-31' };

    it('refuses a tranche that starts before its commitment', async () => {
      expectRefused(await postTranche({ periodStart: '2026-12-31' }), 422, outside);
      expect(await countRows(app.db, 'tranches', { commitment_id: commitmentId })).to.equal(0);
    });

    it('refuses a tranche that ends after its commitment', async () => {
      expectRefused(await postTranche({ periodStart: '2027-10-01', periodEnd: '2028-01-01' }), 422, outside);
      expect(await countRows(app.db, 'tranches', { commitment_id: commitmentId })).to.equal(0);
    });

    it('accepts a tranche over exactly the commitment\'s period', async () => {
      const res = await postTranche({ periodStart: '2027-01-01', periodEnd: '2027-12-31', amountCents: 1_000_000 });
      expect(res.status).to.equal(201);
    });

    it('refuses a tranche that would make the tranches add up to more than the amount', async () => {
      await makeTranche(app.db, commitmentId, { amountCents: 600_000 });
      expectRefused(await postTranche({ amountCents: 400_001 }), 422, {
        amountCents: 'must be at most 400000 cents: the other tranches already schedule 600000 of 1000000',
      });
      expect(await countRows(app.db, 'tranches', { commitment_id: commitmentId })).to.equal(1);
      expect((await postTranche({ amountCents: 400_000 })).status).to.equal(201);
    });

    it('does not count cancelled tranches towards the amount', async () => {
      await makeTranche(app.db, commitmentId, { amountCents: 900_000, status: 'cancelled' });
      await makeTranche(app.db, commitmentId, { amountCents: 300_000, status: 'received' });
      const res = await postTranche({ amountCents: 700_000 });
      expect(res.status).to.equal(201);
      expectRefused(await postTranche({ amountCents: 1 }), 422, {
        amountCents: 'must be at most 0 cents: the other tranches already schedule 1000000 of 1000000',
      });
    });

    it('accepts a cancelled tranche even when the others already use the whole amount', async () => {
      await makeTranche(app.db, commitmentId, { amountCents: 1_000_000 });
      expect((await postTranche({ amountCents: 500_000, status: 'cancelled' })).status).to.equal(201);
    });

    it('refuses raising a tranche above what the others leave, and keeps it as it was', async () => {
      await makeTranche(app.db, commitmentId, { amountCents: 700_000 });
      const id = await makeTranche(app.db, commitmentId, { periodStart: '2027-07-01', periodEnd: '2027-12-31', amountCents: 200_000 });
      const before = await get('tranches', id);
      expectRefused(await send('PUT', `/api/tranches/${id}`, { ...before.body, amountCents: 300_001 }), 422, {
        amountCents: 'must be at most 300000 cents: the other tranches already schedule 700000 of 1000000',
      });
      expect((await get('tranches', id)).body).to.deep.equal(before.body);
    });

    it('refuses un-cancelling a tranche that no longer fits', async () => {
      const cancelled = await makeTranche(app.db, commitmentId, { amountCents: 500_000, status: 'cancelled' });
      await makeTranche(app.db, commitmentId, { amountCents: 600_000 });
      const before = await get('tranches', cancelled);
      expectRefused(await send('PUT', `/api/tranches/${cancelled}`, { ...before.body, status: 'planned' }), 422, {
        amountCents: 'must be at most 400000 cents: the other tranches already schedule 600000 of 1000000',
      });
      expect((await get('tranches', cancelled)).body).to.deep.equal(before.body);
    });

    it('refuses moving a tranche outside its commitment', async () => {
      const id = await makeTranche(app.db, commitmentId);
      const before = await get('tranches', id);
      expectRefused(await send('PUT', `/api/tranches/${id}`, { ...before.body, periodEnd: '2028-06-30' }), 422, outside);
      expect((await get('tranches', id)).body).to.deep.equal(before.body);
    });
  });

  describe('commitments holding their tranches', () => {
    let commitmentId: number;

    beforeEach(async () => {
      commitmentId = await makeCommitment(app.db, initiativeId, funderId, { startDate: '2027-01-01', endDate: '2027-12-31', amountCents: 1_000 });
      await makeTranche(app.db, commitmentId, { periodStart: '2027-01-01', periodEnd: '2027-03-31', amountCents: 600 });
      await makeTranche(app.db, commitmentId, { periodStart: '2027-04-01', periodEnd: '2027-06-30', amountCents: 300, status: 'received' });
      await makeTranche(app.db, commitmentId, { periodStart: '2027-07-01', periodEnd: '2027-09-30', amountCents: 100, status: 'cancelled' });
    });

    it('refuses lowering the amount below the scheduled tranches (cancelled ones not counted)', async () => {
      const before = await get('commitments', commitmentId);
      expectRefused(await send('PUT', `/api/commitments/${commitmentId}`, { ...before.body, amountCents: 899 }), 422, {
        amountCents: 'must be at least the scheduled 900 cents',
      });
      expect((await get('commitments', commitmentId)).body).to.deep.equal(before.body);
      const exact = await send('PUT', `/api/commitments/${commitmentId}`, { ...before.body, amountCents: 900 });
      expect(exact.status).to.equal(200);
    });

    it('refuses moving the end so that a tranche falls outside', async () => {
      const before = await get('commitments', commitmentId);
      const period = { startDate: 'the period must contain every tranche', endDate: 'the period must contain every tranche' };
      expectRefused(await send('PUT', `/api/commitments/${commitmentId}`, { ...before.body, endDate: '2027-06-29' }), 422, period);
      expect((await get('commitments', commitmentId)).body).to.deep.equal(before.body);
    });

    it('keeps even a cancelled tranche inside the period', async () => {
      const before = await get('commitments', commitmentId);
      const period = { startDate: 'the period must contain every tranche', endDate: 'the period must contain every tranche' };
      expectRefused(await send('PUT', `/api/commitments/${commitmentId}`, { ...before.body, endDate: '2027-09-29' }), 422, period);
      expect((await get('commitments', commitmentId)).body).to.deep.equal(before.body);
    });

    it('refuses moving the start so that a tranche falls outside', async () => {
      const before = await get('commitments', commitmentId);
      const period = { startDate: 'the period must contain every tranche', endDate: 'the period must contain every tranche' };
      expectRefused(await send('PUT', `/api/commitments/${commitmentId}`, { ...before.body, startDate: '2027-01-02' }), 422, period);
      expect((await get('commitments', commitmentId)).body).to.deep.equal(before.body);
    });

    it('accepts shrinking the period to the tranches exactly', async () => {
      const before = await get('commitments', commitmentId);
      const res = await app.request<ApiRecord>('PUT', `/api/commitments/${commitmentId}`, { token, body: { ...before.body, endDate: '2027-09-30' } });
      expect(res.status).to.equal(200);
      expect(res.body).to.include({ endDate: '2027-09-30', version: 2 });
    });
  });

  describe('versions', () => {
    it('refuses a stale version with 409 and keeps the newer record', async () => {
      const id = await makeFunder(app.db, { name: `${tag} versie` });
      const first = await get('funders', id);
      const fresh = await send('PUT', `/api/funders/${id}`, { ...first.body, name: `${tag} versie twee` });
      expect(fresh.status).to.equal(200);
      const stale = await send('PUT', `/api/funders/${id}`, { ...first.body, name: `${tag} versie oud` });
      expectRefused(stale, 409, { version: 'is stale: reload the record' });
      expect((await get('funders', id)).body).to.include({ name: `${tag} versie twee`, version: 2 });
    });

    it('refuses a PUT without version', async () => {
      const id = await makeFunder(app.db, { name: `${tag} zonder versie` });
      const before = await get('funders', id);
      const { version: _version, ...withoutVersion } = before.body;
      expectRefused(await send('PUT', `/api/funders/${id}`, { ...withoutVersion, name: `${tag} gewijzigd` }), 400, {
        version: 'is required: send back the version you read',
      });
      expect((await get('funders', id)).body).to.deep.equal(before.body);
    });

    it('refuses a version that is not a whole number', async () => {
      const id = await makeFunder(app.db);
      const before = await get('funders', id);
      expectRefused(await send('PUT', `/api/funders/${id}`, { ...before.body, version: '1' }), 400, { version: 'must be a whole number' });
      expect((await get('funders', id)).body).to.deep.equal(before.body);
    });
  });

  describe('uniqueness', () => {
    it('refuses a second budget for the same initiative and year with 409', async () => {
      const owner = await makeInitiative(app.db);
      await makeBudget(app.db, owner, { year: 2028, amountCents: 100 });
      const res = await send('POST', '/api/budgets', { initiativeId: owner, year: 2028, amountCents: 200 });
      expect(res.status).to.equal(409);
      expect(res.body.errors?.year).to.be.a('string');
      expect(await countRows(app.db, 'budgets', { initiative_id: owner, year: 2028 })).to.equal(1);
      expect(await countRows(app.db, 'budgets', { initiative_id: owner, amount_cents: 200 })).to.equal(0);
    });

    it('refuses moving a budget onto a year that already has one', async () => {
      const owner = await makeInitiative(app.db);
      await makeBudget(app.db, owner, { year: 2028 });
      const id = await makeBudget(app.db, owner, { year: 2029 });
      const before = await get('budgets', id);
      const res = await send('PUT', `/api/budgets/${id}`, { ...before.body, year: 2028 });
      expect(res.status).to.equal(409);
      expect((await get('budgets', id)).body).to.deep.equal(before.body);
    });

    it('allows the same year for another initiative', async () => {
      const one = await makeInitiative(app.db);
      const other = await makeInitiative(app.db);
      await makeBudget(app.db, one, { year: 2028 });
      const res = await send('POST', '/api/budgets', { initiativeId: other, year: 2028, amountCents: 200 });
      expect(res.status).to.equal(201);
    });
  });

  describe('deleting', () => {
    const deleteEvents = (resource: string, id: number) => countRows(app.db, 'audit_events', { resource, record_id: String(id), action: 'delete' });

    it('refuses deleting a funder that still has commitments, and deletes nothing', async () => {
      const funder = await makeFunder(app.db);
      const commitment = await makeCommitment(app.db, initiativeId, funder);
      const res = await send('DELETE', `/api/funders/${funder}`);
      expect(res.status).to.equal(409);
      expect(res.body).to.deep.equal({ message: 'This funder still has commitments or users: remove those first.', code: 'conflict.in_use' });
      expect(await countRows(app.db, 'funders', { id: funder })).to.equal(1);
      expect(await countRows(app.db, 'commitments', { id: commitment })).to.equal(1);
      expect(await deleteEvents('funders', funder)).to.equal(0);
    });

    it('refuses deleting an initiative that still has commitments, and deletes nothing', async () => {
      const initiative = await makeInitiative(app.db);
      const commitment = await makeCommitment(app.db, initiative, funderId);
      const budget = await makeBudget(app.db, initiative);
      const res = await send('DELETE', `/api/initiatives/${initiative}`);
      expect(res.status).to.equal(409);
      expect(res.body).to.deep.equal({ message: 'This initiative still has commitments or users: remove those first.', code: 'conflict.in_use' });
      expect(await countRows(app.db, 'initiatives', { id: initiative })).to.equal(1);
      expect(await countRows(app.db, 'commitments', { id: commitment })).to.equal(1);
      expect(await countRows(app.db, 'budgets', { id: budget })).to.equal(1);
      expect(await deleteEvents('initiatives', initiative)).to.equal(0);
    });

    it('deletes a commitment together with its tranches', async () => {
      const commitment = await makeCommitment(app.db, initiativeId, funderId);
      await makeTranche(app.db, commitment, { amountCents: 100 });
      await makeTranche(app.db, commitment, { amountCents: 200, status: 'cancelled' });
      const res = await app.request<ApiRecord>('DELETE', `/api/commitments/${commitment}`, { token });
      expect(res.status).to.equal(200);
      expect(res.body).to.include({ id: commitment, scheduledCents: 100 });
      expect(await countRows(app.db, 'commitments', { id: commitment })).to.equal(0);
      expect(await countRows(app.db, 'tranches', { commitment_id: commitment })).to.equal(0);
    });
  });

  describe('references', () => {
    it('refuses a commitment for an initiative that does not exist', async () => {
      await refusedCommitment(commitmentInput({ initiativeId: MISSING_ID }), 400, {
        initiativeId: 'must be the id of an existing initiatives record you may see',
      });
    });

    it('refuses a commitment from a funder that does not exist', async () => {
      await refusedCommitment(commitmentInput({ funderId: MISSING_ID }), 400, {
        funderId: 'must be the id of an existing funders record you may see',
      });
    });

    it('refuses an id that cannot be one', async () => {
      await refusedCommitment(commitmentInput({ initiativeId: 0 }), 400, { initiativeId: 'must be the id of an existing record' });
      await refusedCommitment(commitmentInput({ initiativeId: 99_999_999_999 }), 400, { initiativeId: 'must be the id of an existing record' });
    });

    it('refuses a tranche of a commitment that does not exist', async () => {
      const res = await send('POST', '/api/tranches', { commitmentId: MISSING_ID, periodStart: '2027-01-01', periodEnd: '2027-01-31', amountCents: 1 });
      expectRefused(res, 400, { commitmentId: 'must be the id of an existing commitments record you may see' });
      expect(await countRows(app.db, 'tranches', { commitment_id: MISSING_ID })).to.equal(0);
    });

    it('refuses a budget for an initiative that does not exist', async () => {
      const res = await send('POST', '/api/budgets', { initiativeId: MISSING_ID, year: 2027, amountCents: 1 });
      expectRefused(res, 400, { initiativeId: 'must be the id of an existing initiatives record you may see' });
      expect(await countRows(app.db, 'budgets', { initiative_id: MISSING_ID })).to.equal(0);
    });

    it('refuses moving a commitment to an initiative that does not exist: its initiative is fixed', async () => {
      const id = await makeCommitment(app.db, initiativeId, funderId);
      const before = await get('commitments', id);
      expectRefused(await send('PUT', `/api/commitments/${id}`, { ...before.body, initiativeId: MISSING_ID }), 422, {
        initiativeId: 'cannot be changed once created',
      });
      expect((await get('commitments', id)).body).to.deep.equal(before.body);
    });
  });

  describe('ids that name no record', () => {
    const badIds = ['abc', '0', '-1', '1.5', '1e3', '2147483647', '2147483648', '99999999999', '99999999999999999999'];
    for (const resource of ['funders', 'tranches']) {
      for (const raw of badIds) {
        it(`answers GET, PUT and DELETE /api/${resource}/${raw} with 404`, async () => {
          const statuses = [
            (await send('GET', `/api/${resource}/${raw}`)).status,
            (await send('PUT', `/api/${resource}/${raw}`, { version: 1 })).status,
            (await send('DELETE', `/api/${resource}/${raw}`)).status,
          ];
          expect(statuses).to.deep.equal([404, 404, 404]);
        });
      }
    }
  });
});
