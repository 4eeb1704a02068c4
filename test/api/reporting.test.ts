// Reporting obligations, one report for several funders, files, indicators and the burden
// (design/reporting.md). Every expected date and figure is worked out by hand beside it.
import { expect } from 'chai';
import { addDays } from '../../server/domain/dates.js';
import { lateness } from '../../server/domain/obligationSchedule.js';
import { today } from '../../server/services/clock.js';
import { listQuery, startTestApp, type TestApp } from '../support/app.js';
import { makeCommitment, makeFunder, makeInitiative, makeObligation, makeUser, tokenFor } from '../support/factories.js';
import { FILES, uploadReportFile } from '../support/files.js';
import type { ApiRecord } from '../support/records.js';

type Row = [kind: string, periodStart: string, periodEnd: string, dueOn: string];

describe('API reporting', () => {
  let app: TestApp;
  let admin: string;

  before(async () => {
    app = await startTestApp();
    admin = await tokenFor(app.db, await makeUser(app.db, 'admin'));
  });
  after(() => app.close());

  const obligationsOf = async (token: string, filter: Record<string, unknown>): Promise<ApiRecord[]> => {
    const res = await app.request<ApiRecord[]>('GET', `/api/obligations${listQuery({ sort: ['dueOn', 'ASC'], range: [0, 999], filter })}`, { token });
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    return res.body;
  };
  const rowsOf = (obligations: ApiRecord[]): Row[] =>
    [...obligations].sort((a, b) => a.id - b.id).map((o) => [o.kind as string, o.periodStart as string, o.periodEnd as string, o.dueOn as string]);

  describe('schedules generated on commitment create', () => {
    let initiativeId: number;
    let funderId: number;
    before(async () => {
      initiativeId = await makeInitiative(app.db);
      funderId = await makeFunder(app.db, { type: 'municipality' });
    });

    const create = (body: Record<string, unknown>) =>
      app.request<ApiRecord>('POST', '/api/commitments', {
        token: admin,
        body: { initiativeId, funderId, title: 'Subsidie', kind: 'subsidy', status: 'committed', amountCents: 1_200_000, ...body },
      });

    it('makes yearly reports for a 2-year commitment from 15 March, due 3 months after each commitment year', async () => {
      // Years 2027-03-15..2028-03-14 and 2028-03-15..2029-03-14; + 3 months: 2028-06-14 and 2029-06-14.
      const res = await create({ startDate: '2027-03-15', endDate: '2029-03-14', reportingSchedule: 'yearly', reportDueMonths: 3 });
      expect(res.status, JSON.stringify(res.body)).to.equal(201);
      const obligations = await obligationsOf(admin, { commitmentId: res.body.id });
      expect(rowsOf(obligations)).to.deep.equal([
        ['activity_report', '2027-03-15', '2028-03-14', '2028-06-14'],
        ['financial_report', '2027-03-15', '2028-03-14', '2028-06-14'],
        ['activity_report', '2028-03-15', '2029-03-14', '2029-06-14'],
        ['financial_report', '2028-03-15', '2029-03-14', '2029-06-14'],
      ]);
      expect(obligations.every((o) => o.status === 'open' && o.initiativeId === initiativeId && o.funderId === funderId)).to.equal(true);
      // Each generated obligation has its own audit row, like generated tranches.
      const audited = await app.db('audit_events').where({ resource: 'obligations', action: 'create' }).whereIn('record_id', obligations.map((o) => String(o.id)));
      expect(audited).to.have.length(4);
    });

    it('makes a final activity and financial report due 3 months after a period ending 31 December', async () => {
      // 31 December 2027 + 3 months: 31 March 2028 (the default reportDueMonths).
      const res = await create({ startDate: '2027-01-01', endDate: '2027-12-31', reportingSchedule: 'final' });
      expect(rowsOf(await obligationsOf(admin, { commitmentId: res.body.id }))).to.deep.equal([
        ['activity_report', '2027-01-01', '2027-12-31', '2028-03-31'],
        ['financial_report', '2027-01-01', '2027-12-31', '2028-03-31'],
      ]);
    });

    it('makes an activity report per quarterly tranche', async () => {
      // Quarters from 2027-02-15: 02-15..05-14, 05-15..08-14, 08-15..11-14, 11-15..2028-02-14;
      // + 2 months (not month ends): 07-14, 10-14, 2028-01-14, 2028-04-14.
      const res = await create({ startDate: '2027-02-15', endDate: '2028-02-14', trancheSchedule: 'quarterly', reportingSchedule: 'per_tranche', reportDueMonths: 2 });
      expect(res.status, JSON.stringify(res.body)).to.equal(201);
      expect(rowsOf(await obligationsOf(admin, { commitmentId: res.body.id }))).to.deep.equal([
        ['activity_report', '2027-02-15', '2027-05-14', '2027-07-14'],
        ['activity_report', '2027-05-15', '2027-08-14', '2027-10-14'],
        ['activity_report', '2027-08-15', '2027-11-14', '2028-01-14'],
        ['activity_report', '2027-11-15', '2028-02-14', '2028-04-14'],
      ]);
    });

    it('refuses per_tranche without tranches, and makes nothing', async () => {
      const before = await app.db('commitments').count<{ n: string }[]>({ n: '*' });
      const res = await create({ startDate: '2027-01-01', endDate: '2027-12-31', reportingSchedule: 'per_tranche' });
      expect(res.status).to.equal(400);
      expect((res.body as unknown as { codes: Record<string, { code: string }> }).codes.reportingSchedule!.code).to.equal('commitment.per_tranche_needs_tranches');
      expect(await app.db('commitments').count<{ n: string }[]>({ n: '*' })).to.deep.equal(before);
    });

    it('refuses a schedule on update', async () => {
      const res = await create({ startDate: '2027-01-01', endDate: '2027-12-31' });
      const put = await app.request('PUT', `/api/commitments/${res.body.id}`, { token: admin, body: { ...res.body, reportingSchedule: 'final' } });
      expect(put.status).to.equal(400);
    });
  });

  describe('one report for a gemeente and a fonds', () => {
    let initiativeId: number;
    let gemeenteId: number;
    let fondsId: number;
    let tokens: { initiative: string; gemeente: string; fonds: string; other: string; otherInitiative: string };
    let gemeenteObligation: number;
    let fondsObligation: number;
    let otherObligation: number;

    before(async () => {
      initiativeId = await makeInitiative(app.db, { name: 'Buurtkamer Oost' });
      gemeenteId = await makeFunder(app.db, { name: 'Gemeente Zwolle', type: 'municipality' });
      fondsId = await makeFunder(app.db, { name: 'Oranje Fonds', type: 'foundation' });
      const otherId = await makeFunder(app.db, { name: 'Bedrijf B', type: 'company' });
      gemeenteObligation = await makeObligation(app.db, await makeCommitment(app.db, initiativeId, gemeenteId));
      fondsObligation = await makeObligation(app.db, await makeCommitment(app.db, initiativeId, fondsId), { kind: 'financial_report' });
      otherObligation = await makeObligation(app.db, await makeCommitment(app.db, initiativeId, otherId));
      tokens = {
        initiative: await tokenFor(app.db, await makeUser(app.db, 'initiative', { initiativeId })),
        gemeente: await tokenFor(app.db, await makeUser(app.db, 'funder', { funderId: gemeenteId })),
        fonds: await tokenFor(app.db, await makeUser(app.db, 'funder', { funderId: fondsId })),
        other: await tokenFor(app.db, await makeUser(app.db, 'funder', { funderId: otherId })),
        otherInitiative: await tokenFor(app.db, await makeUser(app.db, 'initiative', { initiativeId: await makeInitiative(app.db) })),
      };
    });

    const submit = (token: string, obligationIds: number[], extra: Record<string, unknown> = {}) =>
      app.request<ApiRecord & { code?: string; codes?: Record<string, { code: string }> }>('POST', '/api/reports', {
        token,
        body: { title: 'Jaarverslag 2027', periodStart: '2027-01-01', periodEnd: '2027-12-31', summary: '412 bezoekers, 38 vrijwilligers', obligationIds, ...extra },
      });
    const obligation = async (id: number) => (await app.request<ApiRecord>('GET', `/api/obligations/${id}`, { token: admin })).body;
    const decide = (token: string, id: number, decision: string, body: Record<string, unknown>) =>
      app.request<ApiRecord & { code?: string; codes?: Record<string, { code: string }> }>('POST', `/api/obligations/${id}/${decision}`, { token, body });

    let reportId: number;
    let otherReportId: number;
    let fileId: number;
    let otherFileId: number;

    it('refuses a funder submitting a report, and an initiative answering another initiative\'s obligation', async () => {
      expect((await submit(tokens.gemeente, [gemeenteObligation], { initiativeId })).status).to.equal(403);
      const res = await submit(tokens.otherInitiative, [gemeenteObligation]);
      expect(res.status).to.equal(422);
      expect(res.body.codes!.obligationIds!.code).to.equal('report.obligation_unknown');
      expect((await obligation(gemeenteObligation)).status).to.equal('open');
      expect(await app.db('reports').where({ initiative_id: initiativeId })).to.have.length(0);
    });

    it('marks both obligations submitted today by one report', async () => {
      const res = await submit(tokens.initiative, [gemeenteObligation, fondsObligation]);
      expect(res.status, JSON.stringify(res.body)).to.equal(201);
      reportId = res.body.id;
      expect(res.body).to.include({ initiativeId, submittedOn: today(), fileCount: 0 });
      expect(res.body.obligationIds).to.deep.equal([gemeenteObligation, fondsObligation]);
      for (const id of [gemeenteObligation, fondsObligation]) {
        expect(await obligation(id)).to.include({ status: 'submitted', submittedOn: today(), reportId, version: 2 });
      }
      expect((await obligation(otherObligation)).status).to.equal('open');
    });

    it('refuses answering an obligation already submitted', async () => {
      const res = await submit(tokens.initiative, [fondsObligation]);
      expect(res.status).to.equal(422);
      expect(res.body.codes!.obligationIds!.code).to.equal('report.obligation_not_owed');
    });

    it('stores an attachment whose content is a PDF, and refuses an executable named .pdf', async () => {
      const ok = await uploadReportFile(app, tokens.initiative, reportId, 'Jaarverslag 2027.pdf', FILES.pdf);
      expect(ok.status, JSON.stringify(ok.body)).to.equal(201);
      expect(ok.body).to.include({ reportId, fileName: 'Jaarverslag 2027.pdf', contentType: 'application/pdf', sizeBytes: FILES.pdf.length });
      fileId = ok.body.id as number;
      const before = await app.db('report_files').count<{ n: string }[]>({ n: '*' });
      const exe = await uploadReportFile(app, tokens.initiative, reportId, 'verslag.pdf', FILES.exe);
      expect(exe.status).to.equal(415);
      expect(exe.body.codes!.file!.code).to.equal('file.type');
      const plainZip = await uploadReportFile(app, tokens.initiative, reportId, 'verslag.docx', FILES.zip);
      expect(plainZip.status).to.equal(415);
      const png = await uploadReportFile(app, tokens.initiative, reportId, 'verslag.pdf', FILES.png);
      expect(png.body.codes!.file!.code).to.equal('file.name_mismatch');
      expect(await app.db('report_files').count<{ n: string }[]>({ n: '*' })).to.deep.equal(before);
    });

    it('reads DOCX and ODT by the entry inside that names their type', async () => {
      const docx = await uploadReportFile(app, tokens.initiative, reportId, 'bijlage.docx', FILES.docx);
      expect(docx.status, JSON.stringify(docx.body)).to.equal(201);
      expect(docx.body.contentType).to.equal('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      const odt = await uploadReportFile(app, tokens.initiative, reportId, 'bijlage.odt', FILES.odt);
      expect(odt.body.contentType).to.equal('application/vnd.oasis.opendocument.text');
      // A DOCX's content under an .odt name does not fit.
      expect((await uploadReportFile(app, tokens.initiative, reportId, 'bijlage.odt', FILES.docx)).status).to.equal(415);
    });

    it('refuses a file over 10 MB', async () => {
      const big = Buffer.concat([FILES.pdf, Buffer.alloc(10 * 1024 * 1024)]);
      const res = await uploadReportFile(app, tokens.initiative, reportId, 'groot.pdf', big);
      expect(res.status).to.equal(413);
      expect(res.body.codes!.file!.code).to.equal('file.too_large');
    });

    it('downloads a file as an attachment, byte for byte', async () => {
      for (const token of [tokens.initiative, tokens.gemeente, tokens.fonds, admin]) {
        const res = await fetch(`${app.url}/api/report-files/${fileId}/content`, { headers: { authorization: `Bearer ${token}` } });
        expect(res.status).to.equal(200);
        expect(res.headers.get('content-disposition')).to.match(/^attachment; filename="Jaarverslag 2027.pdf"/);
        expect(res.headers.get('content-type')).to.match(/^application\/pdf/);
        expect(Buffer.from(await res.arrayBuffer()).equals(FILES.pdf)).to.equal(true);
      }
    });

    it('lets each funder decide its own obligation only', async () => {
      const g = await obligation(gemeenteObligation);
      const f = await obligation(fondsObligation);
      // The fonds cannot see, so cannot decide, the gemeente's obligation.
      expect((await decide(tokens.fonds, gemeenteObligation, 'accept', { version: g.version })).status).to.equal(404);
      expect((await decide(tokens.initiative, gemeenteObligation, 'accept', { version: g.version })).status).to.equal(403);
      expect((await decide(tokens.gemeente, gemeenteObligation, 'accept', { version: 1 })).status).to.equal(409);
      const accepted = await decide(tokens.gemeente, gemeenteObligation, 'accept', { version: g.version });
      expect(accepted.status, JSON.stringify(accepted.body)).to.equal(200);
      expect(accepted.body).to.include({ status: 'accepted', decidedOn: today() });
      // A rejection says why.
      const noNote = await decide(tokens.fonds, fondsObligation, 'reject', { version: f.version });
      expect(noNote.status).to.equal(400);
      expect(noNote.body.codes!.note!.code).to.equal('obligation.note_required');
      const rejected = await decide(tokens.fonds, fondsObligation, 'reject', { version: f.version, note: 'De begroting ontbreekt.' });
      expect(rejected.body).to.include({ status: 'rejected', note: 'De begroting ontbreekt.' });
      // Each decided its own: the gemeente's stays accepted.
      expect((await obligation(gemeenteObligation)).status).to.equal('accepted');
      // Nothing submitted, nothing to accept.
      const open = await obligation(otherObligation);
      const refused = await decide(tokens.other, otherObligation, 'accept', { version: open.version });
      expect(refused.status).to.equal(422);
      expect(refused.body.codes!.status!.code).to.equal('obligation.not_submitted');
    });

    it('lets the initiative answer a rejected obligation again, with another report', async () => {
      const res = await submit(tokens.initiative, [fondsObligation, otherObligation], { title: 'Jaarverslag 2027, met begroting' });
      expect(res.status, JSON.stringify(res.body)).to.equal(201);
      otherReportId = res.body.id;
      expect(await obligation(fondsObligation)).to.include({ status: 'submitted', reportId: otherReportId });
      const file = await uploadReportFile(app, tokens.initiative, otherReportId, 'begroting.pdf', FILES.pdf);
      otherFileId = file.body.id as number;
    });

    it('shows a funder only the reports and files that answer an obligation of its own', async () => {
      // Report 1 answers the gemeente and the fonds; report 2 the fonds and the bedrijf.
      const visible = async (token: string) => (await app.request<ApiRecord[]>('GET', `/api/reports${listQuery({ filter: { initiativeId } })}`, { token })).body.map((r) => r.id).sort();
      expect(await visible(tokens.gemeente)).to.deep.equal([reportId]);
      expect(await visible(tokens.fonds)).to.deep.equal([reportId, otherReportId].sort());
      expect(await visible(tokens.other)).to.deep.equal([otherReportId]);
      expect(await visible(tokens.initiative)).to.deep.equal([reportId, otherReportId].sort());
      expect(await visible(tokens.otherInitiative)).to.deep.equal([]);
      expect(await visible(admin)).to.deep.equal([reportId, otherReportId].sort());
      // Not the report, not its files, not a file's content.
      expect((await app.request('GET', `/api/reports/${otherReportId}`, { token: tokens.gemeente })).status).to.equal(404);
      expect((await app.request('GET', `/api/report-files/${otherFileId}`, { token: tokens.gemeente })).status).to.equal(404);
      expect((await app.request('GET', `/api/report-files/${otherFileId}/content`, { token: tokens.gemeente })).status).to.equal(404);
      expect((await app.request('GET', `/api/report-files/${fileId}/content`, { token: tokens.other })).status).to.equal(404);
      expect((await app.request('GET', `/api/report-files/${fileId}/content`, { token: tokens.otherInitiative })).status).to.equal(404);
      const files = await app.request<ApiRecord[]>('GET', `/api/report-files${listQuery({ filter: { reportId: [reportId, otherReportId] } })}`, { token: tokens.gemeente });
      expect(files.body.every((f) => f.reportId === reportId)).to.equal(true);
      // Nor another funder's obligations: the gemeente sees only its own of this initiative.
      expect((await obligationsOf(tokens.gemeente, { initiativeId })).map((o) => o.id)).to.deep.equal([gemeenteObligation]);
      expect((await obligationsOf(tokens.initiative, { initiativeId })).map((o) => o.id).sort()).to.deep.equal([gemeenteObligation, fondsObligation, otherObligation].sort());
      // Only the initiative (or an admin) adds files.
      expect((await uploadReportFile(app, tokens.gemeente, reportId, 'x.pdf', FILES.pdf)).status).to.equal(403);
      expect((await uploadReportFile(app, tokens.otherInitiative, reportId, 'x.pdf', FILES.pdf)).status).to.equal(404);
    });

    it('lets a funder waive an obligation still owed, not one already decided', async () => {
      const waived = await decide(tokens.other, otherObligation, 'waive', { version: (await obligation(otherObligation)).version });
      expect(waived.body.status).to.equal('waived');
      const again = await decide(tokens.gemeente, gemeenteObligation, 'waive', { version: (await obligation(gemeenteObligation)).version });
      expect(again.status).to.equal(422);
      expect(again.body.codes!.status!.code).to.equal('obligation.not_waivable');
    });
  });

  describe('overdue', () => {
    it('is overdue from the day after its due date, as the domain says', async () => {
      const commitmentId = await makeCommitment(app.db, await makeInitiative(app.db), await makeFunder(app.db));
      const now = today();
      const dueToday = await makeObligation(app.db, commitmentId, { dueOn: now });
      const dueYesterday = await makeObligation(app.db, commitmentId, { dueOn: addDays(now, -1) });
      const dueLongAgo = await makeObligation(app.db, commitmentId, { dueOn: addDays(now, -40) });
      const submittedLate = await makeObligation(app.db, commitmentId, { dueOn: addDays(now, -40), status: 'submitted' });
      const rejectedLate = await makeObligation(app.db, commitmentId, { dueOn: addDays(now, -3), status: 'rejected' });
      const got = await obligationsOf(admin, { commitmentId });
      const of = (id: number) => got.find((o) => o.id === id)!;
      expect(of(dueToday)).to.include({ overdue: false, daysOverdue: 0 });
      expect(of(dueYesterday)).to.include({ overdue: true, daysOverdue: 1 });
      expect(of(dueLongAgo)).to.include({ overdue: true, daysOverdue: 40 });
      expect(of(submittedLate)).to.include({ overdue: false, daysOverdue: 0 });
      expect(of(rejectedLate)).to.include({ overdue: true, daysOverdue: 3 });
      for (const o of got) expect({ overdue: o.overdue, daysOverdue: o.daysOverdue }).to.deep.equal(lateness(o.status as never, o.dueOn as string, now));
      expect((await obligationsOf(admin, { commitmentId, overdue: true })).map((o) => o.id).sort()).to.deep.equal([dueYesterday, dueLongAgo, rejectedLate].sort());
    });
  });

  describe('indicators', () => {
    it('lets an initiative keep its indicators and values, and its funder read them', async () => {
      const initiativeId = await makeInitiative(app.db);
      const funderId = await makeFunder(app.db);
      await makeCommitment(app.db, initiativeId, funderId);
      const own = await tokenFor(app.db, await makeUser(app.db, 'initiative', { initiativeId }));
      const funder = await tokenFor(app.db, await makeUser(app.db, 'funder', { funderId }));
      const stranger = await tokenFor(app.db, await makeUser(app.db, 'funder', { funderId: await makeFunder(app.db) }));
      const indicator = await app.request<ApiRecord>('POST', '/api/indicators', { token: own, body: { name: 'Bezoekers', unit: 'mensen', targets: { '2026': 300, '2027': 400 } } });
      expect(indicator.status, JSON.stringify(indicator.body)).to.equal(201);
      expect(indicator.body).to.include({ initiativeId, direction: 'higher_is_better' });
      for (const [year, value] of [[2026, 312], [2027, 287.5]] as const) {
        expect((await app.request('POST', '/api/indicator-values', { token: own, body: { indicatorId: indicator.body.id, year, value } })).status).to.equal(201);
      }
      const twin = await app.request<{ code: string }>('POST', '/api/indicator-values', { token: own, body: { indicatorId: indicator.body.id, year: 2027, value: 1 } });
      expect(twin.status).to.equal(409);
      expect((await app.request('POST', '/api/indicator-values', { token: funder, body: { indicatorId: indicator.body.id, year: 2028, value: 1 } })).status).to.equal(403);
      const values = await app.request<ApiRecord[]>('GET', `/api/indicator-values${listQuery({ filter: { initiativeId } })}`, { token: funder });
      expect(values.body.map((v) => [v.year, v.value])).to.deep.equal([[2026, 312], [2027, 287.5]]);
      expect((await app.request<ApiRecord[]>('GET', `/api/indicators${listQuery({ filter: { initiativeId } })}`, { token: stranger })).body).to.deep.equal([]);
    });
  });

  describe('burden', () => {
    it('counts obligations per year and per € 10.000 committed, per initiative and per funder type', async () => {
      // One initiative: the gemeente commits € 20.000 over 2027 and asks 2 reports due in 2027
      // (a third, waived, counts for nothing); the fonds commits € 5.000 over 2027 and asks 2 due
      // in 2027 and 1 due in 2028.
      const initiativeId = await makeInitiative(app.db);
      const gemeenteId = await makeFunder(app.db, { type: 'municipality' });
      const fondsId = await makeFunder(app.db, { type: 'foundation' });
      const g = await makeCommitment(app.db, initiativeId, gemeenteId, { startDate: '2027-01-01', endDate: '2027-12-31', amountCents: 2_000_000 });
      const f = await makeCommitment(app.db, initiativeId, fondsId, { startDate: '2027-01-01', endDate: '2027-12-31', amountCents: 500_000 });
      await makeObligation(app.db, g, { dueOn: '2027-06-30' });
      await makeObligation(app.db, g, { dueOn: '2027-12-31', status: 'accepted' });
      await makeObligation(app.db, g, { dueOn: '2027-09-30', status: 'waived' });
      await makeObligation(app.db, f, { dueOn: '2027-04-30' });
      await makeObligation(app.db, f, { dueOn: '2027-10-31', status: 'submitted' });
      await makeObligation(app.db, f, { dueOn: '2028-03-31' });
      const burden = await app.request<{ years: Record<string, unknown>[] }>('GET', `/api/initiatives/${initiativeId}/burden?from=2027&years=2`, { token: admin });
      expect(burden.status, JSON.stringify(burden.body)).to.equal(200);
      // 2027: 2 + 2 = 4 obligations from 2 funders against 2,000,000 + 500,000 = 2,500,000 cents:
      // 4 × 1,000,000 / 2,500,000 = 1.6 per € 10.000. 2028: 1 from the fonds, nothing committed.
      expect(burden.body.years).to.deep.equal([
        { year: 2027, obligationCount: 4, funderCount: 2, committedCents: 2_500_000, obligationsPer10k: 1.6 },
        { year: 2028, obligationCount: 1, funderCount: 1, committedCents: 0, obligationsPer10k: null },
      ]);
      // As the initiative's own user, the portfolio is this one initiative (a funder would also see
      // the initiatives other tests share with all funders): the gemeente asks 2 per 2,000,000
      // cents = 1 per € 10.000; the fonds 2 per 500,000 = 4 per € 10.000.
      const own = await tokenFor(app.db, await makeUser(app.db, 'initiative', { initiativeId }));
      const stats = await app.request<Record<string, unknown>>('GET', '/api/stats/burden?year=2027', { token: own });
      expect(stats.status, JSON.stringify(stats.body)).to.equal(200);
      // Overdue: the open ones once their due date has passed (the gemeente's 2027-06-30, the fonds's 2027-04-30).
      const overdue = (dueOn: string) => (dueOn < today() ? 1 : 0);
      expect(stats.body).to.deep.equal({
        year: 2027,
        groups: [
          { funderType: 'municipality', initiativeCount: 1, obligationCount: 2, funderCount: 1, committedCents: 2_000_000, obligationsPer10k: 1, overdueCount: overdue('2027-06-30') },
          { funderType: 'foundation', initiativeCount: 1, obligationCount: 2, funderCount: 1, committedCents: 500_000, obligationsPer10k: 4, overdueCount: overdue('2027-04-30') },
        ],
        totals: { initiativeCount: 1, obligationCount: 4, funderCount: 2, committedCents: 2_500_000, obligationsPer10k: 1.6, overdueCount: overdue('2027-06-30') + overdue('2027-04-30') },
        computed: 'live',
      });
    });
  });
});
