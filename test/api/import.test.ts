// Spreadsheet imports (README "Import"): a workbook made here with exceljs, as a person fills in
// the template (Dutch headers, Dutch amounts, Excel date cells, labels), previewed, applied through
// the API's rules and access, and imported again.
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import type { ImportRecord, PreviewRow } from '../../server/contract/imports.js';
import { DUTCH_LABELS, importRecordSchema } from '../../server/contract/imports.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { adminToken, makeCommitment, makeFunder, makeInitiative, makeTranche, makeUser, tokenFor } from '../support/factories.js';
import { upload, workbook, type Sheet } from '../support/imports.js';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const actions = (rows: PreviewRow[] | null) => (rows ?? []).map((r) => `${r.sheet}:${r.action}`);

function portfolioFile(unique: string, over: { amount?: string; reserves?: string } = {}): Sheet[] {
  return [
    { name: 'Financiers', header: ['Naam', 'Soort', 'Org-id', 'Financiert hoogstens (jaren)'], rows: [[`Fonds ${unique}`, 'fonds', null, 3], [`Gemeente ${unique}`, 'gemeente', `NL-OWMS-${unique}`, null]] },
    {
      name: 'Initiatieven',
      header: ['naam', 'KVK-NUMMER', 'Opgericht op', 'Gemeente', 'Domeinen', 'Reserves', 'Gedeeld met alle financiers', 'Status'],
      rows: [[`Pan ${unique}`, unique, day('2021-03-01'), 'Utrecht', 'welzijn, voedsel', over.reserves ?? '1.234,56', 'ja', 'actief']],
    },
    { name: 'Begrotingen', header: ['Initiatief', 'Jaar', 'Begroot bedrag'], rows: [[unique, 2027, '€ 24.000']] },
    {
      name: 'Toezeggingen',
      header: ['Initiatief', 'Financier', 'Titel', 'Kenmerk', 'Soort', 'Status', 'Begindatum', 'Einddatum', 'Bedrag', 'Verlengbaar'],
      rows: [
        [`Pan ${unique}`, `Fonds ${unique}`, 'Werkbijdrage', `FB-${unique}`, 'fondsbijdrage', 'toegezegd', day('2027-01-01'), day('2027-12-31'), over.amount ?? '12.000,50', 'nee'],
        [unique, `NL-OWMS-${unique}`, 'Subsidie 2027', null, 'subsidie', 'aangevraagd', '01-01-2027', '31/12/2027', 6000, 'ja'],
      ],
    },
    { name: 'Tranches', header: ['Toezegging', 'Periode van', 'Periode tot en met', 'Bedrag', 'Status'], rows: [[`FB-${unique}`, day('2027-01-01'), day('2027-06-30'), '6.000,25', 'ontvangen']] },
  ];
}

describe('imports: spreadsheets', () => {
  let app: TestApp;
  let admin: string;
  let seq = 0;
  const kvk = () => String(40_000_000 + Math.floor(Math.random() * 9_000_000) + ++seq);

  before(async () => {
    app = await startTestApp();
    admin = await adminToken(app.db);
  });
  after(() => app.close());

  it('offers in the template’s drop-downs the console’s Dutch labels', async () => {
    const language = 'nl';
    const { vangnetNl } = (await import(`../../admin/src/i18n/${language}.ts`)) as { vangnetNl: { vangnet: { enum: Record<string, unknown> } } };
    for (const [set, labels] of Object.entries(DUTCH_LABELS)) expect(vangnetNl.vangnet.enum[set], set).to.deep.equal(labels);
  });

  it('serves the template workbook with its sheets, Dutch headers, an example row and drop-downs', async () => {
    const res = await fetch(`${app.url}/api/imports/template.xlsx`, { headers: { authorization: `Bearer ${admin}` } });
    expect(res.status).to.equal(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).to.include.members(['Uitleg', 'Financiers', 'Initiatieven', 'Begrotingen', 'Toezeggingen', 'Tranches']);
    const commitments = wb.getWorksheet('Toezeggingen')!;
    expect(commitments.getRow(1).getCell(1).value).to.equal('Initiatief');
    expect(commitments.getRow(2).getCell(1).value).to.equal('De Gedeelde Pan');
    expect(JSON.stringify(commitments.model)).to.include('Lijsten!');
    const uitleg = wb.getWorksheet('Uitleg')!;
    const kind = uitleg.getRows(1, uitleg.rowCount)!.find((r) => r.getCell(1).value === 'Toezeggingen' && r.getCell(3).value === 'kind')!;
    expect(kind.getCell(2).value).to.equal('Soort');
    expect(String(kind.getCell(5).value)).to.include('fondsbijdrage');
    // The template as it comes imports cleanly: its example rows refer to each other.
    const again = await upload(app, admin, 'template.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(again.status, JSON.stringify(again.body)).to.equal(201);
    expect(again.body.counts!.error, JSON.stringify(again.body.rows?.filter((r) => r.errors.length))).to.equal(0);
  });

  it('imports a workbook as typed, stores every record, and a second import changes nothing', async () => {
    const unique = kvk();
    const file = await workbook([...portfolioFile(unique), { name: 'Notities', header: ['iets'], rows: [['anders']] }]);
    const preview = await upload(app, admin, 'portefeuille.xlsx', file);
    expect(preview.status, JSON.stringify(preview.body)).to.equal(201);
    expect(preview.body.status).to.equal('previewed');
    expect(actions(preview.body.rows)).to.deep.equal(['funders:create', 'funders:create', 'initiatives:create', 'budgets:create', 'commitments:create', 'commitments:create', 'tranches:create']);
    expect(await app.db('initiatives').where({ kvk_number: unique }).first()).to.equal(undefined);
    expect(preview.body.warnings.map((w) => [w.sheet, w.code])).to.deep.equal([['Notities', 'import.unknown_sheet']]);

    const applied = await app.request<ImportRecord>('POST', `/api/imports/${preview.body.id}/apply`, { token: admin, body: {} });
    expect(applied.status, JSON.stringify(applied.body)).to.equal(200);
    expect(applied.body.status).to.equal('applied');
    expect(applied.body.rows!.every((r) => r.recordId !== null)).to.equal(true);

    const initiative = await app.db('initiatives').where({ kvk_number: unique }).first();
    expect(initiative).to.include({ name: `Pan ${unique}`, municipality: 'Utrecht', reserves_cents: 123456, shared_with_funders: true, status: 'active' });
    expect(initiative.domains).to.have.members(['welfare', 'food']);
    const fund = await app.db('funders').where({ name: `Fonds ${unique}` }).first();
    expect(fund).to.include({ type: 'foundation', max_funding_years: 3, org_id: null });
    const gemeente = await app.db('funders').where({ org_id: `NL-OWMS-${unique}` }).first();
    expect(gemeente).to.include({ type: 'municipality' });
    const budget = await app.db('budgets').where({ initiative_id: initiative.id }).first();
    expect(budget).to.include({ year: 2027, amount_cents: 2_400_000 });
    const commitments = await app.db('commitments').where({ initiative_id: initiative.id }).orderBy('amount_cents', 'desc');
    expect(commitments.map((c: { amount_cents: number; kind: string; status: string; funder_id: number; renewable: boolean }) => [c.amount_cents, c.kind, c.status, c.funder_id, c.renewable])).to.deep.equal([
      [1_200_050, 'grant', 'committed', fund.id, false],
      [600_000, 'subsidy', 'requested', gemeente.id, true],
    ]);
    const tranche = await app.db('tranches').where({ commitment_id: commitments[0].id }).first();
    expect(tranche).to.include({ amount_cents: 600_025, status: 'received' });

    // The figures follow: the commitment shows its received tranche.
    const c = await app.request<{ receivedCents: number; remainingCents: number }>('GET', `/api/commitments/${commitments[0].id}`, { token: admin });
    expect(c.body).to.include({ receivedCents: 600_025, remainingCents: 1_200_050 - 600_025 });
    const coverage = await app.request<{ years: { year: number; needCents: number; committedCents: number; pipelineCents: number }[] }>(
      'GET',
      `/api/initiatives/${initiative.id}/coverage?from=2027&years=1`,
      { token: admin },
    );
    // A commitment with tranches funds through its tranches (README "Funding timing"): the received one here.
    expect(coverage.body.years[0]).to.include({ year: 2027, needCents: 2_400_000, committedCents: 600_025, pipelineCents: 1_200_025 });
    expect(applied.body.result!.created).to.deep.equal({
      funders: [fund.id, gemeente.id],
      initiatives: [initiative.id],
      budgets: [budget.id],
      commitments: [commitments[0].id, commitments[1].id],
      tranches: [tranche.id],
    });
    // Through the API's audit trail and rescan outbox.
    expect(await app.db('audit_events').where({ resource: 'initiatives', record_id: String(initiative.id), action: 'create' }).first()).to.not.equal(undefined);
    expect(await app.db('audit_events').where({ resource: 'tranches', record_id: String(tranche.id), action: 'create' }).first()).to.not.equal(undefined);
    expect(await app.db('rescan_outbox').where({ initiative_id: initiative.id }).first()).to.not.equal(undefined);
    // The answers fit the contract's import record (and so the OpenAPI document).
    importRecordSchema.parse(preview.body);
    importRecordSchema.parse(applied.body);

    const second = await upload(app, admin, 'portefeuille.xlsx', file);
    expect(actions(second.body.rows).every((a) => a.endsWith(':unchanged')), JSON.stringify(second.body.rows)).to.equal(true);
  });

  it('finds a funder the file renames (matched by its org-id) under its new name in the other sheets', async () => {
    const unique = kvk();
    const funder = await makeFunder(app.db, { name: `Oude naam ${unique}`, type: 'foundation', orgId: `NL-KVK-${unique}` });
    const initiative = await makeInitiative(app.db, { name: `Hernoemd ${unique}`, kvkNumber: unique });
    const file = await workbook([
      { name: 'Financiers', header: ['Naam', 'Soort', 'Org-id'], rows: [[`Nieuwe naam ${unique}`, 'fonds', `NL-KVK-${unique}`]] },
      {
        name: 'Toezeggingen',
        header: ['Initiatief', 'Financier', 'Titel', 'Soort', 'Status', 'Begindatum', 'Einddatum', 'Bedrag'],
        rows: [[unique, `Nieuwe naam ${unique}`, 'Bijdrage', 'fondsbijdrage', 'toegezegd', '01-01-2027', '31-12-2027', '5.000']],
      },
    ]);
    const preview = await upload(app, admin, 'hernoemd.xlsx', file);
    expect(preview.status, JSON.stringify(preview.body)).to.equal(201);
    expect(actions(preview.body.rows), JSON.stringify(preview.body.rows)).to.deep.equal(['funders:update', 'commitments:create']);
    const applied = await app.request<ImportRecord>('POST', `/api/imports/${preview.body.id}/apply`, { token: admin, body: {} });
    expect(applied.status, JSON.stringify(applied.body)).to.equal(200);
    expect(await app.db('funders').where({ id: funder }).first()).to.include({ name: `Nieuwe naam ${unique}` });
    expect(await app.db('commitments').where({ initiative_id: initiative }).first()).to.include({ funder_id: funder, amount_cents: 500_000 });
  });

  it('updates exactly what a corrected file changes', async () => {
    const unique = kvk();
    const first = await upload(app, admin, 'a.xlsx', await workbook(portfolioFile(unique)));
    await app.request('POST', `/api/imports/${first.body.id}/apply`, { token: admin, body: {} });
    const corrected = await upload(app, admin, 'b.xlsx', await workbook(portfolioFile(unique, { amount: '13.000', reserves: '1.234,56' })));
    const changed = corrected.body.rows!.filter((r) => r.action !== 'unchanged');
    expect(changed.map((r) => [r.sheet, r.action, r.changes])).to.deep.equal([['commitments', 'update', { amountCents: { from: 1_200_050, to: 1_300_000 } }]]);
    const applied = await app.request<ImportRecord>('POST', `/api/imports/${corrected.body.id}/apply`, { token: admin, body: {} });
    expect(applied.body.status).to.equal('applied');
    expect(await app.db('commitments').where({ reference: `FB-${unique}` }).first()).to.include({ amount_cents: 1_300_000, version: 2 });
    const again = await app.request<{ code: string }>('POST', `/api/imports/${corrected.body.id}/apply`, { token: admin, body: {} });
    expect(again.status).to.equal(409);
    expect(again.body.code).to.equal('import.not_appliable');
  });

  it('previews 3 bad rows with their columns and applies nothing, or only the good rows with skipErrors', async () => {
    const unique = kvk();
    const sheets = portfolioFile(unique);
    sheets[3]!.rows.push(
      [unique, `Fonds ${unique}`, 'Kapot bedrag', null, 'subsidie', 'toegezegd', '01-01-2027', '31-12-2027', 'veel geld', 'nee'],
      [unique, `Fonds ${unique}`, 'Kapotte datum', null, 'subsidie', 'toegezegd', '31-02-2027', '31-12-2027', '100', 'nee'],
      [unique, `Fonds ${unique}`, 'Kapotte soort', null, 'cadeau', 'toegezegd', '01-01-2027', '31-12-2027', '100', 'nee'],
    );
    const preview = await upload(app, admin, 'fouten.xlsx', await workbook(sheets));
    const errors = preview.body.rows!.filter((r) => r.action === 'error');
    expect(errors.map((r) => [r.row, r.errors.map((e) => [e.column, e.code])])).to.deep.equal([
      [4, [['Bedrag', 'import.euros']]],
      [5, [['Begindatum', 'field.calendar_date']]],
      [6, [['Soort', 'import.label']]],
    ]);
    const refused = await app.request<{ code: string }>('POST', `/api/imports/${preview.body.id}/apply`, { token: admin, body: {} });
    expect(refused.status).to.equal(422);
    expect(refused.body.code).to.equal('import.has_errors');
    expect(await app.db('initiatives').where({ kvk_number: unique }).first()).to.equal(undefined);

    const applied = await app.request<ImportRecord>('POST', `/api/imports/${preview.body.id}/apply`, { token: admin, body: { skipErrors: true } });
    expect(applied.body.status).to.equal('applied');
    const initiative = await app.db('initiatives').where({ kvk_number: unique }).first();
    expect(await app.db('commitments').where({ initiative_id: initiative.id }).count<{ count: string }[]>('* as count')).to.deep.equal([{ count: 2 }]);
  });

  it('reads a Dutch CSV (";", BOM, header row decides the sheet) and a comma CSV named by its sheet field', async () => {
    const initiativeId = await makeInitiative(app.db, { kvkNumber: kvk() });
    const { kvk_number: number } = await app.db('initiatives').where({ id: initiativeId }).first();
    const dutch = `\uFEFFInitiatief;Jaar;Begroot bedrag;Opmerking\r\n\r\n${number};2028;"1.234,56";x\r\n`;
    const res = await upload(app, admin, 'begroting.csv', dutch);
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    // Rows are numbered as the file's lines, an empty line counted.
    expect(res.body.rows!.map((r) => [r.sheet, r.row, r.action])).to.deep.equal([['budgets', 3, 'create']]);
    expect(res.body.warnings.map((w) => [w.column, w.code])).to.deep.equal([['Opmerking', 'import.unknown_column']]);
    const english = await upload(app, admin, 'budget.csv', `initiative,year,amount\n${number},2029,1234.56\n`, 'Budgets');
    expect(english.body.rows!.map((r) => r.action)).to.deep.equal(['create']);
  });

  it('gives a funder a row error worded as not found for an initiative it may not see, and refuses sheets it may not import', async () => {
    const funderId = await makeFunder(app.db);
    const funder = await tokenFor(app.db, await makeUser(app.db, 'funder', { funderId }));
    const hidden = await makeInitiative(app.db, { kvkNumber: kvk() });
    const { kvk_number: hiddenKvk } = await app.db('initiatives').where({ id: hidden }).first();
    const seen = await makeInitiative(app.db, { kvkNumber: kvk(), sharedWithFunders: true });
    const { kvk_number: seenKvk } = await app.db('initiatives').where({ id: seen }).first();
    const file = await workbook([
      { name: 'Financiers', header: ['Naam', 'Soort'], rows: [['Nieuw fonds', 'fonds']] },
      {
        name: 'Toezeggingen',
        header: ['Initiatief', 'Titel', 'Soort', 'Status', 'Begindatum', 'Einddatum', 'Bedrag'],
        rows: [
          [hiddenKvk, 'Verborgen', 'subsidie', 'toegezegd', '01-01-2027', '31-12-2027', '100'],
          [seenKvk, 'Zichtbaar', 'subsidie', 'toegezegd', '01-01-2027', '31-12-2027', '100'],
        ],
      },
    ]);
    const res = await upload(app, funder, 'f.xlsx', file);
    expect(res.body.rows!.map((r) => [r.sheet, r.action, r.errors.map((e) => `${e.column}:${e.code}`)])).to.deep.equal([
      ['funders', 'error', ['row:import.sheet_not_allowed']],
      ['commitments', 'error', ['Initiatief:import.not_found']],
      ['commitments', 'create', []],
    ]);
    const applied = await app.request<ImportRecord>('POST', `/api/imports/${res.body.id}/apply`, { token: funder, body: { skipErrors: true } });
    expect(applied.body.status).to.equal('applied');
    expect(await app.db('commitments').where({ initiative_id: seen, funder_id: funderId }).first()).to.include({ title: 'Zichtbaar' });
    expect(await app.db('commitments').where({ initiative_id: hidden }).first()).to.equal(undefined);
    // Imports are the importer's own.
    const other = await app.request('GET', `/api/imports/${res.body.id}`, { token: await tokenFor(app.db, await makeUser(app.db, 'funder', { funderId })) });
    expect(other.status).to.equal(404);
  });

  it('lets an initiative import its own budgets with the initiative left out, and nobody else\'s', async () => {
    const own = await makeInitiative(app.db);
    const other = await makeInitiative(app.db, { kvkNumber: kvk() });
    const { kvk_number: otherKvk } = await app.db('initiatives').where({ id: other }).first();
    const token = await tokenFor(app.db, await makeUser(app.db, 'initiative', { initiativeId: own }));
    const res = await upload(app, token, 'b.csv', `Initiatief;Jaar;Begroot bedrag\n;2031;"5.000"\n${otherKvk};2031;"5.000"\n`);
    expect(res.body.rows!.map((r) => [r.action, r.errors.map((e) => `${e.column}:${e.code}`)])).to.deep.equal([
      ['create', []],
      ['error', ['Initiatief:import.not_found']],
    ]);
    await app.request('POST', `/api/imports/${res.body.id}/apply`, { token, body: { skipErrors: true } });
    expect(await app.db('budgets').where({ initiative_id: own, year: 2031 }).first()).to.include({ amount_cents: 500_000 });
    expect(await app.db('budgets').where({ initiative_id: other }).first()).to.equal(undefined);
  });

  it('refuses a funder the tranches of a co-funder\'s commitment it can see', async () => {
    const initiativeId = await makeInitiative(app.db);
    const funderId = await makeFunder(app.db);
    const coFunderId = await makeFunder(app.db);
    await makeCommitment(app.db, initiativeId, funderId, { reference: `OWN-${initiativeId}` });
    await makeCommitment(app.db, initiativeId, coFunderId, { reference: `CO-${initiativeId}` });
    const token = await tokenFor(app.db, await makeUser(app.db, 'funder', { funderId }));
    const res = await upload(app, token, 't.csv', `Toezegging;Periode van;Periode tot en met;Bedrag\nOWN-${initiativeId};2027-01-01;2027-03-31;100\nCO-${initiativeId};2027-01-01;2027-03-31;100\n`);
    expect(res.body.rows!.map((r) => [r.action, r.errors.map((e) => `${e.column}:${e.code}`)])).to.deep.equal([
      ['create', []],
      ['error', ['Toezegging:access.own_funder']],
    ]);
  });

  it('previews the tranche rules against its commitment, stored or in the same file', async () => {
    const initiativeId = await makeInitiative(app.db);
    const funderId = await makeFunder(app.db);
    await makeCommitment(app.db, initiativeId, funderId, { reference: `R-${initiativeId}`, amountCents: 10_000 });
    const { name } = await app.db('funders').where({ id: funderId }).first();
    const file = await workbook([
      { name: 'Toezeggingen', header: ['Initiatief', 'Financier', 'Titel', 'Kenmerk', 'Soort', 'Status', 'Begindatum', 'Einddatum', 'Bedrag'], rows: [[(await app.db('initiatives').where({ id: initiativeId }).first()).name, name, 'Nieuw', `N-${initiativeId}`, 'subsidie', 'toegezegd', '01-01-2028', '31-12-2028', '300']] },
      {
        name: 'Tranches',
        header: ['Toezegging', 'Financier', 'Periode van', 'Periode tot en met', 'Bedrag'],
        rows: [
          [`R-${initiativeId}`, name, '01-01-2027', '31-03-2027', '60'],
          [`R-${initiativeId}`, name, '01-04-2027', '30-06-2027', '60'],
          [`N-${initiativeId}`, name, '01-01-2028', '31-03-2029', '100'],
          [`N-${initiativeId}`, name, '01-04-2028', '30-06-2028', '400'],
        ],
      },
    ]);
    const res = await upload(app, admin, 't.xlsx', file);
    expect(res.body.rows!.filter((r) => r.sheet === 'tranches').map((r) => [r.row, r.action, r.errors.map((e) => `${e.column}:${e.code}`)])).to.deep.equal([
      [2, 'create', []],
      [3, 'error', ['Bedrag:tranche.exceeds_commitment']],
      [4, 'error', ['Periode tot en met:tranche.ends_after_commitment']],
      [5, 'error', ['Bedrag:tranche.exceeds_commitment']],
    ]);
    expect(res.body.rows![2]!.errors[0]!.params).to.deep.equal({ availableCents: 4_000, scheduledCents: 6_000, amountCents: 10_000 });
  });

  it('refuses a rule broken at apply time as a whole, naming the sheet and row, and writes nothing', async () => {
    const initiativeId = await makeInitiative(app.db);
    const funderId = await makeFunder(app.db);
    const commitmentId = await makeCommitment(app.db, initiativeId, funderId, { reference: `L-${initiativeId}`, amountCents: 10_000 });
    await makeTranche(app.db, commitmentId, { amountCents: 6_000 });
    const { name } = await app.db('funders').where({ id: funderId }).first();
    const { name: initiative } = await app.db('initiatives').where({ id: initiativeId }).first();
    // Lowering the amount below the tranches already scheduled is the commitment's own rule, checked when applying.
    const file = await workbook([{ name: 'Toezeggingen', header: ['Initiatief', 'Financier', 'Kenmerk', 'Bedrag'], rows: [[initiative, name, `L-${initiativeId}`, '50']] }]);
    const res = await upload(app, admin, 'c.xlsx', file);
    expect(res.body.counts).to.deep.include({ update: 1, error: 0 });
    const applied = await app.request<{ code: string; message: string; codes: Record<string, { code: string }> }>('POST', `/api/imports/${res.body.id}/apply`, { token: admin, body: {} });
    expect(applied.status).to.equal(422);
    expect(applied.body.codes.amountCents!.code).to.equal('commitment.below_scheduled');
    expect(applied.body.message).to.match(/^Toezeggingen, row 2/);
    const after = (await app.request<ImportRecord>('GET', `/api/imports/${res.body.id}`, { token: admin })).body;
    expect(after.status).to.equal('previewed');
    expect(after.error).to.match(/^Toezeggingen, row 2/);
    expect(await app.db('commitments').where({ id: commitmentId }).first()).to.include({ amount_cents: 10_000, version: 1 });
  });

  it('refuses a file over 20 MB, a zip bomb disguised as xlsx, and files it cannot read, with 4xx', async () => {
    const big = await upload(app, admin, 'big.csv', Buffer.alloc(21 * 1024 * 1024, 'a'));
    expect(big.status).to.equal(413);
    expect(big.body.codes!.file!.code).to.equal('import.file_too_large');

    // A zip whose directory declares 4 GB of content, named .xlsx.
    const bomb = await zipDeclaring(4_000_000_000);
    const refused = await upload(app, admin, 'bom.xlsx', bomb);
    expect(refused.status).to.equal(400);
    expect(refused.body.codes!.file!.code).to.equal('import.zip_bomb');

    for (const [name, content] of [
      ['kapot.xlsx', 'not a zip at all'],
      ['leeg.csv', ''],
      ['foto.png', 'PNG'],
      ['kapot.json', '{"grants": '],
    ] as const) {
      const res = await upload(app, admin, name, content);
      expect(res.status, name).to.equal(400);
    }
    const notMultipart = await app.request('POST', '/api/imports', { token: admin, body: { file: 'x' } });
    expect(notMultipart.status).to.equal(415);
  });
});

/** A one-entry zip whose local header and central directory declare `size` uncompressed bytes. */
async function zipDeclaring(size: number): Promise<Buffer> {
  const name = Buffer.from('xl/workbook.xml');
  const data = Buffer.from([0x03, 0x00]); // an empty deflate stream
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(Math.min(size, 0xfffffffe), 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(Math.min(size, 0xfffffffe), 24);
  central.writeUInt16LE(name.length, 28);
  const offset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}
