// The count cache (COUNT_CACHE_MS): a list's total is reused for a while, never across users who
// see different records, and forgotten as soon as a write through the API commits.
import { expect } from 'chai';
import { listQuery, startTestApp, type TestApp } from '../support/app.js';
import { adminToken, makeFunder, makeInitiative } from '../support/factories.js';
import { uniqueTag } from '../support/records.js';
import { funderUserToken } from '../analytics/shapes.js';

describe('lists: totals from the count cache', () => {
  let app: TestApp;
  let admin: string;
  let funderUser: string;
  const tag = uniqueTag('Telling');
  const list = (token: string) => app.request<unknown[]>('GET', `/api/initiatives${listQuery({ filter: { q: tag }, range: [0, 0] })}`, { token });
  const total = async (token: string) => (await list(token)).headers.get('content-range');

  before(async () => {
    app = await startTestApp({ COUNT_CACHE_MS: '60000' });
    admin = await adminToken(app.db);
    funderUser = await funderUserToken(app.db, await makeFunder(app.db));
    await makeInitiative(app.db, { name: `${tag} een` });
    await makeInitiative(app.db, { name: `${tag} twee`, sharedWithFunders: true });
  });
  after(() => app.close());

  it('reuses a total while nothing is written through the API', async () => {
    expect(await total(admin)).to.equal('initiatives 0-0/2');
    // Written straight to the database, as another process would: not counted yet.
    await makeInitiative(app.db, { name: `${tag} drie` });
    expect(await total(admin)).to.equal('initiatives 0-0/2');
  });

  it('never shares a total between users who see different records', async () => {
    expect(await total(funderUser)).to.equal('initiatives 0-0/1');
  });

  it('forgets every total when a write through the API commits', async () => {
    const res = await app.request('POST', '/api/initiatives', { token: admin, body: { name: `${tag} vier`, foundedOn: '2024-01-01', municipality: 'Utrecht' } });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    expect(await total(admin)).to.equal('initiatives 0-0/4');
  });
});
