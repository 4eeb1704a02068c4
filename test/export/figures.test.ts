// The figure exports: an initiative's overview workbook, a funder's co-financing view, the risk
// list and the portfolio statistics, with the access of their JSON endpoints.
import { expect } from 'chai';
import { listQuery, startTestApp, type TestApp } from '../support/app.js';
import { adminToken, makeBudget, makeCommitment, makeFunder, makeInitiative, makeUser, tokenFor } from '../support/factories.js';
import { uniqueTag, type ApiErrorBody } from '../support/records.js';
import { download, readCsv, readXlsx, recordsOf } from './support.js';

const AS_OF = '2027-03-10';

describe('exports of the figures', () => {
  let app: TestApp;
  let admin: string;
  const tag = uniqueTag('FigExport');
  const ids = { fonds: 0, gemeente: 0, risky: 0, other: 0, expiring: 0 };

  before(async () => {
    app = await startTestApp();
    admin = await adminToken(app.db);
    ids.fonds = await makeFunder(app.db, { name: `${tag} Fonds`, type: 'foundation' });
    ids.gemeente = await makeFunder(app.db, { name: `${tag} Gemeente`, type: 'municipality' });
    // Four years old at AS_OF, a budget for 2027 only, thinly funded: at risk around year five.
    ids.risky = await makeInitiative(app.db, { name: `${tag} Buurtkamer`, foundedOn: '2022-06-01', municipality: 'Zwolle' });
    await makeBudget(app.db, ids.risky, { year: 2027, amountCents: 365_000_00 });
    ids.expiring = await makeCommitment(app.db, ids.risky, ids.fonds, { title: `${tag} Bijdrage`, startDate: '2027-01-01', endDate: '2027-06-30', amountCents: 90_500_00 });
    await makeCommitment(app.db, ids.risky, ids.gemeente, { title: `${tag} Subsidie`, startDate: '2027-01-01', endDate: '2027-12-31', amountCents: 36_500_00 });
    await makeCommitment(app.db, ids.risky, ids.gemeente, { title: `${tag} Aanvraag`, status: 'requested', startDate: '2028-01-01', endDate: '2028-12-31', amountCents: 50_000_00 });
    ids.other = await makeInitiative(app.db, { name: `${tag} Elders`, foundedOn: '2022-06-01', municipality: 'Deventer' });
    await makeBudget(app.db, ids.other, { year: 2027, amountCents: 100_000_00 });
    await makeCommitment(app.db, ids.other, ids.gemeente, { title: `${tag} Elders`, startDate: '2027-01-01', endDate: '2027-12-31', amountCents: 1_000_00 });
    await app.db('gaps').insert({
      initiative_id: ids.risky,
      subject_id: ids.expiring,
      kind: 'expiring',
      period_start: '2027-01-01',
      period_end: '2027-06-30',
      severity: 'high',
      shortfall_cents: 0,
      details: JSON.stringify({ commitmentId: ids.expiring, funderId: ids.fonds, startDate: '2027-01-01', endDate: '2027-06-30', amountCents: 90_500_00, monthsLeft: 3, expiringWithinMonths: 6 }),
    });
  });

  after(async () => {
    await app.close();
  });

  describe('the initiative overview (/api/initiatives/{id}/overview.xlsx)', () => {
    it('has funders by year, need and coverage, runway by month and the open gaps explained', async () => {
      const res = await download(app, `/api/initiatives/${ids.risky}/overview.xlsx?asOf=${AS_OF}`, admin);
      expect(res.status).to.equal(200);
      expect(res.headers.get('content-disposition')).to.match(/^attachment; filename="overzicht-figexport-[a-z0-9-]+-buurtkamer-\d{4}-\d{2}-\d{2}\.xlsx"$/);
      const { sheets } = await readXlsx(res.body);
      expect([...sheets.keys()]).to.deep.equal(['Financiers per jaar', 'Behoefte en dekking', 'Looptijd', 'Open gaten']);
      const byYear = sheets.get('Financiers per jaar')!;
      // 2027 has a budget of its own; 2028 onwards carry it forward: marked *.
      expect(byYear[0]).to.deep.equal(['Financier', 'Soort financier', '2027', '2028*', '2029*', '2030*', '2031*']);
      const fonds = recordsOf(byYear).find((r) => r.Financier === `${tag} Fonds`)!;
      expect(fonds['Soort financier']).to.equal('fonds');
      expect(fonds['2027']).to.equal(90_500);
      expect(recordsOf(byYear).find((r) => r.Financier === 'Inclusief aanvragen')!['2028*']).to.equal(50_000);
      const need = recordsOf(sheets.get('Behoefte en dekking')!);
      expect(need[0]).to.include({ Jaar: 2027, Behoefte: 365_000, 'Behoefte geschat': 'nee', Toegezegd: 127_000 });
      expect(need[1]!['Behoefte geschat']).to.equal('ja');
      expect(need[0]!.Dekking).to.be.closeTo(127_000 / 365_000, 1e-9);
      const runway = recordsOf(sheets.get('Looptijd')!);
      expect(runway).to.have.length(60);
      expect((runway[0]!.Maand as Date).toISOString()).to.equal('2027-03-01T00:00:00.000Z');
      const [gap] = recordsOf(sheets.get('Open gaten')!);
      expect(gap!.Soort).to.equal('aflopend');
      expect(gap!.Ernst).to.equal('hoog');
      expect(String(gap!['Wat er aan de hand is']).replace(/\u00a0/g, ' ')).to.equal(`‘${tag} Bijdrage’ van ${tag} Fonds (€ 90.500,00) loopt af op 30-06-2027 en er is geen vervolg aangevraagd.`);
    });

    it('speaks English with lang=en', async () => {
      const res = await download(app, `/api/initiatives/${ids.risky}/overview.xlsx?asOf=${AS_OF}&lang=en`, admin);
      const { sheets } = await readXlsx(res.body);
      expect([...sheets.keys()]).to.deep.equal(['Funders by year', 'Need and coverage', 'Runway', 'Open gaps']);
      expect(recordsOf(sheets.get('Open gaps')!)[0]!.Kind).to.equal('expiring');
    });

    it('answers 404 for an initiative the user may not see', async () => {
      const user = await tokenFor(app.db, await makeUser(app.db, 'initiative', { initiativeId: ids.other }));
      const res = await app.request<ApiErrorBody>('GET', `/api/initiatives/${ids.risky}/overview.xlsx`, { token: user });
      expect(res.status).to.equal(404);
      expect(res.body.code).to.equal('not_found');
      expect(res.headers.get('content-disposition')).to.equal(null);
      const own = await download(app, `/api/initiatives/${ids.other}/overview.xlsx`, user);
      expect(own.status).to.equal(200);
    });
  });

  it('exports the risk list with its filter, and only what the user may see', async () => {
    const res = await download(app, `/api/stats/risk/export${listQuery({ filter: { q: tag, asOf: AS_OF }, sort: ['name', 'ASC'] })}&format=csv`, admin);
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-disposition')).to.match(/filename="vijfjaarsrisico-\d{4}-\d{2}-\d{2}\.csv"/);
    const rows = recordsOf(readCsv(res.body));
    expect(rows.map((r) => r.Initiatief)).to.deep.equal([`${tag} Buurtkamer`, `${tag} Elders`]);
    expect(rows[0]!['Leeftijd (jaren)']).to.equal('4');
    expect(rows[0]!.Redenen).to.include('lage dekking');
    expect(rows[0]!['Opgericht op']).to.equal('01-06-2022');
    const funder = await tokenFor(app.db, await makeUser(app.db, 'funder', { funderId: ids.fonds }));
    const own = await download(app, `/api/stats/risk/export${listQuery({ filter: { q: tag, asOf: AS_OF } })}&format=xlsx`, funder);
    expect(recordsOf((await readXlsx(own.body)).sheets.get('Vijfjaarsrisico')!).map((r) => r.Initiatief)).to.deep.equal([`${tag} Buurtkamer`]);
  });

  it("exports a funder's co-financing view with the other funders and coverage per year", async () => {
    const res = await download(app, `/api/funders/${ids.fonds}/cofunding/export?asOf=${AS_OF}&years=2&format=xlsx`, admin);
    expect(res.status).to.equal(200);
    const [row] = recordsOf((await readXlsx(res.body)).sheets.get('Cofinanciering')!);
    expect(row!.Naam).to.equal(`${tag} Buurtkamer`);
    expect(row!['Eigen toezeggingen']).to.equal(`${tag} Bijdrage (toegezegd)`);
    expect(String(row!['Andere financiers'])).to.include(`${tag} Gemeente (lopend, t/m 31-12-2027)`);
    expect(row!['Behoefte 2027']).to.equal(365_000);
    expect(row!['Toegezegd 2027']).to.equal(127_000);
    const missing = await app.request<ApiErrorBody>('GET', '/api/funders/999999999/cofunding/export', { token: admin });
    expect(missing.status).to.equal(404);
  });

  it('exports the portfolio statistics per funder type and for the whole portfolio', async () => {
    const res = await download(app, '/api/stats/fragmentation/export?year=2027&format=csv', admin);
    expect(res.status).to.equal(200);
    const rows = recordsOf(readCsv(res.body));
    expect(rows.map((r) => r['Soort financier'])).to.include.members(['fonds', 'gemeente', 'Totaal portefeuille']);
    expect(rows.find((r) => r['Soort financier'] === 'Totaal portefeuille')!.Jaar).to.equal('2027');
    const workbook = await download(app, '/api/stats/fragmentation/export?year=2027&groupBy=domain', admin);
    const { sheets } = await readXlsx(workbook.body);
    expect([...sheets.keys()]).to.deep.equal(['Versnippering', 'Behoefte en financiering']);
    expect(sheets.get('Versnippering')![0]![0]).to.equal('Domeinen');
    expect(sheets.get('Behoefte en financiering')![0]).to.deep.equal(['Van', 'Tot en met', 'Behoefte', 'Toegezegd', 'Inclusief aanvragen', 'Dekking']);
    const bad = await app.request<ApiErrorBody>('GET', '/api/stats/fragmentation/export?groupBy=colour', { token: admin });
    expect(bad.status).to.equal(400);
    expect(bad.body.codes?.groupBy?.code).to.equal('field.one_of');
  });
});
