// 360Giving imports (design/interop.md, "360Giving"): a package's grants become commitments with
// their funders and initiatives matched or created; what Vangnet cannot hold is a row error, never a 500.
import { expect } from 'chai';
import type { ImportRecord } from '../../server/contract/imports.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { adminToken, makeFunder } from '../support/factories.js';
import { upload } from '../support/imports.js';

const grant = (n: string, over: Record<string, unknown> = {}) => ({
  id: `360G-fonds-${n}`,
  title: `Buurtmaaltijden ${n}`,
  description: 'Voor de huur van de keuken',
  currency: 'EUR',
  amountAwarded: 12000.5,
  awardDate: '2026-11-15',
  plannedDates: [{ startDate: '2027-01-01', endDate: '2028-12-31', duration: 24 }],
  recipientOrganization: [{ id: `NL-KVK-${n}`, name: `De Gedeelde Pan ${n}`, addressLocality: 'Utrecht' }],
  fundingOrganization: [{ id: `NL-KVK-9${n.slice(1)}`, name: `Fonds ${n}`, department: 'Sociaal' }],
  grantProgramme: [{ title: 'Samen eten' }],
  beneficiaryLocation: [{ name: 'Utrecht', countryCode: 'NL', geoCode: 'GM0344' }],
  fundingType: [{ vocabulary: 'vangnet-commitment-kind', code: 'subsidy', title: 'subsidie' }],
  someFieldVangnetIgnores: { nested: [1, 2, 3] },
  ...over,
});

describe('imports: 360Giving', () => {
  let app: TestApp;
  let admin: string;
  const n = () => String(30_000_000 + Math.floor(Math.random() * 9_000_000));

  before(async () => {
    app = await startTestApp();
    admin = await adminToken(app.db);
  });
  after(() => app.close());

  it('turns each grant of a package into a commitment with its funder and initiative, and a second import changes nothing', async () => {
    const a = n();
    const past = grant(a, { id: `360G-fonds-${a}-old`, title: 'Oud', plannedDates: [{ startDate: '2020-01-01', endDate: '2020-12-31' }] });
    const file = JSON.stringify({ grants: [grant(a), past] });
    const preview = await upload(app, admin, 'grants.json', file);
    expect(preview.status, JSON.stringify(preview.body)).to.equal(201);
    expect(preview.body.kind).to.equal('360giving-json');
    expect(preview.body.rows!.map((r) => [r.sheet, r.action])).to.deep.equal([
      ['funders', 'create'],
      ['initiatives', 'create'],
      ['commitments', 'create'],
      ['commitments', 'create'],
    ]);
    const applied = await app.request<ImportRecord>('POST', `/api/imports/${preview.body.id}/apply`, { token: admin, body: {} });
    expect(applied.status, JSON.stringify(applied.body)).to.equal(200);
    const initiative = await app.db('initiatives').where({ kvk_number: a }).first();
    expect(initiative).to.include({ name: `De Gedeelde Pan ${a}`, municipality: 'Utrecht', municipality_code: 'GM0344' });
    const funder = await app.db('funders').where({ org_id: `NL-KVK-9${a.slice(1)}` }).first();
    expect(funder).to.include({ name: `Fonds ${a}`, type: 'other' });
    const commitment = await app.db('commitments').where({ reference: `360G-fonds-${a}` }).first();
    expect(commitment).to.include({
      initiative_id: initiative.id,
      funder_id: funder.id,
      kind: 'subsidy',
      status: 'committed',
      amount_cents: 1_200_050,
      programme: 'Samen eten',
      condition_note: 'Voor de huur van de keuken',
    });
    expect(await app.db('commitments').where({ reference: `360G-fonds-${a}-old` }).first()).to.include({ status: 'completed' });

    const again = await upload(app, admin, 'grants.json', file);
    expect(again.body.rows!.map((r) => r.action)).to.deep.equal(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
  });

  it('matches an existing funder by its org-id and keeps its type', async () => {
    const a = n();
    const funderId = await makeFunder(app.db, { name: `Fonds ${a}`, orgId: `NL-KVK-9${a.slice(1)}`, type: 'municipality' });
    const res = await upload(app, admin, 'grants.json', JSON.stringify({ grants: [grant(a)] }));
    expect(res.body.rows![0]).to.include({ sheet: 'funders', action: 'unchanged', recordId: funderId });
  });

  it('reads an export’s stand-in ids for a funder and a recipient without org-id or KvK number as no ids', async () => {
    const a = n();
    const exported = grant(a, {
      recipientOrganization: [{ id: `360G-vangnet-ORG:initiative-${a}`, name: `Zonder KvK ${a}`, addressLocality: 'Zeist' }],
      fundingOrganization: [{ id: `360G-vangnet-ORG:funder-${a}`, name: `Zonder org-id ${a}` }],
    });
    const first = await upload(app, admin, 'export.json', JSON.stringify({ grants: [exported] }));
    await app.request('POST', `/api/imports/${first.body.id}/apply`, { token: admin, body: {} });
    expect(await app.db('funders').where({ name: `Zonder org-id ${a}` }).first()).to.include({ org_id: null, type: 'other' });
    expect(await app.db('initiatives').where({ name: `Zonder KvK ${a}` }).first()).to.include({ kvk_number: null, municipality: 'Zeist' });
    const again = await upload(app, admin, 'export.json', JSON.stringify({ grants: [exported] }));
    expect(again.body.rows!.map((r) => r.action)).to.deep.equal(['unchanged', 'unchanged', 'unchanged']);
  });

  it('reads a planned period given as a start and a duration in months', async () => {
    const a = n();
    const res = await upload(app, admin, 'grants.json', JSON.stringify({ grants: [grant(a, { plannedDates: [{ startDate: '2027-03-01', duration: 12 }] })] }));
    expect(res.body.counts).to.deep.include({ create: 3, error: 0 });
    await app.request('POST', `/api/imports/${res.body.id}/apply`, { token: admin, body: {} });
    expect(await app.db('commitments').where({ reference: `360G-fonds-${a}` }).first()).to.include({ start_date: '2027-03-01', end_date: '2028-02-29' });
  });

  it('gives row errors for a foreign currency, an individual, missing dates and a malformed grant', async () => {
    const a = n();
    const res = await upload(
      app,
      admin,
      'grants.json',
      JSON.stringify({
        grants: [
          grant(a, { currency: 'GBP' }),
          grant(a, { id: 'x2', recipientOrganization: undefined, recipientIndividual: { id: 'ind-1', name: 'A. Person' } }),
          grant(a, { id: 'x3', plannedDates: [] }),
          'not a grant',
          grant(a, { id: 'x5', amountAwarded: 'lots' }),
          grant(a, { id: 'x6', awardDate: '2026-02-30' }),
        ],
      }),
    );
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    const errors = res.body.rows!.filter((r) => r.action === 'error').map((r) => [r.row, r.errors.map((e) => `${e.column}:${e.code}`)]);
    expect(errors).to.deep.equal([
      [1, ['currency:import.currency']],
      [2, ['recipientIndividual:import.individual']],
      [3, ['plannedDates.startDate:field.required', 'plannedDates.endDate:field.required']],
      [4, ['grant:field.json_object']],
      [5, ['amountAwarded:import.euros']],
      [6, ['awardDate:field.calendar_date']],
    ]);
  });

  it('reads the flat CSV form', async () => {
    const a = n();
    const csv = [
      'Identifier,Title,Currency,Amount Awarded,Award Date,Planned Dates:Start Date,Planned Dates:End Date,Recipient Org:Identifier,Recipient Org:Name,Recipient Org:City,Funding Org:Identifier,Funding Org:Name,Extra',
      `360G-csv-${a},Taalcoaching,EUR,5000,2026-10-01,2027-01-01,2027-12-31,NL-KVK-${a},Taalhuis ${a},Amersfoort,,Fonds csv ${a},whatever`,
      `360G-csv-${a}-2,Taalcoaching,USD,5000,2026-10-01,2027-01-01,2027-12-31,NL-KVK-${a},Taalhuis ${a},Amersfoort,,Fonds csv ${a},`,
    ].join('\n');
    const res = await upload(app, admin, 'grants.csv', csv);
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    expect(res.body.kind).to.equal('360giving-csv');
    expect(res.body.rows!.map((r) => [r.sheet, r.action])).to.deep.equal([
      ['funders', 'create'],
      ['initiatives', 'create'],
      ['commitments', 'create'],
      ['commitments', 'error'],
    ]);
  });

  it('never answers a 5xx for odd real-world files', async () => {
    const odd = [
      '{"grants": {}}',
      '[]',
      '{"grants": [null, 1, [], {"currency": "EUR"}]}',
      JSON.stringify({ grants: [grant(n(), { plannedDates: 'soon', recipientOrganization: 'X', fundingOrganization: [{ name: 42 }], amountAwarded: -5 })] }),
      JSON.stringify({ grants: [grant(n(), { title: 'x'.repeat(10_000), recipientOrganization: [{ name: 'Nul\u0000tekst', addressLocality: null }] })] }),
    ];
    for (const body of odd) {
      const res = await upload(app, admin, 'odd.json', body);
      expect(res.status, body.slice(0, 80)).to.be.oneOf([201, 400]);
    }
  });
});
