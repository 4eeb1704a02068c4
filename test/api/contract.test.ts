// The contract (server/contract/) against what really is: each stored field is a column of its
// resource's table, named after the field, and each resource answers records of exactly the
// contract's shape.
import { expect } from 'chai';
import { RESOURCE_CONTRACTS } from '../../server/contract/index.js';
import { columnOf, toColumns } from '../../server/contract/resource.js';
import { RESOURCES } from '../../server/resources/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { adminToken, makeBudget, makeCommitment, makeFunder, makeIndicator, makeInitiative, makeObligation, makeReport, makeReportFile, makeTranche } from '../support/factories.js';

describe('contract: the resources as the database stores and the API answers them', () => {
  let app: TestApp;
  let admin: string;

  before(async () => {
    app = await startTestApp();
    admin = await adminToken(app.db);
    // One record of every resource: the writable ones through the factories (and one through the
    // API, for an audit event), a gap and a scan as the scan would write them.
    const initiativeId = await makeInitiative(app.db);
    await makeBudget(app.db, initiativeId);
    const commitmentId = await makeCommitment(app.db, initiativeId, await makeFunder(app.db));
    await makeTranche(app.db, commitmentId);
    await makeReportFile(app.db, await makeReport(app.db, initiativeId, [await makeObligation(app.db, commitmentId)]));
    await app.db('indicator_values').insert({ indicator_id: await makeIndicator(app.db, initiativeId, { targets: { '2027': 100 } }), year: 2027, value: 87.5 });
    const created = async (path: string, body: object) => {
      const res = await app.request<{ id: number }>('POST', path, { token: admin, body });
      expect(res.status, `${path}: ${JSON.stringify(res.body)}`).to.equal(201);
      return res.body.id;
    };
    const funderId = await created('/api/funders', { name: 'Fonds Contract', type: 'foundation' });
    await created('/api/scenarios', { initiativeId, name: 'Plan B', changes: { include: [], exclude: [], add: [], budgets: [] } });
    const roundId = await created('/api/cofinancing-rounds', { initiativeId, title: 'Ronde contract', periodStart: '2027-01-01', periodEnd: '2027-12-31', targetCents: 1_000_000 });
    await created('/api/pledges', { roundId, funderId, amountCents: 500_000 });
    await app.db('simulations').insert({ rule: 'extend_short_term', params: JSON.stringify({ funderTypes: ['municipality'], toMonths: 36 }), as_of: '2027-01-01' });
    await app.db('gaps').insert(toColumns({ initiativeId, kind: 'shortfall', periodStart: '2027-01-01', periodEnd: '2027-03-31', shortfallCents: 10_000, severity: 'high', details: {} }));
    await app.db('scans').insert(toColumns({ trigger: 'manual', asOf: '2027-01-01' }));
    const [webhook] = await app.db('webhooks').insert({ url: 'https://hooks.example.org/contract', secret: 'whsec_contract', active: false }).returning<{ id: number }[]>('id');
    const payload = { id: 'evt_test_contract', type: 'webhook.test', createdAt: '2026-11-30T12:00:00.000Z', data: {} };
    await app.db('webhook_deliveries').insert({ webhook_id: webhook!.id, event_type: 'webhook.test', payload });
    await app.db('outbound_emails').insert({ ...toColumns({ to: 'contract@test.example', subject: 'Contract', html: '<p>Contract</p>', text: 'Contract', status: 'not_sent', period: 'daily:2027-01-01' }), headers: JSON.stringify({ 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }) });
  });

  after(async () => {
    await app.close();
  });

  it('stores every field of every resource in the column named after it, and computes exactly the computed ones', async () => {
    const rows = await app.db('information_schema.columns').where({ table_schema: 'public' }).select<{ table_name: string; column_name: string }[]>('table_name', 'column_name');
    for (const contract of RESOURCE_CONTRACTS) {
      const table = RESOURCES[contract.name]!.table;
      const columns = rows.filter((r) => r.table_name === table).map((r) => r.column_name);
      expect(columns, table).to.not.be.empty;
      for (const [name, field] of Object.entries(contract.fields)) {
        if (field.computed) expect(columns, `${contract.name}.${name} is computed`).to.not.include(columnOf(name));
        else expect(columns, `${contract.name}.${name}`).to.include(columnOf(name));
      }
    }
  });

  it("answers every resource's records, listed and one by one, in exactly its contract's record shape", async () => {
    for (const contract of RESOURCE_CONTRACTS) {
      const list = await app.request<{ id: number }[]>('GET', `/api/${contract.name}?range=[0,49]`, { token: admin });
      expect(list.status, contract.name).to.equal(200);
      expect(list.body, contract.name).to.not.be.empty;
      const one = await app.request('GET', `/api/${contract.name}/${list.body[0]!.id}`, { token: admin });
      for (const record of [...list.body, one.body]) {
        const parsed = contract.record.strict().safeParse(record);
        expect(parsed.success, `${contract.name}: ${JSON.stringify(parsed.error?.issues.slice(0, 3))}`).to.equal(true);
      }
    }
  });
});
