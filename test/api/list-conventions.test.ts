// The list conventions of ra-data-simple-rest (DESIGN.md, "HTTP API"): sort, range with its
// Content-Range header, every kind of filter, getMany by ids, `q`, and the 400s for anything else.
import { expect } from 'chai';
import { listQuery, startTestApp, type Response, type TestApp } from '../support/app.js';
import { adminToken, makeBudget, makeCommitment, makeFunder, makeInitiative, makeTranche } from '../support/factories.js';
import { idsOf, uniqueTag, type ApiErrorBody, type ApiRecord } from '../support/records.js';

type ListParams = Parameters<typeof listQuery>[0];

describe('API list conventions', () => {
  let app: TestApp;
  let token: string;
  const tag = uniqueTag('LC');
  const name = (first: string) => `${tag} ${first}`;
  const f: Record<'anna' | 'bart' | 'cees' | 'dirk' | 'eva', number> = { anna: 0, bart: 0, cees: 0, dirk: 0, eva: 0 };
  const i: Record<'anna' | 'bart' | 'cees' | 'dirk', number> = { anna: 0, bart: 0, cees: 0, dirk: 0 };
  const c: Record<'wmo' | 'jeugd' | 'armoede', number> = { wmo: 0, jeugd: 0, armoede: 0 };
  const t: Record<'first' | 'second' | 'third', number> = { first: 0, second: 0, third: 0 };
  const b: Record<'anna2026' | 'anna2027' | 'cees2026', number> = { anna2026: 0, anna2027: 0, cees2026: 0 };

  before(async () => {
    app = await startTestApp();
    token = await adminToken(app.db);
    const db = app.db;
    f.anna = await makeFunder(db, { name: name('Anna'), type: 'municipality', municipalityCode: 'GM0363', maxFundingYears: 4 });
    f.bart = await makeFunder(db, { name: name('Bart'), type: 'foundation' });
    f.cees = await makeFunder(db, { name: name('Cees'), type: 'foundation', maxFundingYears: 10 });
    f.dirk = await makeFunder(db, { name: name('Dirk'), type: 'company', maxFundingYears: 2 });
    f.eva = await makeFunder(db, { name: name('Eva'), type: 'municipality', municipalityCode: 'GM0344', maxFundingYears: 6 });

    i.anna = await makeInitiative(db, { name: name('Anna'), foundedOn: '2019-05-01', domains: ['care', 'welfare'], sharedWithFunders: true, reservesCents: 500_000 });
    i.bart = await makeInitiative(db, { name: name('Bart'), foundedOn: '2020-01-01', domains: ['food'], reservesCents: 0, status: 'stopped' });
    i.cees = await makeInitiative(db, { name: name('Cees'), foundedOn: '2021-12-31', domains: ['housing', 'care'], sharedWithFunders: true, reservesCents: 1_000_000 });
    i.dirk = await makeInitiative(db, { name: name('Dirk'), foundedOn: '2022-06-15', domains: [], reservesCents: 250_000 });

    c.wmo = await makeCommitment(db, i.anna, f.anna, { title: `${tag} Wmo`, reference: `${tag}-REF-W`, amountCents: 300_000, startDate: '2026-01-01', endDate: '2026-12-31' });
    c.jeugd = await makeCommitment(db, i.anna, f.bart, { title: `${tag} Jeugd`, amountCents: 100_000, startDate: '2027-01-01', endDate: '2028-12-31', status: 'requested' });
    c.armoede = await makeCommitment(db, i.cees, f.anna, { title: `${tag} Armoede`, amountCents: 200_000, startDate: '2026-07-01', endDate: '2027-06-30' });

    t.first = await makeTranche(db, c.wmo, { periodStart: '2026-01-01', periodEnd: '2026-06-30', amountCents: 150_000 });
    t.second = await makeTranche(db, c.wmo, { periodStart: '2026-07-01', periodEnd: '2026-12-31', amountCents: 150_000, status: 'received' });
    t.third = await makeTranche(db, c.armoede, { periodStart: '2026-07-01', periodEnd: '2027-06-30', amountCents: 200_000 });

    b.anna2026 = await makeBudget(db, i.anna, { year: 2026, amountCents: 400_000 });
    b.anna2027 = await makeBudget(db, i.anna, { year: 2027, amountCents: 450_000 });
    b.cees2026 = await makeBudget(db, i.cees, { year: 2026, amountCents: 300_000 });
  });

  after(async () => {
    await app.close();
  });

  const list = (resource: string, params: ListParams) => app.request<ApiRecord[]>('GET', `/api/${resource}${listQuery(params)}`, { token });
  const listError = (resource: string, params: ListParams) => app.request<ApiErrorBody>('GET', `/api/${resource}${listQuery(params)}`, { token });
  const rawList = (path: string) => app.request<ApiErrorBody>('GET', path, { token });
  const names = (res: Response<ApiRecord[]>) => res.body.map((r) => r.name);
  /** Our own records of a resource: the text search on the tag keeps other files' rows out. */
  const ours = { q: tag };

  describe('sort', () => {
    it('sorts by name ascending and descending', async () => {
      const asc = await list('funders', { sort: ['name', 'ASC'], filter: ours });
      const desc = await list('funders', { sort: ['name', 'DESC'], filter: ours });
      expect(names(asc)).to.deep.equal(['Anna', 'Bart', 'Cees', 'Dirk', 'Eva'].map(name));
      expect(names(desc)).to.deep.equal(['Eva', 'Dirk', 'Cees', 'Bart', 'Anna'].map(name));
    });

    it('sorts by a number field both ways, records without a value last', async () => {
      const asc = await list('funders', { sort: ['maxFundingYears', 'ASC'], filter: ours });
      const desc = await list('funders', { sort: ['maxFundingYears', 'DESC'], filter: ours });
      expect(asc.body.map((r) => r.maxFundingYears)).to.deep.equal([2, 4, 6, 10, null]);
      expect(desc.body.map((r) => r.maxFundingYears)).to.deep.equal([10, 6, 4, 2, null]);
    });

    it('breaks ties by id in the direction asked', async () => {
      const asc = await list('funders', { sort: ['type', 'ASC'], filter: ours });
      const desc = await list('funders', { sort: ['type', 'DESC'], filter: ours });
      expect(idsOf(asc.body)).to.deep.equal([f.dirk, f.bart, f.cees, f.anna, f.eva]);
      expect(idsOf(desc.body)).to.deep.equal([f.eva, f.anna, f.cees, f.bart, f.dirk]);
    });

    it('sorts initiatives by foundedOn and by reservesCents', async () => {
      const byFounded = await list('initiatives', { sort: ['foundedOn', 'DESC'], filter: ours });
      const byReserves = await list('initiatives', { sort: ['reservesCents', 'ASC'], filter: ours });
      expect(idsOf(byFounded.body)).to.deep.equal([i.dirk, i.cees, i.bart, i.anna]);
      expect(idsOf(byReserves.body)).to.deep.equal([i.bart, i.dirk, i.anna, i.cees]);
    });

    it('sorts commitments by amountCents and by the computed receivedCents', async () => {
      const byAmount = await list('commitments', { sort: ['amountCents', 'DESC'], filter: ours });
      // received: wmo 150_000, jeugd 0, armoede 0 (ties broken by id, ascending)
      const byReceived = await list('commitments', { sort: ['receivedCents', 'ASC'], filter: ours });
      expect(idsOf(byAmount.body)).to.deep.equal([c.wmo, c.armoede, c.jeugd]);
      expect(idsOf(byReceived.body)).to.deep.equal([c.jeugd, c.armoede, c.wmo]);
    });

    it('accepts the order in lower case', async () => {
      const res = await list('funders', { sort: ['name', 'desc'], filter: ours });
      expect(res.status).to.equal(200);
      expect(names(res)).to.deep.equal(['Eva', 'Dirk', 'Cees', 'Bart', 'Anna'].map(name));
    });

    it('refuses to sort by an unknown field', async () => {
      const res = await listError('funders', { sort: ['colour', 'ASC'] });
      expect(res.status).to.equal(400);
      expect(res.body.errors?.sort).to.equal('cannot sort funders by "colour"; sortable: id, name, type, municipalityCode, orgId, maxFundingYears');
    });

    it('refuses to sort by a known field that is not sortable', async () => {
      const res = await listError('funders', { sort: ['website', 'ASC'] });
      expect(res.status).to.equal(400);
      expect(res.body.errors?.sort).to.match(/^cannot sort funders by "website"/);
    });

    it('refuses SQL in the sort field and an unknown direction', async () => {
      const injected = await listError('funders', { sort: ['name; DROP TABLE funders', 'ASC'] });
      const direction = await listError('funders', { sort: ['name', 'UP'] });
      expect(injected.status).to.equal(400);
      expect(injected.body.errors?.sort).to.match(/^cannot sort funders by "name; DROP TABLE funders"/);
      expect(direction.status).to.equal(400);
      expect(direction.body.errors?.sort).to.equal('must be ["field","ASC"] or ["field","DESC"]');
    });
  });

  describe('range and Content-Range', () => {
    it('answers the page asked for with the exact Content-Range', async () => {
      const res = await list('funders', { sort: ['name', 'ASC'], range: [1, 3], filter: ours });
      expect(res.status).to.equal(200);
      expect(names(res)).to.deep.equal(['Bart', 'Cees', 'Dirk'].map(name));
      expect(res.headers.get('content-range')).to.equal('funders 1-3/5');
    });

    it('gives the first page of react-admin\'s default size as 0-4 of 5', async () => {
      const res = await list('funders', { sort: ['name', 'ASC'], range: [0, 24], filter: ours });
      expect(res.body).to.have.length(5);
      expect(res.headers.get('content-range')).to.equal('funders 0-4/5');
    });

    it('cuts a page that runs past the end at the last record', async () => {
      const res = await list('funders', { sort: ['name', 'ASC'], range: [3, 9], filter: ours });
      expect(names(res)).to.deep.equal(['Dirk', 'Eva'].map(name));
      expect(res.headers.get('content-range')).to.equal('funders 3-4/5');
    });

    it('answers a page beyond the end empty, with */total', async () => {
      const res = await list('funders', { sort: ['name', 'ASC'], range: [10, 19], filter: ours });
      expect(res.status).to.equal(200);
      expect(res.body).to.deep.equal([]);
      expect(res.headers.get('content-range')).to.equal('funders */5');
    });

    it('answers a filter that matches nothing with */0', async () => {
      const res = await list('tranches', { filter: { commitmentId: c.jeugd } });
      expect(res.body).to.deep.equal([]);
      expect(res.headers.get('content-range')).to.equal('tranches */0');
    });

    it('gives one record for range [n, n]', async () => {
      const res = await list('funders', { sort: ['name', 'ASC'], range: [2, 2], filter: ours });
      expect(names(res)).to.deep.equal([name('Cees')]);
      expect(res.headers.get('content-range')).to.equal('funders 2-2/5');
    });

    it('accepts 1000 records per page but refuses 1001', async () => {
      const largest = await list('funders', { range: [0, 999], filter: ours });
      const tooLarge = await listError('funders', { range: [0, 1000], filter: ours });
      expect(largest.status).to.equal(200);
      expect(tooLarge.status).to.equal(400);
      expect(tooLarge.body.errors?.range).to.equal('at most 1000 records per page');
    });

    it('refuses a range whose end is before its start, or that is not two whole numbers', async () => {
      const backwards = await listError('funders', { range: [5, 2] });
      const negative = await listError('funders', { range: [-1, 2] });
      const fraction = await rawList(`/api/funders?range=${encodeURIComponent('[0,2.5]')}`);
      expect([backwards.status, negative.status, fraction.status]).to.deep.equal([400, 400, 400]);
      expect(backwards.body.errors?.range).to.equal('last must not be before first');
      expect(negative.body.errors?.range).to.equal('must be [first, last] with whole numbers from 0');
      expect(fraction.body.errors?.range).to.equal('must be [first, last] with whole numbers from 0');
    });
  });

  describe('filters', () => {
    it('filters on an enumeration', async () => {
      const res = await list('funders', { sort: ['name', 'ASC'], filter: { ...ours, type: 'foundation' } });
      expect(names(res)).to.deep.equal(['Bart', 'Cees'].map(name));
      expect(res.headers.get('content-range')).to.equal('funders 0-1/2');
    });

    it('filters on text exactly, ignoring case', async () => {
      const upper = await list('funders', { filter: { name: name('Anna').toUpperCase() } });
      const prefix = await list('funders', { filter: { name: name('Ann') } });
      const wildcard = await list('funders', { filter: { name: `${tag} %` } });
      expect(idsOf(upper.body)).to.deep.equal([f.anna]);
      expect(prefix.body).to.deep.equal([]);
      expect(wildcard.body).to.deep.equal([]);
    });

    it('filters on a boolean', async () => {
      const shared = await list('initiatives', { sort: ['name', 'ASC'], filter: { ...ours, sharedWithFunders: true } });
      const notShared = await list('initiatives', { sort: ['name', 'ASC'], filter: { ...ours, sharedWithFunders: false } });
      expect(idsOf(shared.body)).to.deep.equal([i.anna, i.cees]);
      expect(idsOf(notShared.body)).to.deep.equal([i.bart, i.dirk]);
    });

    it('filters dates with _gte and _lte, both inclusive', async () => {
      const from = await list('initiatives', { sort: ['foundedOn', 'ASC'], filter: { ...ours, foundedOn_gte: '2020-01-01' } });
      const until = await list('initiatives', { sort: ['foundedOn', 'ASC'], filter: { ...ours, foundedOn_lte: '2021-12-31' } });
      const between = await list('initiatives', { sort: ['foundedOn', 'ASC'], filter: { ...ours, foundedOn_gte: '2020-01-02', foundedOn_lte: '2022-06-15' } });
      expect(idsOf(from.body)).to.deep.equal([i.bart, i.cees, i.dirk]);
      expect(idsOf(until.body)).to.deep.equal([i.anna, i.bart, i.cees]);
      expect(idsOf(between.body)).to.deep.equal([i.cees, i.dirk]);
    });

    it('filters numbers with _gte and _lte, both inclusive', async () => {
      const years = await list('funders', { sort: ['maxFundingYears', 'ASC'], filter: { ...ours, maxFundingYears_gte: 4, maxFundingYears_lte: 6 } });
      const amounts = await list('commitments', { sort: ['amountCents', 'ASC'], filter: { ...ours, amountCents_gte: 200_000 } });
      expect(years.body.map((r) => r.maxFundingYears)).to.deep.equal([4, 6]);
      expect(idsOf(amounts.body)).to.deep.equal([c.armoede, c.wmo]);
    });

    it('filters on equality of a number', async () => {
      const res = await list('funders', { filter: { ...ours, maxFundingYears: 10 } });
      expect(idsOf(res.body)).to.deep.equal([f.cees]);
    });

    it('filters on a missing value with null', async () => {
      const res = await list('funders', { sort: ['name', 'ASC'], filter: { ...ours, municipalityCode: null } });
      expect(idsOf(res.body)).to.deep.equal([f.bart, f.cees, f.dirk]);
    });

    it('filters domains: the initiatives having any of the given domains', async () => {
      const care = await list('initiatives', { sort: ['name', 'ASC'], filter: { ...ours, domains: 'care' } });
      const foodOrHousing = await list('initiatives', { sort: ['name', 'ASC'], filter: { ...ours, domains: ['food', 'housing'] } });
      const climate = await list('initiatives', { filter: { ...ours, domains: ['climate'] } });
      expect(idsOf(care.body)).to.deep.equal([i.anna, i.cees]);
      expect(idsOf(foodOrHousing.body)).to.deep.equal([i.bart, i.cees]);
      expect(climate.body).to.deep.equal([]);
    });

    it('refuses a domain that does not exist', async () => {
      const res = await listError('initiatives', { filter: { domains: ['care', 'sports'] } });
      expect(res.status).to.equal(400);
      expect(res.body.errors?.domains).to.equal('must be one of: care, welfare, participation, climate, food, housing, education');
    });

    it('filters commitments by initiativeId and by funderId', async () => {
      const ofAnna = await list('commitments', { sort: ['id', 'ASC'], filter: { initiativeId: i.anna } });
      const fromAnna = await list('commitments', { sort: ['id', 'ASC'], filter: { funderId: f.anna } });
      const both = await list('commitments', { filter: { initiativeId: i.anna, funderId: f.anna } });
      expect(idsOf(ofAnna.body)).to.deep.equal([c.wmo, c.jeugd]);
      expect(ofAnna.headers.get('content-range')).to.equal('commitments 0-1/2');
      expect(idsOf(fromAnna.body)).to.deep.equal([c.wmo, c.armoede]);
      expect(idsOf(both.body)).to.deep.equal([c.wmo]);
    });

    it('filters tranches by commitmentId and budgets by initiativeId', async () => {
      const tranches = await list('tranches', { sort: ['periodStart', 'DESC'], filter: { commitmentId: c.wmo } });
      const budgets = await list('budgets', { sort: ['year', 'ASC'], filter: { initiativeId: i.anna } });
      expect(idsOf(tranches.body)).to.deep.equal([t.second, t.first]);
      expect(tranches.headers.get('content-range')).to.equal('tranches 0-1/2');
      expect(idsOf(budgets.body)).to.deep.equal([b.anna2026, b.anna2027]);
    });

    it('filters on several values of a reference at once', async () => {
      const res = await list('tranches', { sort: ['id', 'ASC'], filter: { commitmentId: [c.wmo, c.armoede] } });
      expect(idsOf(res.body)).to.deep.equal([t.first, t.second, t.third]);
    });

    it('fetches several records by id (getMany), whatever their order in the list', async () => {
      const res = await list('funders', { filter: { id: [f.eva, f.bart] }, sort: ['name', 'ASC'] });
      expect(idsOf(res.body)).to.deep.equal([f.bart, f.eva]);
      expect(res.headers.get('content-range')).to.equal('funders 0-1/2');
    });

    it('answers getMany with an empty list for ids that do not exist', async () => {
      const res = await list('funders', { filter: { id: [2_147_483_000] } });
      expect(res.status).to.equal(200);
      expect(res.body).to.deep.equal([]);
      expect(res.headers.get('content-range')).to.equal('funders */0');
    });

    it('answers getMany with an empty list for an id beyond the database\'s integer range', async () => {
      const res = await list('funders', { filter: { id: [f.anna, 99_999_999_999] } });
      expect(res.status).to.equal(200);
      expect(idsOf(res.body)).to.deep.equal([f.anna]);
    });

    it('searches names with q: every word must appear, in any case', async () => {
      const one = await list('funders', { filter: { q: `${tag} cEE` } });
      const two = await list('initiatives', { sort: ['name', 'ASC'], filter: { q: `${tag.toUpperCase()} r` } });
      expect(idsOf(one.body)).to.deep.equal([f.cees]);
      expect(idsOf(two.body)).to.deep.equal([i.bart, i.dirk]);
    });

    it('searches commitments by title and by reference', async () => {
      const byTitle = await list('commitments', { filter: { q: `${tag} jeugd` } });
      const byReference = await list('commitments', { filter: { q: `${tag}-ref-w` } });
      expect(idsOf(byTitle.body)).to.deep.equal([c.jeugd]);
      expect(idsOf(byReference.body)).to.deep.equal([c.wmo]);
    });

    it('treats % and _ in q as plain characters', async () => {
      const res = await list('funders', { filter: { q: `${tag} %` } });
      expect(res.body).to.deep.equal([]);
    });

    it('refuses an unknown filter field', async () => {
      const res = await listError('funders', { filter: { colour: 'red' } });
      expect(res.status).to.equal(400);
      expect(res.body.errors).to.deep.equal({ colour: 'is not a filterable field' });
    });

    it('refuses a filter on a field that is not filterable, and a range on an enumeration', async () => {
      const website = await listError('funders', { filter: { website: 'https://example.org' } });
      const typeRange = await listError('funders', { filter: { type_gte: 'company' } });
      expect(website.status).to.equal(400);
      expect(website.body.errors).to.deep.equal({ website: 'is not a filterable field' });
      expect(typeRange.status).to.equal(400);
      expect(typeRange.body.errors).to.deep.equal({ type_gte: 'is not a filterable field' });
    });

    it('refuses filter values of the wrong kind', async () => {
      const badEnum = await listError('funders', { filter: { type: 'bank' } });
      const badNumber = await listError('funders', { filter: { maxFundingYears: 'four' } });
      const badBool = await listError('initiatives', { filter: { sharedWithFunders: 'yes' } });
      const badDate = await listError('initiatives', { filter: { foundedOn_gte: '2021-02-30' } });
      const badId = await listError('commitments', { filter: { initiativeId: 'abc' } });
      expect([badEnum.status, badNumber.status, badBool.status, badDate.status, badId.status]).to.deep.equal([400, 400, 400, 400, 400]);
      expect(badEnum.body.errors?.type).to.equal('must be one of: municipality, province, national, foundation, company, health_insurer, other');
      expect(badNumber.body.errors?.maxFundingYears).to.equal('must be a whole number');
      expect(badBool.body.errors?.sharedWithFunders).to.equal('must be true or false');
      expect(badDate.body.errors?.foundedOn_gte).to.equal('must be a date YYYY-MM-DD');
      expect(badId.body.errors?.initiativeId).to.equal('must be a whole number');
    });

    it('refuses a filter that is not a JSON object', async () => {
      const array = await rawList(`/api/funders?filter=${encodeURIComponent('[1,2]')}`);
      const text = await rawList(`/api/funders?filter=${encodeURIComponent('"Anna"')}`);
      expect([array.status, text.status]).to.deep.equal([400, 400]);
      expect(array.body.errors).to.deep.equal({ filter: 'must be a JSON object' });
      expect(text.body.errors).to.deep.equal({ filter: 'must be a JSON object' });
    });
  });

  describe('malformed parameters', () => {
    it('refuses malformed JSON in sort, range and filter', async () => {
      const sort = await rawList(`/api/funders?sort=${encodeURIComponent('["name","ASC"')}`);
      const range = await rawList(`/api/funders?range=${encodeURIComponent('[0,')}`);
      const filter = await rawList(`/api/funders?filter=${encodeURIComponent('{q:"x"}')}`);
      expect([sort.status, range.status, filter.status]).to.deep.equal([400, 400, 400]);
      expect(sort.body.errors).to.deep.equal({ sort: 'is not valid JSON' });
      expect(range.body.errors).to.deep.equal({ range: 'is not valid JSON' });
      expect(filter.body.errors).to.deep.equal({ filter: 'is not valid JSON' });
    });

    it('refuses a parameter given twice', async () => {
      const res = await rawList(`/api/funders?sort=${encodeURIComponent('["name","ASC"]')}&sort=${encodeURIComponent('["id","ASC"]')}`);
      expect(res.status).to.equal(400);
      expect(res.body.errors).to.deep.equal({ sort: 'must be given once, as JSON' });
    });

    it('answers a bad parameter as JSON with a message, never a stack trace', async () => {
      const res = await rawList(`/api/funders?sort=${encodeURIComponent('["name",')}`);
      expect(res.headers.get('content-type')).to.match(/^application\/json/);
      expect(res.body.message).to.equal('sort: is not valid JSON');
      expect(JSON.stringify(res.body)).not.to.match(/\bat .*\.ts:\d+/);
    });
  });

  describe('CORS', () => {
    it('exposes Content-Range to the allowed console origin', async () => {
      const res = await app.request('GET', `/api/funders${listQuery({ range: [0, 1], filter: ours })}`, { token, headers: { origin: 'http://console.example' } });
      expect(res.headers.get('access-control-allow-origin')).to.equal('http://console.example');
      const exposed = (res.headers.get('access-control-expose-headers') ?? '').split(',').map((h) => h.trim().toLowerCase());
      expect(exposed).to.include('content-range');
      expect(res.headers.get('content-range')).to.equal('funders 0-1/5');
    });

    it('allows the console origin to send Authorization in a preflight', async () => {
      const res = await app.request('OPTIONS', '/api/funders', {
        headers: { origin: 'http://console.example', 'access-control-request-method': 'PUT', 'access-control-request-headers': 'authorization,content-type' },
      });
      expect(res.status).to.equal(204);
      expect(res.headers.get('access-control-allow-origin')).to.equal('http://console.example');
      expect((res.headers.get('access-control-allow-methods') ?? '').split(',')).to.include('PUT');
    });

    it('gives no CORS grant to another origin', async () => {
      const res = await app.request('GET', `/api/funders${listQuery({ range: [0, 1], filter: ours })}`, { token, headers: { origin: 'http://evil.example' } });
      expect(res.headers.get('access-control-allow-origin')).to.equal(null);
    });
  });
});
