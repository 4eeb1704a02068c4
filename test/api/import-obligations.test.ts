// Reporting obligations in the spreadsheet import (README "Import", "Reporting obligations"): the
// template's Verplichtingen sheet, obligations matched by commitment + kind + period start, the
// ones a commitment's reporting schedule makes in the same file never made twice, row errors with
// their column, a funder's own commitments only, and an exported list imported again unchanged.
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import type { ImportRecord, PreviewRow } from '../../server/contract/imports.js';
import { download } from '../export/support.js';
import { listQuery, startTestApp, type TestApp } from '../support/app.js';
import { adminToken, makeCommitment, makeFunder, makeInitiative, makeObligation, makeUser, tokenFor } from '../support/factories.js';
import { upload, workbook } from '../support/imports.js';

const OBLIGATION_HEADER = ['Toezegging', 'Soort', 'Titel', 'Periode van', 'Periode tot en met', 'Uiterlijk op', 'Toelichting'];
const summary = (rows: PreviewRow[] | null) => (rows ?? []).map((r) => [r.sheet, r.action, r.errors.map((e) => `${e.column}:${e.code}`)]);

interface ObligationRow {
  kind: string;
  title: string;
  period_start: string;
  period_end: string;
  due_on: string;
  note: string | null;
}
const stored = async (app: TestApp, commitmentId: number) =>
  (await app.db('obligations').where({ commitment_id: commitmentId }).orderBy(['period_start', 'kind'])).map((o: ObligationRow) => [o.kind, o.title, o.period_start, o.period_end, o.due_on, o.note]);

describe('imports: reporting obligations', () => {
  let app: TestApp;
  let admin: string;
  let seq = 0;
  const tag = () => `${Date.now() % 1_000_000}-${++seq}`;

  before(async () => {
    app = await startTestApp();
    admin = await adminToken(app.db);
  });
  after(() => app.close());

  it('has a Verplichtingen sheet in the template with drop-downs, explained on Uitleg, and a schedule column on Toezeggingen', async () => {
    const res = await fetch(`${app.url}/api/imports/template.xlsx`, { headers: { authorization: `Bearer ${admin}` } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const sheet = wb.getWorksheet('Verplichtingen')!;
    expect(sheet.getRow(1).values).to.deep.equal([undefined, 'Toezegging', 'Financier', 'Initiatief', 'Soort', 'Titel', 'Periode van', 'Periode tot en met', 'Uiterlijk op', 'Toelichting']);
    expect(sheet.getRow(2).getCell(1).value).to.equal('FB-2027-001');
    expect(sheet.getRow(2).getCell(4).value).to.equal('inhoudelijk verslag');
    // The kind's drop-down on every row people fill in, offering the Dutch labels kept on Lijsten.
    const kind = sheet.getCell('D2000').dataValidation;
    expect(kind.type).to.equal('list');
    const [, column, first, last] = /^Lijsten!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)$/.exec(kind.formulae![0] as string)!;
    const lists = wb.getWorksheet('Lijsten')!;
    const offered = Array.from({ length: Number(last) - Number(first) + 1 }, (_, i) => lists.getCell(`${column}${Number(first) + i}`).value);
    expect(offered).to.deep.equal(['inhoudelijk verslag', 'financieel verslag', 'accountantsverklaring', 'resultatenrapportage', 'overig']);
    expect(sheet.getCell('E2').dataValidation).to.equal(undefined);
    const commitments = wb.getWorksheet('Toezeggingen')!;
    expect(commitments.getRow(1).values).to.include.members(['Verplichtingen aanmaken', 'Verslag uiterlijk (maanden na periode)']);
    const uitleg = wb.getWorksheet('Uitleg')!;
    const due = uitleg.getRows(1, uitleg.rowCount)!.find((r) => r.getCell(1).value === 'Verplichtingen' && r.getCell(3).value === 'dueOn')!;
    expect(due.getCell(2).value).to.equal('Uiterlijk op');
    expect(due.getCell(4).value).to.equal('ja');
  });

  it('makes a commitment’s scheduled obligations once, updates and keeps them from the sheet, adds the others, and changes nothing the second time', async () => {
    const t = tag();
    const file = await workbook([
      { name: 'Financiers', header: ['Naam', 'Soort'], rows: [[`Fonds ${t}`, 'fonds']] },
      { name: 'Initiatieven', header: ['Naam', 'Opgericht op', 'Gemeente'], rows: [[`Pan ${t}`, '01-03-2021', 'Utrecht']] },
      {
        name: 'Toezeggingen',
        header: ['Initiatief', 'Financier', 'Titel', 'Kenmerk', 'Soort', 'Status', 'Begindatum', 'Einddatum', 'Bedrag', 'Verplichtingen aanmaken', 'Verslag uiterlijk (maanden na periode)'],
        rows: [[`Pan ${t}`, `Fonds ${t}`, 'Werkbijdrage', `FB-${t}`, 'fondsbijdrage', 'toegezegd', '01-01-2027', '31-12-2028', '20.000', 'per jaar', 2]],
      },
      {
        name: 'Verplichtingen',
        header: OBLIGATION_HEADER,
        rows: [
          // The schedule makes it due 2028-02-29 (2 months after 31-12-2027, a month's end): moved to 31-03.
          [`FB-${t}`, 'inhoudelijk verslag', 'Inhoudelijk verslag jaar 1', '01-01-2027', '31-12-2027', '31-03-2028', null],
          // Exactly as the schedule makes it.
          [`FB-${t}`, 'financieel verslag', 'Financieel verslag jaar 1', '01-01-2027', '31-12-2027', '29-02-2028', null],
          [`FB-${t}`, 'accountantsverklaring', 'Accountantsverklaring 2027', '01-01-2027', '31-12-2027', '30-04-2028', 'Boven € 25.000'],
        ],
      },
    ]);
    const preview = await upload(app, admin, 'verplichtingen.xlsx', file);
    expect(preview.status, JSON.stringify(preview.body)).to.equal(201);
    expect(summary(preview.body.rows)).to.deep.equal([
      ['funders', 'create', []],
      ['initiatives', 'create', []],
      ['commitments', 'create', []],
      ['obligations', 'update', []],
      ['obligations', 'unchanged', []],
      ['obligations', 'create', []],
    ]);
    expect(preview.body.rows![3]!.changes).to.deep.equal({ dueOn: { from: '2028-02-29', to: '2028-03-31' } });
    expect(preview.body.rows![3]!.key).to.equal(`FB-${t}: activity_report 2027-01-01`);

    const applied = await app.request<ImportRecord>('POST', `/api/imports/${preview.body.id}/apply`, { token: admin, body: {} });
    expect(applied.status, JSON.stringify(applied.body)).to.equal(200);
    expect(applied.body.rows!.every((r) => r.recordId !== null)).to.equal(true);
    const commitment = await app.db('commitments').where({ reference: `FB-${t}` }).first();
    // Four from the yearly schedule (activity and financial for 2027 and 2028) and the audit statement: not six or seven.
    expect(await stored(app, commitment.id)).to.deep.equal([
      ['activity_report', 'Inhoudelijk verslag jaar 1', '2027-01-01', '2027-12-31', '2028-03-31', null],
      ['audit_statement', 'Accountantsverklaring 2027', '2027-01-01', '2027-12-31', '2028-04-30', 'Boven € 25.000'],
      ['financial_report', 'Financieel verslag jaar 1', '2027-01-01', '2027-12-31', '2028-02-29', null],
      ['activity_report', 'Inhoudelijk verslag jaar 2', '2028-01-01', '2028-12-31', '2029-02-28', null],
      ['financial_report', 'Financieel verslag jaar 2', '2028-01-01', '2028-12-31', '2029-02-28', null],
    ]);
    const [updatedId] = applied.body.result!.updated.obligations!;
    expect(await app.db('audit_events').where({ resource: 'obligations', record_id: updatedId, action: 'update' }).first()).to.not.equal(undefined);

    const again = await upload(app, admin, 'verplichtingen.xlsx', file);
    expect(summary(again.body.rows).map((r) => r[1])).to.deep.equal(['unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);

    // A corrected file: a new title and note for the audit statement, a moved due date for year 2's activity report.
    const corrected = await workbook([
      {
        name: 'Verplichtingen',
        header: ['Toezegging', 'Financier', 'Soort', 'Titel', 'Periode van', 'Periode tot en met', 'Uiterlijk op', 'Toelichting'],
        rows: [
          [`FB-${t}`, `Fonds ${t}`, 'accountantsverklaring', 'Controleverklaring 2027', '01-01-2027', '31-12-2027', '30-04-2028', 'Boven € 50.000'],
          [`FB-${t}`, `Fonds ${t}`, 'activity_report', 'Inhoudelijk verslag jaar 2', '01-01-2028', '31-12-2028', '31-03-2029', null],
        ],
      },
    ]);
    const fix = await upload(app, admin, 'correctie.xlsx', corrected);
    expect(fix.body.rows!.map((r) => [r.action, r.changes])).to.deep.equal([
      ['update', { title: { from: 'Accountantsverklaring 2027', to: 'Controleverklaring 2027' }, note: { from: 'Boven € 25.000', to: 'Boven € 50.000' } }],
      ['update', { dueOn: { from: '2029-02-28', to: '2029-03-31' } }],
    ]);
    expect((await app.request('POST', `/api/imports/${fix.body.id}/apply`, { token: admin, body: {} })).status).to.equal(200);
    expect(await app.db('obligations').where({ commitment_id: commitment.id }).count<{ count: number }[]>('* as count')).to.deep.equal([{ count: 5 }]);
    expect(await app.db('obligations').where({ commitment_id: commitment.id, kind: 'audit_statement' }).first()).to.include({ title: 'Controleverklaring 2027', note: 'Boven € 50.000' });
  });

  it('previews bad rows with their column, code and reason, and writes nothing without skipErrors', async () => {
    const initiativeId = await makeInitiative(app.db);
    const funderId = await makeFunder(app.db);
    const reference = `R-${tag()}`;
    const commitmentId = await makeCommitment(app.db, initiativeId, funderId, { reference });
    const file = await workbook([
      {
        name: 'Verplichtingen',
        header: OBLIGATION_HEADER,
        rows: [
          [reference, 'jaarverslag', 'Verslag', '01-01-2027', '31-12-2027', '31-03-2028', null],
          [reference, 'inhoudelijk verslag', 'Verslag', '01-01-2027', '31-12-2026', '31-03-2028', null],
          ['BESTAAT-NIET', 'inhoudelijk verslag', 'Verslag', '01-01-2027', '31-12-2027', '31-03-2028', null],
          [reference, 'financieel verslag', 'Verslag', '01-01-2027', '31-12-2027', null, null],
          [reference, 'overig', 'Goed', '01-01-2027', '31-12-2027', '31-13-2028', null],
          [reference, 'overig', 'Goed', '01-01-2027', '31-12-2027', '31-03-2028', null],
          [reference, 'overig', 'Nog eens', '01-01-2027', '31-12-2027', '30-04-2028', null],
        ],
      },
    ]);
    const res = await upload(app, admin, 'fout.xlsx', file);
    expect(summary(res.body.rows)).to.deep.equal([
      ['obligations', 'error', ['Soort:import.label']],
      ['obligations', 'error', ['Periode tot en met:field.on_or_after']],
      ['obligations', 'error', ['Toezegging:import.not_found']],
      ['obligations', 'error', ['Uiterlijk op:field.required']],
      ['obligations', 'error', ['Uiterlijk op:field.calendar_date']],
      ['obligations', 'create', []],
      ['obligations', 'error', ['row:import.duplicate_row']],
    ]);
    const kind = res.body.rows![0]!.errors[0]!;
    expect(kind.params.values).to.include('accountantsverklaring');
    expect(kind.text).to.match(/\w/);
    expect(res.body.rows![6]!.errors[0]!.params).to.deep.equal({ row: 7 });

    const refused = await app.request<{ code: string }>('POST', `/api/imports/${res.body.id}/apply`, { token: admin, body: {} });
    expect([refused.status, refused.body.code]).to.deep.equal([422, 'import.has_errors']);
    expect(await app.db('obligations').where({ commitment_id: commitmentId })).to.deep.equal([]);
    const skipped = await app.request<ImportRecord>('POST', `/api/imports/${res.body.id}/apply`, { token: admin, body: { skipErrors: true } });
    expect(skipped.body.status).to.equal('applied');
    expect(await stored(app, commitmentId)).to.deep.equal([['other', 'Goed', '2027-01-01', '2027-12-31', '2028-03-31', null]]);
  });

  it('lets a funder import obligations of its own commitments only, and an initiative none', async () => {
    const initiativeId = await makeInitiative(app.db, { sharedWithFunders: true });
    const hiddenInitiative = await makeInitiative(app.db);
    const funderId = await makeFunder(app.db);
    const coFunderId = await makeFunder(app.db);
    const t = tag();
    const own = await makeCommitment(app.db, initiativeId, funderId, { reference: `OWN-${t}` });
    await makeCommitment(app.db, initiativeId, coFunderId, { reference: `CO-${t}` });
    await makeCommitment(app.db, hiddenInitiative, coFunderId, { reference: `HIDDEN-${t}` });
    const funder = await tokenFor(app.db, await makeUser(app.db, 'funder', { funderId }));
    const csv = [
      'Toezegging;Soort;Titel;Periode van;Periode tot en met;Uiterlijk op',
      `OWN-${t};inhoudelijk verslag;Voortgang;01-01-2027;30-06-2027;30-09-2027`,
      `CO-${t};inhoudelijk verslag;Voortgang;01-01-2027;30-06-2027;30-09-2027`,
      `HIDDEN-${t};inhoudelijk verslag;Voortgang;01-01-2027;30-06-2027;30-09-2027`,
    ].join('\n');
    const res = await upload(app, funder, 'v.csv', `\uFEFF${csv}\n`);
    expect(summary(res.body.rows)).to.deep.equal([
      ['obligations', 'create', []],
      ['obligations', 'error', ['Toezegging:access.own_funder']],
      ['obligations', 'error', ['Toezegging:import.not_found']],
    ]);
    const applied = await app.request<ImportRecord>('POST', `/api/imports/${res.body.id}/apply`, { token: funder, body: { skipErrors: true } });
    expect(applied.body.status).to.equal('applied');
    expect(await stored(app, own)).to.deep.equal([['activity_report', 'Voortgang', '2027-01-01', '2027-06-30', '2027-09-30', null]]);
    expect(await app.db('obligations').whereIn('commitment_id', app.db('commitments').select('id').where({ funder_id: coFunderId }))).to.deep.equal([]);

    const initiative = await tokenFor(app.db, await makeUser(app.db, 'initiative', { initiativeId }));
    const refused = await upload(app, initiative, 'v.csv', `${csv}\n`, 'Verplichtingen');
    expect(summary(refused.body.rows)[0]).to.deep.equal(['obligations', 'error', ['row:import.sheet_not_allowed']]);
  });

  it('imports the obligations export as it comes: all unchanged', async () => {
    const initiativeId = await makeInitiative(app.db);
    const funderId = await makeFunder(app.db);
    const commitmentId = await makeCommitment(app.db, initiativeId, funderId, { reference: `EXP-${tag()}` });
    // A commitment without a reference: the export names it by its title.
    const twin = await makeCommitment(app.db, initiativeId, funderId, { title: `Jaarsubsidie ${tag()}`, startDate: '2028-01-01', endDate: '2028-12-31' });
    await makeObligation(app.db, commitmentId, { kind: 'financial_report', title: 'Financieel verslag', note: 'Met begroting' });
    await makeObligation(app.db, commitmentId, { kind: 'other', title: 'Werkbezoek', periodStart: '2027-06-01', periodEnd: '2027-06-30', dueOn: '2027-07-15' });
    await makeObligation(app.db, twin, { kind: 'activity_report', title: 'Verslag 2028', periodStart: '2028-01-01', periodEnd: '2028-12-31', dueOn: '2029-03-31' });
    const exported = await download(app, `/api/obligations/export${listQuery({ filter: { initiativeId } })}&format=xlsx`, admin);
    expect(exported.status).to.equal(200);
    const res = await upload(app, admin, 'verplichtingen-export.xlsx', exported.body);
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    expect(summary(res.body.rows)).to.deep.equal([
      ['obligations', 'unchanged', []],
      ['obligations', 'unchanged', []],
      ['obligations', 'unchanged', []],
    ]);
    // The read-only columns are told, not refused.
    expect(res.body.warnings.map((w) => w.column)).to.include.members(['Nr.', 'Status', 'Te laat']);
  });
});
