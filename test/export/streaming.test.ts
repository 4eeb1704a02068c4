// An export is streamed: a download the client abandons half way stops reading its rows, gives its
// database connection back and leaves the server serving.
import { expect } from 'chai';
import { listQuery, startTestApp, type TestApp } from '../support/app.js';
import { adminToken, makeFunder, makeInitiative } from '../support/factories.js';
import { uniqueTag } from '../support/records.js';

const ROWS = 30_000;

describe('exports: streamed', () => {
  let app: TestApp;
  let admin: string;
  const tag = uniqueTag('Stream');

  before(async function () {
    this.timeout(60_000);
    app = await startTestApp();
    admin = await adminToken(app.db);
    const funder = await makeFunder(app.db);
    const initiative = await makeInitiative(app.db);
    await app.db.raw(
      `INSERT INTO commitments (initiative_id, funder_id, title, kind, status, start_date, end_date, amount_cents)
       SELECT ?, ?, ? || ' ' || g, 'subsidy', 'committed', '2026-01-01', '2027-12-31', 100000 + g FROM generate_series(1, ?) g`,
      [initiative, funder, tag, ROWS],
    );
  });

  after(async () => {
    await app.db('commitments').where('title', 'like', `${tag} %`).delete();
    await app.close();
  });

  for (const [name, path] of [
    ['an xlsx list', `/api/commitments/export${listQuery({ filter: { q: tag } })}&format=xlsx`],
    ['a CSV list', `/api/commitments/export${listQuery({ filter: { q: tag } })}&format=csv`],
    ['a 360Giving package', '/api/exports/360giving.json'],
  ] as const) {
    it(`frees its database connection when the client leaves ${name} half way`, async () => {
      const pool = (app.db.client as { pool: { numUsed(): number } }).pool;
      const abort = new AbortController();
      const res = await fetch(app.url + path, { headers: { authorization: `Bearer ${admin}` }, signal: abort.signal });
      expect(res.status).to.equal(200);
      let bytes = 0;
      let held = 0;
      try {
        for await (const chunk of res.body!) {
          bytes += (chunk as Uint8Array).length;
          if (bytes > 100_000) {
            // Half way the cursor still holds its connection.
            held = pool.numUsed();
            abort.abort();
          }
        }
      } catch {
        // the download was abandoned
      }
      expect(held).to.be.at.least(1);
      const deadline = Date.now() + 5_000;
      while (pool.numUsed() > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(pool.numUsed()).to.equal(0);
      const next = await app.request('GET', `/api/commitments${listQuery({ filter: { q: tag }, range: [0, 0] })}`, { token: admin });
      expect(next.status).to.equal(200);
    });
  }
});
