// A large import file is previewed and applied by an `import` job, with its progress on the import
// record, on both queue backends (IMPORT_JOB_ROWS lowered so a small file counts as large).
import { expect } from 'chai';
import type { ImportRecord } from '../../server/contract/imports.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { adminToken, makeInitiative, makeUser } from '../support/factories.js';
import { upload } from '../support/imports.js';
import { ImportService } from '../../server/services/imports.js';
import { forEachBackend, QUIET_SCHEDULE, waitFor } from './support.js';

forEachBackend('an import as a job', (backend) => {
  let app: TestApp;
  let admin: string;

  before(async () => {
    app = await startTestApp({ ...backend.overrides, SCAN_SCHEDULE: QUIET_SCHEDULE, IMPORT_JOB_ROWS: '5' });
    await app.startWorker({ IMPORT_JOB_ROWS: '5' });
    admin = await adminToken(app.db);
  });
  after(() => app.close());

  const poll = (id: number, status: ImportRecord['status']) =>
    waitFor(`import ${id} ${status}`, async () => {
      const res = await app.request<ImportRecord>('GET', `/api/imports/${id}`, { token: admin });
      return res.body.status === status ? res.body : null;
    });

  it('previews and applies a file of more rows than IMPORT_JOB_ROWS in the background, with progress', async () => {
    const initiativeId = await makeInitiative(app.db);
    const { name } = await app.db('initiatives').where({ id: initiativeId }).first();
    const lines = Array.from({ length: 12 }, (_, i) => `"${name}";${2030 + i};"1.000,00"`);
    const res = await upload(app, admin, 'begrotingen.csv', ['Initiatief;Jaar;Begroot bedrag', ...lines].join('\n'));
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    expect(res.body).to.include({ status: 'previewing', total: 12 });
    const previewed = await poll(res.body.id, 'previewed');
    expect(previewed.counts).to.deep.equal({ create: 12, update: 0, unchanged: 0, error: 0 });
    expect(previewed.progress).to.equal(12);

    const applying = await app.request<ImportRecord>('POST', `/api/imports/${res.body.id}/apply`, { token: admin, body: {} });
    expect(applying.body.status).to.be.oneOf(['applying', 'applied']);
    const applied = await poll(res.body.id, 'applied');
    expect(applied.rows!.every((r) => r.recordId !== null)).to.equal(true);
    expect(await app.db('budgets').where({ initiative_id: initiativeId }).count<{ count: number }[]>('* as count')).to.deep.equal([{ count: 12 }]);
  });
});

describe('an import whose job the queue cannot take', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.close());

  it('is previewed and applied in the request instead', async () => {
    const down = new ImportService(app.db, app.services.crud, { queueImport: () => Promise.reject(new Error('queue away')) }, 1);
    const userId = await makeUser(app.db, 'admin');
    const actor = { userId, email: 'a@test.example', role: 'admin' as const, funderId: null, initiativeId: null };
    const initiativeId = await makeInitiative(app.db);
    const { name } = await app.db('initiatives').where({ id: initiativeId }).first();
    const csv = `Initiatief;Jaar;Begroot bedrag\n"${name}";2040;"1,00"\n"${name}";2041;"2,00"\n`;
    const previewed = await down.upload(actor, { name: 'b.csv', buffer: Buffer.from(csv) });
    expect(previewed).to.include({ status: 'previewed' });
    expect(await down.apply(actor, previewed.id, false)).to.include({ status: 'applied' });
  });
});
