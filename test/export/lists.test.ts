// GET /api/{resource}/export: every list as xlsx or CSV, with the list's own filter, sort and
// access, Dutch (or English) headers and labels, euros and dates as real values, names beside ids.
import { expect } from 'chai';
import { listQuery, startTestApp, type TestApp } from '../support/app.js';
import { adminToken, makeCommitment, makeFunder, makeInitiative, makeTranche, makeUser, tokenFor } from '../support/factories.js';
import { uniqueTag, type ApiErrorBody } from '../support/records.js';
import { download, readCsv, readXlsx, recordsOf } from './support.js';

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());

describe('exports of the lists (/api/{resource}/export)', () => {
  let app: TestApp;
  let admin: string;
  let funderUser: string;
  const tag = uniqueTag('Export');
  const ids = { fonds: 0, gemeente: 0, seen: 0, unseen: 0, big: 0, small: 0, other: 0 };

  before(async () => {
    app = await startTestApp();
    admin = await adminToken(app.db);
    ids.fonds = await makeFunder(app.db, { name: `${tag} Fonds`, type: 'foundation' });
    ids.gemeente = await makeFunder(app.db, { name: `${tag} Gemeente`, type: 'municipality' });
    ids.seen = await makeInitiative(app.db, { name: `${tag} Buurtkamer`, municipality: 'Zwolle', domains: ['care', 'food'] });
    ids.unseen = await makeInitiative(app.db, { name: `${tag} Elders`, municipality: 'Deventer' });
    ids.big = await makeCommitment(app.db, ids.seen, ids.fonds, {
      title: `${tag} Bijdrage groot`,
      kind: 'grant',
      status: 'committed',
      startDate: '2026-01-01',
      endDate: '2027-12-31',
      amountCents: 123_456_78,
      renewable: true,
    });
    ids.small = await makeCommitment(app.db, ids.seen, ids.fonds, { title: `${tag} Bijdrage klein`, status: 'requested', startDate: '2027-01-01', endDate: '2027-12-31', amountCents: 50_000 });
    ids.other = await makeCommitment(app.db, ids.unseen, ids.gemeente, { title: `${tag} Elders subsidie`, amountCents: 99_00 });
    await makeTranche(app.db, ids.big, { periodStart: '2026-01-01', periodEnd: '2026-12-31', amountCents: 60_000_00, status: 'received', receivedOn: '2026-02-03' });
    funderUser = await tokenFor(app.db, await makeUser(app.db, 'funder', { funderId: ids.fonds }));
  });

  after(async () => {
    await app.close();
  });

  const mine = { q: tag };

  it('answers an xlsx with Dutch headers, labels, names beside ids, euros and dates', async () => {
    const res = await download(app, `/api/commitments/export${listQuery({ filter: mine, sort: ['amountCents', 'DESC'] })}&format=xlsx`, admin);
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.match(/spreadsheetml/);
    expect(res.headers.get('content-disposition')).to.equal(`attachment; filename="toezeggingen-${today()}.xlsx"`);
    const { workbook, sheets } = await readXlsx(res.body);
    const rows = sheets.get('Toezeggingen')!;
    expect(rows[0]).to.include.members(['Nr.', 'Initiatief (nr.)', 'Initiatief', 'Financier (nr.)', 'Financier', 'Titel', 'Soort', 'Status', 'Begindatum', 'Bedrag', 'Verlengbaar', 'Ontvangen']);
    expect(rows[0]).not.to.include('Versie');
    const records = recordsOf(rows);
    expect(records.map((r) => r.Titel)).to.deep.equal([`${tag} Bijdrage groot`, `${tag} Bijdrage klein`, `${tag} Elders subsidie`]);
    const big = records[0]!;
    expect(big.Bedrag).to.equal(123_456.78);
    expect(big.Ontvangen).to.equal(60_000);
    expect(big.Initiatief).to.equal(`${tag} Buurtkamer`);
    expect(big['Initiatief (nr.)']).to.equal(ids.seen);
    expect(big.Financier).to.equal(`${tag} Fonds`);
    expect(big.Soort).to.equal('fondsbijdrage');
    expect(big.Status).to.equal('toegezegd');
    expect(big.Verlengbaar).to.equal('ja');
    expect(big.Begindatum).to.be.instanceOf(Date);
    expect((big.Begindatum as Date).toISOString()).to.equal('2026-01-01T00:00:00.000Z');
    const sheet = workbook.getWorksheet('Toezeggingen')!;
    const amountColumn = (rows[0] as unknown[]).indexOf('Bedrag') + 1;
    const dateColumn = (rows[0] as unknown[]).indexOf('Begindatum') + 1;
    expect(sheet.getRow(2).getCell(amountColumn).numFmt).to.equal('"€ "#,##0.00');
    expect(sheet.getRow(2).getCell(dateColumn).numFmt).to.equal('dd-mm-yyyy');
  });

  it('answers CSV in Dutch Excel dialect: BOM, `;`, CRLF, decimal comma, dd-mm-yyyy', async () => {
    const res = await download(app, `/api/commitments/export${listQuery({ filter: { ...mine, id: ids.big } })}&format=csv`, admin);
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.equal('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).to.equal(`attachment; filename="toezeggingen-${today()}.csv"`);
    expect([...res.body.subarray(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    expect(res.body.toString('utf8')).to.include('\r\n');
    const [record] = recordsOf(readCsv(res.body));
    expect(record!.Bedrag).to.equal('123456,78');
    expect(record!.Begindatum).to.equal('01-01-2026');
    expect(record!.Einddatum).to.equal('31-12-2027');
    expect(record!.Financier).to.equal(`${tag} Fonds`);
    expect(record!.Soort).to.equal('fondsbijdrage');
  });

  it('speaks English with lang=en', async () => {
    const res = await download(app, `/api/commitments/export${listQuery({ filter: { ...mine, id: ids.big } })}&format=csv&lang=en`, admin);
    expect(res.headers.get('content-disposition')).to.equal(`attachment; filename="commitments-${today()}.csv"`);
    const [record] = recordsOf(readCsv(res.body));
    expect(record!.Kind).to.equal('grant');
    expect(record!['Initiative (no.)']).to.equal(String(ids.seen));
    expect(record!.Renewable).to.equal('yes');
  });

  it('honours the filter and the sort', async () => {
    const res = await download(app, `/api/commitments/export${listQuery({ filter: { ...mine, status: 'requested' } })}&format=csv`, admin);
    expect(recordsOf(readCsv(res.body)).map((r) => r.Titel)).to.deep.equal([`${tag} Bijdrage klein`]);
    const sorted = await download(app, `/api/commitments/export${listQuery({ filter: mine, sort: ['amountCents', 'ASC'] })}&format=csv`, admin);
    expect(recordsOf(readCsv(sorted.body)).map((r) => r.Bedrag)).to.deep.equal(['99,00', '500,00', '123456,78']);
  });

  it("holds the access rules: a funder's export lacks what it may not see", async () => {
    const res = await download(app, `/api/commitments/export${listQuery({ filter: mine })}&format=csv`, funderUser);
    expect(res.status).to.equal(200);
    const titles = recordsOf(readCsv(res.body)).map((r) => r.Titel);
    expect(titles).to.have.members([`${tag} Bijdrage groot`, `${tag} Bijdrage klein`]);
    const initiatives = await download(app, `/api/initiatives/export${listQuery({ filter: mine })}&format=csv`, funderUser);
    expect(recordsOf(readCsv(initiatives.body)).map((r) => r.Naam)).to.deep.equal([`${tag} Buurtkamer`]);
    const users = await download(app, `/api/users/export?format=csv`, funderUser);
    expect(users.status).to.equal(403);
  });

  it('writes enumeration lists and tranches with their commitment, initiative and funder', async () => {
    const initiatives = await download(app, `/api/initiatives/export${listQuery({ filter: { id: ids.seen } })}&format=csv`, admin);
    expect(recordsOf(readCsv(initiatives.body))[0]!.Domeinen).to.equal('zorg, voedsel');
    const tranches = await download(app, `/api/tranches/export${listQuery({ filter: { commitmentId: ids.big } })}&format=xlsx`, admin);
    const [tranche] = recordsOf((await readXlsx(tranches.body)).sheets.get('Tranches')!);
    expect(tranche!.Toezegging).to.equal(`${tag} Bijdrage groot`);
    expect(tranche!.Initiatief).to.equal(`${tag} Buurtkamer`);
    expect(tranche!.Financier).to.equal(`${tag} Fonds`);
    expect(tranche!.Status).to.equal('ontvangen');
    expect(tranche!.Bedrag).to.equal(60_000);
  });

  it('exports every listable resource', async () => {
    for (const name of ['funders', 'initiatives', 'budgets', 'commitments', 'tranches', 'gaps', 'scans', 'users', 'audit-events']) {
      const res = await download(app, `/api/${name}/export?format=xlsx`, admin);
      expect(res.status, name).to.equal(200);
      expect((await readXlsx(res.body)).sheets.size, name).to.equal(1);
    }
  });

  it('refuses a bad format, language, filter or sort with a 400 naming the field', async () => {
    const bad = await app.request<ApiErrorBody>('GET', '/api/commitments/export?format=pdf', { token: admin });
    expect(bad.status).to.equal(400);
    expect(bad.body.codes?.format?.code).to.equal('field.one_of');
    expect(bad.headers.get('content-disposition')).to.equal(null);
    const lang = await app.request<ApiErrorBody>('GET', '/api/commitments/export?lang=de', { token: admin });
    expect(lang.body.codes?.lang?.code).to.equal('field.one_of');
    const sort = await app.request<ApiErrorBody>('GET', `/api/commitments/export${listQuery({ sort: ['conditionNote', 'ASC'] })}`, { token: admin });
    expect(sort.status).to.equal(400);
    expect(sort.body.codes?.sort?.code).to.equal('list.not_sortable');
    const filter = await app.request<ApiErrorBody>('GET', `/api/commitments/export${listQuery({ filter: { nothing: 1 } })}`, { token: admin });
    expect(filter.status).to.equal(400);
  });
});
