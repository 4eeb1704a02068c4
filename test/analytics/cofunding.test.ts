// GET /api/funders/{id}/cofunding through real HTTP: the initiatives a funder funds (any
// commitment that is not declined or withdrawn) that the user may see, each with the funder's own
// commitments, the funder itself and the OTHER funders as co-funders (group, statuses, committed
// money in the coming `years` years, end date), coverage per year from the year of asOf, and the
// open gaps. The funders are made fresh here, so the initiatives they fund are exactly the ones below.
import { expect } from 'chai';
import { listQuery, startTestApp, type TestApp } from '../support/app.js';
import { adminToken, makeBudget, makeCommitment, makeFunder, makeInitiative } from '../support/factories.js';
import { itRefusesQueries, uniqueTag, type ApiErrorBody } from '../support/records.js';
import { amsterdamToday, funderUserToken, initiativeUserToken, type CofundingBody } from './shapes.js';

const AS_OF = '2027-03-10';

describe('analytics: co-funding table (/api/funders/{id}/cofunding)', () => {
  let app: TestApp;
  let admin: string;
  const tag = uniqueTag('Cofi');
  const names = {
    fonds: uniqueTag('Fonds Cofi'),
    gemeente: uniqueTag('Gemeente Cofi'),
    bedrijf: uniqueTag('Bedrijf Cofi'),
    stichting: uniqueTag('Stichting Cofi'),
    provincie: uniqueTag('Provincie Cofi'),
  };
  let fonds = 0;
  let gemeente = 0;
  let bedrijf = 0;
  let stichting = 0;
  let provincie = 0;
  const ids = { a: 0, b: 0, declinedOnly: 0, notFunded: 0, e: 0 };
  const own = { a: 0, b: 0 };
  const gaps = { cliff: 0, shortfall: 0 };

  before(async () => {
    app = await startTestApp();
    admin = await adminToken(app.db);
    fonds = await makeFunder(app.db, { name: names.fonds, type: 'foundation' });
    gemeente = await makeFunder(app.db, { name: names.gemeente, type: 'municipality' });
    bedrijf = await makeFunder(app.db, { name: names.bedrijf, type: 'company' });

    // A: need 2027 730_000 (2_000 a day), 2028 732_000 (2_000 a day, leap year).
    ids.a = await makeInitiative(app.db, { name: `${tag} Akker`, foundedOn: '2019-04-01', municipality: 'Zwolle' });
    await makeBudget(app.db, ids.a, { year: 2027, amountCents: 730_000 });
    await makeBudget(app.db, ids.a, { year: 2028, amountCents: 732_000 });
    //   the fonds: 365_000 over 2027                    → 2027 365_000
    own.a = await makeCommitment(app.db, ids.a, fonds, { title: 'Bijdrage 2027', startDate: '2027-01-01', endDate: '2027-12-31', amountCents: 365_000 });
    //   the gemeente: 731_000 over 2027–2028 (731 days) → 2027 365_000, 2028 366_000
    await makeCommitment(app.db, ids.a, gemeente, { startDate: '2027-01-01', endDate: '2028-12-31', amountCents: 731_000 });
    //   the bedrijf: requested 366_000 over 2028        → pipeline 2028 366_000
    await makeCommitment(app.db, ids.a, bedrijf, { status: 'requested', startDate: '2028-01-01', endDate: '2028-12-31', amountCents: 366_000 });
    // Gaps as a scan would have written them: two open, one resolved.
    const gap = async (row: Record<string, unknown>) => {
      const [created] = await app.db('gaps')
        .insert({ initiative_id: ids.a, subject_id: 0, details: JSON.stringify({}), shortfall_cents: 0, ...row })
        .returning<{ id: number }[]>('id');
      return created!.id;
    };
    gaps.shortfall = await gap({ kind: 'shortfall', period_start: '2028-01-01', period_end: '2028-12-31', shortfall_cents: 366_000, severity: 'medium' });
    gaps.cliff = await gap({ kind: 'cliff', period_start: '2027-06-01', period_end: '2027-06-30', severity: 'high' });
    await gap({ kind: 'expiring', subject_id: own.a, period_start: '2027-01-01', period_end: '2027-12-31', severity: 'high', resolved_at: app.db.fn.now() });

    // B: the fonds has only applied (requested); no budget, no other funder.
    ids.b = await makeInitiative(app.db, { name: `${tag} Beek`, foundedOn: '2023-09-01', municipality: 'Deventer' });
    own.b = await makeCommitment(app.db, ids.b, fonds, { title: 'Aanvraag 2028', status: 'requested', startDate: '2028-01-01', endDate: '2028-06-30', amountCents: 100_000 });

    // Not listed: the fonds declined it; and one the fonds does not fund at all (shared, gemeente only).
    ids.declinedOnly = await makeInitiative(app.db, { name: `${tag} Cirkel` });
    await makeCommitment(app.db, ids.declinedOnly, fonds, { status: 'declined' });
    ids.notFunded = await makeInitiative(app.db, { name: `${tag} Dijk`, sharedWithFunders: true });
    await makeCommitment(app.db, ids.notFunded, gemeente);

    // E, the stichting's only initiative: a current, a past and a requested-only co-funder.
    stichting = await makeFunder(app.db, { name: names.stichting, type: 'foundation' });
    provincie = await makeFunder(app.db, { name: names.provincie, type: 'province' });
    ids.e = await makeInitiative(app.db, { name: `${tag} Erf`, foundedOn: '2022-02-01', municipality: 'Zwolle' });
    await makeCommitment(app.db, ids.e, stichting, { startDate: '2027-07-01', endDate: '2028-06-30', amountCents: 366_000 });
    await makeCommitment(app.db, ids.e, gemeente, { startDate: '2027-01-01', endDate: '2027-12-31', amountCents: 1_200_000 });
    await makeCommitment(app.db, ids.e, bedrijf, { status: 'completed', startDate: '2026-01-01', endDate: '2026-12-31', amountCents: 300_000 });
    await makeCommitment(app.db, ids.e, provincie, { status: 'requested', startDate: '2028-01-01', endDate: '2028-12-31', amountCents: 500_000 });
    await makeCommitment(app.db, ids.e, fonds, { status: 'withdrawn', startDate: '2027-01-01', endDate: '2027-12-31', amountCents: 900_000 });
  });

  after(async () => {
    await app.close();
  });

  const cofunding = (query: string, token = admin, funderId: number | string = fonds) =>
    app.request<CofundingBody>('GET', `/api/funders/${funderId}/cofunding${query}`, { token });

  it('lists what the funder funds, with its own commitments, the other funders, coverage and open gaps', async () => {
    const res = await cofunding(`?asOf=${AS_OF}&years=2`);
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-range')).to.equal('cofunding 0-1/2');
    const { initiatives, ...head } = res.body;
    expect(head).to.deep.equal({ funderId: fonds, asOf: AS_OF, from: 2027, years: 2, window: { from: '2027-03', to: '2029-02' }, first: 0, total: 2 });
    expect(initiatives.map((i) => i.id)).to.deep.equal([ids.a, ids.b]);
    const [a, b] = initiatives;

    expect(a).to.deep.equal({
      id: ids.a,
      name: `${tag} Akker`,
      municipality: 'Zwolle',
      foundedOn: '2019-04-01',
      commitments: [{ id: own.a, title: 'Bijdrage 2027', status: 'committed', startDate: '2027-01-01', endDate: '2027-12-31', amountCents: 365_000 }],
      // The window is March 2027 to February 2029. The fonds: 1_000 a day on the 306 days of
      // March–December 2027.
      own: { id: fonds, name: names.fonds, type: 'foundation', group: 'current', statuses: [{ status: 'committed', count: 1 }], committedCents: 306_000, endDate: '2027-12-31' },
      // The gemeente: 1_000 a day on 306 days of 2027 and 366 of 2028 = 672_000; the bedrijf only
      // requested → pipeline, nothing committed.
      otherFunders: [
        { id: gemeente, name: names.gemeente, type: 'municipality', group: 'current', statuses: [{ status: 'committed', count: 1 }], committedCents: 672_000, endDate: '2028-12-31' },
        { id: bedrijf, name: names.bedrijf, type: 'company', group: 'pipeline', statuses: [{ status: 'requested', count: 1 }], committedCents: 0, endDate: '2028-12-31' },
      ],
      coverage: [
        // 2027: fonds 365_000 + gemeente 365_000 = 730_000 of 730_000.
        { year: 2027, needCents: 730_000, committedCents: 730_000, pipelineCents: 730_000, coverage: 1 },
        // 2028: gemeente 366_000 of 732_000 = 0.5; pipeline + bedrijf 366_000 = 732_000.
        { year: 2028, needCents: 732_000, committedCents: 366_000, pipelineCents: 732_000, coverage: 0.5 },
      ],
      // Open gaps only, earliest first; the resolved `expiring` gap is left out.
      openGaps: [
        { id: gaps.cliff, kind: 'cliff', periodStart: '2027-06-01', periodEnd: '2027-06-30', severity: 'high', shortfallCents: 0 },
        { id: gaps.shortfall, kind: 'shortfall', periodStart: '2028-01-01', periodEnd: '2028-12-31', severity: 'medium', shortfallCents: 366_000 },
      ],
    });

    expect(b).to.deep.equal({
      id: ids.b,
      name: `${tag} Beek`,
      municipality: 'Deventer',
      foundedOn: '2023-09-01',
      commitments: [{ id: own.b, title: 'Aanvraag 2028', status: 'requested', startDate: '2028-01-01', endDate: '2028-06-30', amountCents: 100_000 }],
      own: { id: fonds, name: names.fonds, type: 'foundation', group: 'pipeline', statuses: [{ status: 'requested', count: 1 }], committedCents: 0, endDate: '2028-06-30' },
      otherFunders: [],
      // No budget: coverage null; the requested 100_000 falls wholly in 2028's pipeline.
      coverage: [
        { year: 2027, needCents: 0, committedCents: 0, pipelineCents: 0, coverage: null },
        { year: 2028, needCents: 0, committedCents: 0, pipelineCents: 100_000, coverage: null },
      ],
      openGaps: [],
    });
  });

  it('tells current, requested-only and past co-funders apart, with their money over the coming years', async () => {
    // Three years from July 2027: 2027-07-01..2030-06-30.
    const res = await cofunding('?asOf=2027-07-01', admin, stichting);
    expect(res.status).to.equal(200);
    expect(res.body).to.include({ from: 2027, years: 3, total: 1 });
    expect(res.body.window).to.deep.equal({ from: '2027-07', to: '2030-06' });
    const [e] = res.body.initiatives;
    expect(e!.id).to.equal(ids.e);
    // 366_000 over 2027-07-01..2028-06-30 (366 days), all of it inside the window.
    expect(e!.own).to.deep.equal({ id: stichting, name: names.stichting, type: 'foundation', group: 'current', statuses: [{ status: 'committed', count: 1 }], committedCents: 366_000, endDate: '2028-06-30' });
    expect(e!.otherFunders).to.deep.equal([
      // € 12.000 over 2027 evenly: 1_200_000 × 184/365 (July–December) = 604_931.51 cents.
      { id: gemeente, name: names.gemeente, type: 'municipality', group: 'current', statuses: [{ status: 'committed', count: 1 }], committedCents: 604_932, endDate: '2027-12-31' },
      { id: provincie, name: names.provincie, type: 'province', group: 'pipeline', statuses: [{ status: 'requested', count: 1 }], committedCents: 0, endDate: '2028-12-31' },
      // Finished before asOf: nothing in the window. The fonds withdrew: not a co-funder at all.
      { id: bedrijf, name: names.bedrijf, type: 'company', group: 'past', statuses: [{ status: 'completed', count: 1 }], committedCents: 0, endDate: '2026-12-31' },
    ]);
  });

  it('is the same table for the funder’s own user', async () => {
    const token = await funderUserToken(app.db, fonds);
    const mine = await cofunding(`?asOf=${AS_OF}&years=2`, token);
    const theirs = await cofunding(`?asOf=${AS_OF}&years=2`);
    expect(mine.status).to.equal(200);
    expect(mine.body).to.deep.equal(theirs.body);
  });

  it('shows another funder’s user only the initiatives that user may see', async () => {
    // The gemeente's user sees A (the gemeente funds it) and D (shared) but not B: of the fonds'
    // table only A remains. Its other funders, from the fonds' point of view, include the gemeente.
    const token = await funderUserToken(app.db, gemeente);
    const res = await cofunding(`?asOf=${AS_OF}&years=2`, token);
    expect(res.status).to.equal(200);
    expect(res.body.initiatives.map((i) => i.id)).to.deep.equal([ids.a]);
    expect(res.body.total).to.equal(1);
    expect(res.headers.get('content-range')).to.equal('cofunding 0-0/1');
    expect(res.body.initiatives[0]!.otherFunders.map((f) => f.id)).to.deep.equal([gemeente, bedrijf]);
  });

  it('shows a funder user the table of another funder only as far as it may see the initiatives', async () => {
    // A funder without any commitment sees the funders (so no 404) but none of E: it is not shared.
    const outsider = await makeFunder(app.db, { name: uniqueTag('Fonds Buiten') });
    const res = await cofunding('?asOf=2027-07-01', await funderUserToken(app.db, outsider), stichting);
    expect(res.status).to.equal(200);
    expect(res.body.initiatives).to.deep.equal([]);
    expect(res.headers.get('content-range')).to.equal('cofunding */0');
  });

  it('shows an initiative user only its own initiative', async () => {
    const ofB = await cofunding(`?asOf=${AS_OF}`, await initiativeUserToken(app.db, ids.b));
    expect(ofB.body.initiatives.map((i) => i.id)).to.deep.equal([ids.b]);
    const ofD = await cofunding(`?asOf=${AS_OF}`, await initiativeUserToken(app.db, ids.notFunded));
    expect(ofD.status).to.equal(200);
    expect(ofD.body.initiatives).to.deep.equal([]);
    expect(ofD.body.total).to.equal(0);
    expect(ofD.headers.get('content-range')).to.equal('cofunding */0');
  });

  it('pages, sorts and searches with the list conventions', async () => {
    const page = await cofunding(`${listQuery({ range: [1, 1] })}&asOf=${AS_OF}`);
    expect(page.body.initiatives.map((i) => i.id)).to.deep.equal([ids.b]);
    expect(page.body).to.include({ first: 1, total: 2 });
    expect(page.headers.get('content-range')).to.equal('cofunding 1-1/2');
    const desc = await cofunding(`${listQuery({ sort: ['name', 'DESC'] })}&asOf=${AS_OF}`);
    expect(desc.body.initiatives.map((i) => i.id)).to.deep.equal([ids.b, ids.a]);
    const byTown = await cofunding(`${listQuery({ filter: { municipality: 'deventer' } })}&asOf=${AS_OF}`);
    expect(byTown.body.initiatives.map((i) => i.id)).to.deep.equal([ids.b]);
    const search = await cofunding(`${listQuery({ filter: { q: `${tag} akker` } })}&asOf=${AS_OF}`);
    expect(search.body.initiatives.map((i) => i.id)).to.deep.equal([ids.a]);
  });

  it('uses today in the Netherlands and three years by default', async () => {
    const res = await cofunding('');
    expect(res.status).to.equal(200);
    const today = amsterdamToday();
    const year = Number(today.slice(0, 4));
    expect(res.body).to.include({ asOf: today, from: year, years: 3 });
    expect(res.body.initiatives[0]!.coverage.map((c) => c.year)).to.deep.equal([year, year + 1, year + 2]);
  });

  it('answers 404 for a funder that does not exist', async () => {
    expect((await cofunding(`?asOf=${AS_OF}`, admin, 2_000_000_000)).status).to.equal(404);
    expect((await cofunding(`?asOf=${AS_OF}`, admin, 'abc')).status).to.equal(404);
  });

  itRefusesQueries((query) => app.request<ApiErrorBody>('GET', `/api/funders/${fonds}/cofunding${query}`, { token: admin }), [
    ['?years=0', 'years'],
    ['?years=11', 'years'],
    ['?asOf=2027-02-30', 'asOf'],
    [listQuery({ sort: ['amountCents', 'ASC'] }), 'sort'],
    [listQuery({ filter: { status: 'committed' } }), 'status'],
  ]);
});
