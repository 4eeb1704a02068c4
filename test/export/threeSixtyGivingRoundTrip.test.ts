// 360Giving's round trip (issue 15): a package exported here, imported into an empty Vangnet and
// exported there gives the same grants. The grants' organisations carry real identifiers (a
// funder's org-id, an initiative's KvK number), which another installation can know; the grant
// ids travel as the commitments' references. What Vangnet cannot take in is left out of the
// comparison and said in README "360Giving": `dateModified` (each installation's own last
// change) and the disbursements (a tranche needs a period, a 360Giving disbursement has a day).
import { expect } from 'chai';
import pg from 'pg';
import { createDb, ensureDatabase, migrateLatest } from '../../server/data/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { TEST_DATABASE_URL } from '../support/env.js';
import { adminToken, makeCommitment, makeFunder, makeInitiative, makeTranche } from '../support/factories.js';
import { upload } from '../support/imports.js';
import { download } from './support.js';

interface Package {
  grants: Record<string, unknown>[];
}

const RANGE = 'from=2107-01-01&to=2109-12-31';

/** A database of its own beside the run's, created empty (dropped first if a run left it). */
async function emptyDatabase(): Promise<string> {
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `${url.pathname}_roundtrip`;
  const admin = new URL(TEST_DATABASE_URL);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${decodeURIComponent(url.pathname.slice(1))}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
  await ensureDatabase(url.toString());
  const db = createDb(url.toString(), 2);
  try {
    await migrateLatest(db);
  } finally {
    await db.destroy();
  }
  return url.toString();
}

describe('exports: 360Giving round trip (export, import into an empty database, export)', () => {
  let source: TestApp;
  let target: TestApp;
  const unique = String(Date.now()).slice(-7);
  const orgIds = [`NL-KVK-9${unique}`, `NL-OWMS-rt${unique}`];

  before(async () => {
    source = await startTestApp();
    target = await startTestApp({ DATABASE_URL: await emptyDatabase() });
    const fonds = await makeFunder(source.db, { name: `Fonds Rondgang ${unique}`, type: 'foundation', orgId: orgIds[0] });
    const gemeente = await makeFunder(source.db, { name: `Gemeente Rondgang ${unique}`, type: 'municipality', orgId: orgIds[1] });
    const kamer = await makeInitiative(source.db, { name: `Buurtkamer ${unique}`, municipality: 'Zwolle', municipalityCode: 'GM0193', kvkNumber: `8${unique}` });
    const tuin = await makeInitiative(source.db, { name: `Moestuin ${unique}`, municipality: 'Deventer', kvkNumber: `7${unique}` });
    const grant = await makeCommitment(source.db, kamer, fonds, {
      title: 'Werkbijdrage',
      kind: 'grant',
      status: 'committed',
      programme: 'Meedoen',
      conditionNote: 'Jaarlijks een verslag',
      decisionDate: '2106-11-15',
      startDate: '2107-01-01',
      endDate: '2108-12-31',
      amountCents: 123_456_78,
    });
    await makeTranche(source.db, grant, { periodStart: '2107-01-01', periodEnd: '2107-12-31', amountCents: 60_000_00, status: 'planned' });
    await makeCommitment(source.db, kamer, gemeente, { title: 'Subsidie 2107', kind: 'subsidy', status: 'committed', startDate: '2107-01-01', endDate: '2107-12-31', amountCents: 24_000_00 });
    await makeCommitment(source.db, tuin, gemeente, { title: 'Subsidie tuin', kind: 'subsidy', status: 'completed', startDate: '2108-03-15', endDate: '2109-03-14', amountCents: 9_999_99 });
  });

  after(async () => {
    await source?.close();
    await target?.close();
  });

  /** The grants of this test's funders in an installation's export, by id, without `dateModified`. */
  async function exported(app: TestApp): Promise<Record<string, unknown>[]> {
    const res = await download(app, `/api/exports/360giving.json?${RANGE}`, await adminToken(app.db));
    expect(res.status).to.equal(200);
    const pkg = JSON.parse(res.body.toString('utf8')) as Package;
    return pkg.grants
      .filter((g) => orgIds.includes(((g.fundingOrganization as { id: string }[])[0] ?? { id: '' }).id))
      .map(({ dateModified: _, ...grant }) => grant)
      .sort((a, b) => String(a.id).localeCompare(String(b.id)));
  }

  it('gives the same grants back', async () => {
    const first = await exported(source);
    expect(first).to.have.length(3);
    const pkg = { grants: first };

    const admin = await adminToken(target.db);
    const uploaded = await upload(target, admin, 'rondgang.json', JSON.stringify(pkg));
    expect(uploaded.status, JSON.stringify(uploaded.body)).to.equal(201);
    expect(uploaded.body.counts).to.include({ error: 0 });
    const applied = await target.request<{ status: string }>('POST', `/api/imports/${uploaded.body.id}/apply`, { token: admin, body: {} });
    expect(applied.status, JSON.stringify(applied.body)).to.equal(200);
    expect(applied.body.status).to.equal('applied');

    expect(await exported(target)).to.deep.equal(first);
  });

  it('keeps the grant ids when the same package is exported, imported and exported once more', async () => {
    const again = await exported(target);
    const admin = await adminToken(target.db);
    const uploaded = await upload(target, admin, 'rondgang-2.json', JSON.stringify({ grants: again }));
    expect(uploaded.body.counts).to.include({ error: 0, create: 0 });
    expect(await exported(target)).to.deep.equal(again);
  });
});
