// Create, read, update (PUT) and delete through real HTTP, for every writable resource of the
// domain: the record's shape (camelCase, integer cents, dates exactly as sent), PUT taking back
// the whole record react-admin read, versions, and DELETE answering the deleted record.
import { expect } from 'chai';
import { startTestApp, type TestApp } from '../support/app.js';
import { adminToken, makeCommitment, makeFunder, makeInitiative } from '../support/factories.js';
import { uniqueTag, type ApiErrorBody, type ApiRecord } from '../support/records.js';

describe('API CRUD', () => {
  let app: TestApp;
  let token: string;
  const tag = uniqueTag('CRUD');

  before(async () => {
    app = await startTestApp();
    token = await adminToken(app.db);
  });

  after(async () => {
    await app.close();
  });

  const post = (resource: string, body: unknown) => app.request<ApiRecord>('POST', `/api/${resource}`, { token, body });
  const get = (resource: string, id: number) => app.request<ApiRecord>('GET', `/api/${resource}/${id}`, { token });
  const put = (resource: string, id: number, body: unknown) => app.request<ApiRecord>('PUT', `/api/${resource}/${id}`, { token, body });
  const del = (resource: string, id: number) => app.request<ApiRecord>('DELETE', `/api/${resource}/${id}`, { token });

  /** Creates, reads back, edits through the whole record, and deletes: the life of one record. */
  async function roundTrip(resource: string, input: Record<string, unknown>, expected: Record<string, unknown>, edit: Record<string, unknown>): Promise<void> {
    const created = await post(resource, input);
    expect(created.status).to.equal(201);
    const id = created.body.id;
    expect(id).to.be.a('number');
    expect(created.body).to.deep.equal({ id, ...expected, version: 1 });

    const read = await get(resource, id);
    expect(read.status).to.equal(200);
    expect(read.body).to.deep.equal(created.body);

    const updated = await put(resource, id, { ...read.body, ...edit });
    expect(updated.status).to.equal(200);
    expect(updated.body).to.deep.equal({ id, ...expected, ...edit, version: 2 });
    expect((await get(resource, id)).body).to.deep.equal(updated.body);

    const deleted = await del(resource, id);
    expect(deleted.status).to.equal(200);
    expect(deleted.body).to.deep.equal(updated.body);
    const gone = await app.request<ApiErrorBody>('GET', `/api/${resource}/${id}`, { token });
    expect(gone.status).to.equal(404);
    expect(gone.body.message).to.equal(`No ${resource} record with id ${id}.`);
  }

  describe('funders', () => {
    it('creates, reads, updates and deletes a funder', async () => {
      const input = { name: `${tag} Gemeente Utrecht`, type: 'municipality', municipalityCode: 'GM0344', orgId: `NL-OWMS-${tag}`, maxFundingYears: 4, website: 'https://www.utrecht.nl' };
      await roundTrip('funders', input, input, { name: `${tag} Gemeente Utrecht (Wmo)`, maxFundingYears: 5 });
    });

    it('answers the optional fields as null when they are not sent', async () => {
      const res = await post('funders', { name: `${tag} Fonds zonder details`, type: 'foundation' });
      expect(res.status).to.equal(201);
      expect(res.body).to.deep.equal({ id: res.body.id, name: `${tag} Fonds zonder details`, type: 'foundation', municipalityCode: null, orgId: null, maxFundingYears: null, website: null, version: 1 });
    });

    it('stores an empty optional text as null', async () => {
      const res = await post('funders', { name: `${tag} Leeg`, type: 'company', municipalityCode: '', website: '' });
      expect(res.body.municipalityCode).to.equal(null);
      expect(res.body.website).to.equal(null);
    });
  });

  describe('initiatives', () => {
    it('creates, reads, updates and deletes an initiative, with a leap-day foundedOn', async () => {
      const input = {
        name: `${tag} Buurtkeuken`,
        foundedOn: '2028-02-29',
        municipality: 'Utrecht',
        municipalityCode: 'GM0344',
        domains: ['food', 'welfare'],
        kvkNumber: '12345678',
        reservesCents: 1_234_567,
        sharedWithFunders: true,
        status: 'active',
        description: 'Samen koken en eten in de wijk.',
      };
      await roundTrip('initiatives', input, input, { status: 'stopped', reservesCents: 0, domains: ['food'] });
    });

    it('gives the defaults: no domains, no reserves, not shared, active', async () => {
      const res = await post('initiatives', { name: `${tag} Maatjesproject`, foundedOn: '2027-12-31', municipality: 'Zwolle' });
      expect(res.status).to.equal(201);
      expect(res.body).to.deep.equal({
        id: res.body.id,
        name: `${tag} Maatjesproject`,
        foundedOn: '2027-12-31',
        municipality: 'Zwolle',
        municipalityCode: null,
        domains: [],
        kvkNumber: null,
        reservesCents: 0,
        sharedWithFunders: false,
        status: 'active',
        description: null,
        version: 1,
      });
    });

    it('stores the dates exactly as sent, in the database too', async () => {
      const res = await post('initiatives', { name: `${tag} Datum`, foundedOn: '2028-02-29', municipality: 'Deventer' });
      const row = await app.db('initiatives').where({ id: res.body.id }).first<{ founded_on: string }>('founded_on');
      expect(row.founded_on).to.equal('2028-02-29');
    });
  });

  describe('budgets', () => {
    it('creates, reads, updates and deletes a budget', async () => {
      const initiativeId = await makeInitiative(app.db);
      const input = { initiativeId, year: 2028, amountCents: 4_800_000, note: 'Twee coördinatoren, huur' };
      await roundTrip('budgets', input, input, { amountCents: 5_100_001, note: null });
    });
  });

  describe('commitments', () => {
    it('creates, reads, updates and deletes a commitment, with its read-only amounts', async () => {
      const initiativeId = await makeInitiative(app.db);
      const funderId = await makeFunder(app.db);
      const input = {
        initiativeId,
        funderId,
        title: `${tag} Subsidie Wmo 2027`,
        reference: 'WMO-2027-042',
        programme: 'Wmo',
        kind: 'subsidy',
        status: 'committed',
        startDate: '2027-01-01',
        endDate: '2027-12-31',
        amountCents: 2_500_000,
        decisionDate: '2026-11-30',
        renewable: true,
        conditionNote: 'Jaarverslag voor 1 juli.',
      };
      const expected = { ...input, scheduledCents: 0, receivedCents: 0, unscheduledCents: 2_500_000, remainingCents: 2_500_000 };
      await roundTrip('commitments', input, expected, { status: 'completed', endDate: '2028-02-29', amountCents: 3_000_000, unscheduledCents: 3_000_000, remainingCents: 3_000_000 });
    });

    it('defaults renewable to false and the optional fields to null', async () => {
      const initiativeId = await makeInitiative(app.db);
      const funderId = await makeFunder(app.db);
      const res = await post('commitments', {
        initiativeId,
        funderId,
        title: `${tag} Donatie`,
        kind: 'donation',
        status: 'requested',
        startDate: '2027-12-31',
        endDate: '2027-12-31',
        amountCents: 1,
      });
      expect(res.status).to.equal(201);
      expect(res.body).to.include({ reference: null, programme: null, decisionDate: null, renewable: false, conditionNote: null, startDate: '2027-12-31', endDate: '2027-12-31' });
    });
  });

  describe('tranches', () => {
    it('creates, reads, updates and deletes a tranche', async () => {
      const commitmentId = await makeCommitment(app.db, await makeInitiative(app.db), await makeFunder(app.db), {
        startDate: '2028-01-01',
        endDate: '2028-12-31',
        amountCents: 1_000_000,
      });
      const input = { commitmentId, periodStart: '2028-02-29', periodEnd: '2028-12-31', amountCents: 400_000, dueOn: '2028-02-29', status: 'requested', receivedOn: null };
      await roundTrip('tranches', input, input, { status: 'received', receivedOn: '2028-03-15' });
    });

    it('makes a new tranche planned, without due or received date', async () => {
      const commitmentId = await makeCommitment(app.db, await makeInitiative(app.db), await makeFunder(app.db));
      const res = await post('tranches', { commitmentId, periodStart: '2027-01-01', periodEnd: '2027-03-31', amountCents: 300_000 });
      expect(res.status).to.equal(201);
      expect(res.body).to.deep.equal({
        id: res.body.id,
        commitmentId,
        periodStart: '2027-01-01',
        periodEnd: '2027-03-31',
        amountCents: 300_000,
        dueOn: null,
        status: 'planned',
        receivedOn: null,
        version: 1,
      });
    });
  });

  describe('PUT', () => {
    it('ignores the read-only fields react-admin sends back: id and the computed amounts', async () => {
      const initiativeId = await makeInitiative(app.db);
      const funderId = await makeFunder(app.db);
      const commitmentId = await makeCommitment(app.db, initiativeId, funderId, { amountCents: 1_000 });
      const read = await get('commitments', commitmentId);
      const res = await put('commitments', commitmentId, { ...read.body, id: commitmentId + 1, scheduledCents: 777, receivedCents: 5, unscheduledCents: 1, remainingCents: 2, title: `${tag} Hernoemd` });
      expect(res.status).to.equal(200);
      expect(res.body).to.deep.equal({ ...read.body, title: `${tag} Hernoemd`, version: 2 });
      expect(res.body).to.include({ id: commitmentId, scheduledCents: 0, receivedCents: 0, unscheduledCents: 1_000, remainingCents: 1_000 });
    });

    it('keeps the fields a partial body leaves out', async () => {
      const id = await makeFunder(app.db, { name: `${tag} Gedeeltelijk`, type: 'national', maxFundingYears: 3 });
      const res = await put('funders', id, { version: 1, website: 'https://example.org' });
      expect(res.status).to.equal(200);
      expect(res.body).to.deep.equal({ id, name: `${tag} Gedeeltelijk`, type: 'national', municipalityCode: null, orgId: null, maxFundingYears: 3, website: 'https://example.org', version: 2 });
    });

    it('increments the version by one on every update', async () => {
      const id = await makeFunder(app.db);
      const versions: unknown[] = [];
      let record = (await get('funders', id)).body;
      for (const years of [1, 2, 3]) {
        record = (await put('funders', id, { ...record, maxFundingYears: years })).body;
        versions.push(record.version);
      }
      expect(versions).to.deep.equal([2, 3, 4]);
      expect(record.maxFundingYears).to.equal(3);
    });

    it('keeps a date it did not change exactly as it was', async () => {
      const initiativeId = await makeInitiative(app.db, { foundedOn: '2028-02-29' });
      const read = await get('initiatives', initiativeId);
      const res = await put('initiatives', initiativeId, { ...read.body, municipality: 'Amersfoort' });
      expect(res.body.foundedOn).to.equal('2028-02-29');
    });
  });

  describe('unknown routes', () => {
    it('answers an unknown API route with JSON 404', async () => {
      const res = await app.request<ApiErrorBody>('GET', '/api/grants', { token });
      expect(res.status).to.equal(404);
      expect(res.headers.get('content-type')).to.match(/^application\/json/);
      expect(res.body).to.deep.equal({ message: 'No such endpoint: GET /api/grants', code: 'not_found' });
    });

    it('answers a path below a record with JSON 404', async () => {
      const id = await makeFunder(app.db);
      const res = await app.request<ApiErrorBody>('GET', `/api/funders/${id}/grants`, { token });
      expect(res.status).to.equal(404);
      expect(res.body).to.deep.equal({ message: `No such endpoint: GET /api/funders/${id}/grants`, code: 'not_found' });
    });

    it('answers a route outside the API with JSON 404', async () => {
      const res = await app.request<ApiErrorBody>('POST', '/nothing-here', { body: {} });
      expect(res.status).to.equal(404);
      expect(res.body).to.deep.equal({ message: 'No such endpoint: POST /nothing-here', code: 'not_found' });
    });

    it('asks for a login before telling what exists under /api', async () => {
      const res = await app.request<ApiErrorBody>('GET', '/api/grants');
      expect(res.status).to.equal(401);
    });
  });
});
