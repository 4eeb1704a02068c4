// `trancheSchedule` on commitment create (DESIGN.md, "Rules"): consecutive tranches of 12/3/1
// months counted from startDate, the last one cut at endDate, amounts as equal as possible with
// the leftover cents on the earliest tranches; and the commitment's read-only amounts.
// Every expected period and amount below is worked out by hand in the comment above it.
import { expect } from 'chai';
import { listQuery, startTestApp, type TestApp } from '../support/app.js';
import { adminToken, makeFunder, makeInitiative } from '../support/factories.js';
import type { ApiRecord } from '../support/records.js';

type Period = [periodStart: string, periodEnd: string, amountCents: number];

describe('API tranche schedules', () => {
  let app: TestApp;
  let token: string;
  let initiativeId: number;
  let funderId: number;

  before(async () => {
    app = await startTestApp();
    token = await adminToken(app.db);
    initiativeId = await makeInitiative(app.db);
    funderId = await makeFunder(app.db);
  });

  after(async () => {
    await app.close();
  });

  async function createScheduled(startDate: string, endDate: string, amountCents: number, trancheSchedule?: string): Promise<ApiRecord> {
    const res = await app.request<ApiRecord>('POST', '/api/commitments', {
      token,
      body: { initiativeId, funderId, title: 'Meerjarige subsidie', kind: 'subsidy', status: 'committed', startDate, endDate, amountCents, trancheSchedule },
    });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    return res.body;
  }

  async function tranchesOf(commitmentId: number): Promise<ApiRecord[]> {
    const res = await app.request<ApiRecord[]>('GET', `/api/tranches${listQuery({ sort: ['periodStart', 'ASC'], range: [0, 999], filter: { commitmentId } })}`, { token });
    expect(res.status).to.equal(200);
    return res.body;
  }

  async function scheduleOf(commitmentId: number): Promise<Period[]> {
    return (await tranchesOf(commitmentId)).map((t) => [t.periodStart as string, t.periodEnd as string, t.amountCents as number]);
  }

  const amountsOf = (commitment: ApiRecord) => ({
    amountCents: commitment.amountCents,
    scheduledCents: commitment.scheduledCents,
    receivedCents: commitment.receivedCents,
    unscheduledCents: commitment.unscheduledCents,
    remainingCents: commitment.remainingCents,
  });

  describe('periods and amounts', () => {
    it('makes yearly tranches over a leap year, the odd cent to the first', async () => {
      // 2027-03-01 + 12 months = 2028-03-01, so the first year ends on 2028-02-29 (a leap day);
      // + 24 months = 2029-03-01, so the second ends on 2029-02-28, the end date.
      // 100_001 / 2 = 50_000 rest 1: the first tranche takes the extra cent.
      const c = await createScheduled('2027-03-01', '2029-02-28', 100_001, 'yearly');
      expect(await scheduleOf(c.id)).to.deep.equal([
        ['2027-03-01', '2028-02-29', 50_001],
        ['2028-03-01', '2029-02-28', 50_000],
      ]);
    });

    it('cuts the last year short at the end date', async () => {
      // years from 2027-07-01: 2027-07-01..2028-06-30, 2028-07-01..2029-06-30, then 2029-07-01
      // cut at 2029-12-31. 100_000 / 3 = 33_333 rest 1.
      const c = await createScheduled('2027-07-01', '2029-12-31', 100_000, 'yearly');
      expect(await scheduleOf(c.id)).to.deep.equal([
        ['2027-07-01', '2028-06-30', 33_334],
        ['2028-07-01', '2029-06-30', 33_333],
        ['2029-07-01', '2029-12-31', 33_333],
      ]);
    });

    it('makes quarterly tranches with the last quarter cut short', async () => {
      // quarters from 2027-01-01: 01-01..03-31, 04-01..06-30, then 07-01 cut at 08-15.
      // 100_001 / 3 = 33_333 rest 2: the first two take a cent each.
      const c = await createScheduled('2027-01-01', '2027-08-15', 100_001, 'quarterly');
      expect(await scheduleOf(c.id)).to.deep.equal([
        ['2027-01-01', '2027-03-31', 33_334],
        ['2027-04-01', '2027-06-30', 33_334],
        ['2027-07-01', '2027-08-15', 33_333],
      ]);
    });

    it('counts quarters from the start date, across a leap February', async () => {
      // boundaries 2027-11-30 + 3 months = 2028-02-29 (30 February does not exist),
      // + 6 months = 2028-05-30, + 9 months = 2028-08-30 (past the end, so the third is cut at 06-15).
      // 1_000 / 3 = 333 rest 1.
      const c = await createScheduled('2027-11-30', '2028-06-15', 1_000, 'quarterly');
      expect(await scheduleOf(c.id)).to.deep.equal([
        ['2027-11-30', '2028-02-28', 334],
        ['2028-02-29', '2028-05-29', 333],
        ['2028-05-30', '2028-06-15', 333],
      ]);
    });

    it('makes monthly tranches from a mid-month start', async () => {
      // 01-15..02-14, 02-15..03-14, 03-15..04-14, 04-15..05-14. 1_003 / 4 = 250 rest 3.
      const c = await createScheduled('2027-01-15', '2027-05-14', 1_003, 'monthly');
      expect(await scheduleOf(c.id)).to.deep.equal([
        ['2027-01-15', '2027-02-14', 251],
        ['2027-02-15', '2027-03-14', 251],
        ['2027-03-15', '2027-04-14', 251],
        ['2027-04-15', '2027-05-14', 250],
      ]);
    });

    it('makes monthly tranches from the 31st that keep returning to the 31st', async () => {
      // boundaries 2027-01-31, + 1 = 02-28, + 2 = 03-31, + 3 = 04-30 (past the end 04-29).
      // 100 / 3 = 33 rest 1.
      const c = await createScheduled('2027-01-31', '2027-04-29', 100, 'monthly');
      expect(await scheduleOf(c.id)).to.deep.equal([
        ['2027-01-31', '2027-02-27', 34],
        ['2027-02-28', '2027-03-30', 33],
        ['2027-03-31', '2027-04-29', 33],
      ]);
    });

    it('makes one tranche over the whole period for once', async () => {
      const c = await createScheduled('2027-04-01', '2029-03-31', 7_654_321, 'once');
      expect(await scheduleOf(c.id)).to.deep.equal([['2027-04-01', '2029-03-31', 7_654_321]]);
    });

    it('makes one tranche for a one-day commitment, even monthly', async () => {
      const c = await createScheduled('2028-02-29', '2028-02-29', 99, 'monthly');
      expect(await scheduleOf(c.id)).to.deep.equal([['2028-02-29', '2028-02-29', 99]]);
    });

    it('gives the leftover cents to the earliest tranches when there are fewer cents than tranches', async () => {
      // 5 / 12 = 0 rest 5: the first five months get a cent, the other seven nothing.
      const c = await createScheduled('2027-01-01', '2027-12-31', 5, 'monthly');
      expect((await scheduleOf(c.id)).map(([, , amount]) => amount)).to.deep.equal([1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
    });

    it('makes 60 monthly tranches that tile five years and add up exactly', async () => {
      // 100_000_007 / 60 = 1_666_666 rest 47: months 1–47 get 1_666_667, months 48–60 get 1_666_666;
      // 47 × 1_666_667 + 13 × 1_666_666 = 78_333_349 + 21_666_658 = 100_000_007.
      const c = await createScheduled('2027-01-01', '2031-12-31', 100_000_007, 'monthly');
      const res = await app.request<ApiRecord[]>('GET', `/api/tranches${listQuery({ sort: ['periodStart', 'ASC'], range: [0, 99], filter: { commitmentId: c.id } })}`, { token });
      expect(res.headers.get('content-range')).to.equal('tranches 0-59/60');
      const schedule = await scheduleOf(c.id);
      expect(schedule[0]).to.deep.equal(['2027-01-01', '2027-01-31', 1_666_667]);
      expect(schedule[1]).to.deep.equal(['2027-02-01', '2027-02-28', 1_666_667]);
      expect(schedule[46]).to.deep.equal(['2030-11-01', '2030-11-30', 1_666_667]);
      expect(schedule[47]).to.deep.equal(['2030-12-01', '2030-12-31', 1_666_666]);
      expect(schedule[59]).to.deep.equal(['2031-12-01', '2031-12-31', 1_666_666]);
      expect(schedule.reduce((sum, [, , amount]) => sum + amount, 0)).to.equal(100_000_007);
      // each tranche starts on the 1st of the month after the previous one's month
      const starts = schedule.map(([start]) => start);
      const expectedStarts = Array.from({ length: 60 }, (_, k) => `${2027 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}-01`);
      expect(starts).to.deep.equal(expectedStarts);
    });

    it('makes the generated tranches planned, due at their start, not yet received', async () => {
      const c = await createScheduled('2027-01-01', '2027-12-31', 1_000, 'quarterly');
      const tranches = await tranchesOf(c.id);
      expect(tranches.map((t) => ({ status: t.status, dueOn: t.dueOn, receivedOn: t.receivedOn, version: t.version, commitmentId: t.commitmentId }))).to.deep.equal(
        ['2027-01-01', '2027-04-01', '2027-07-01', '2027-10-01'].map((dueOn) => ({ status: 'planned', dueOn, receivedOn: null, version: 1, commitmentId: c.id })),
      );
    });

    it('makes no tranches without a schedule, and does not store the schedule', async () => {
      const c = await createScheduled('2027-01-01', '2027-12-31', 1_000);
      expect(await scheduleOf(c.id)).to.deep.equal([]);
      expect(c).not.to.have.property('trancheSchedule');
      const scheduled = await createScheduled('2027-01-01', '2027-12-31', 1_000, 'yearly');
      expect(scheduled).not.to.have.property('trancheSchedule');
    });
  });

  describe('read-only amounts', () => {
    it('answers the new commitment as fully scheduled, nothing received', async () => {
      const c = await createScheduled('2027-01-01', '2027-12-31', 100_001, 'quarterly');
      expect(amountsOf(c)).to.deep.equal({ amountCents: 100_001, scheduledCents: 100_001, receivedCents: 0, unscheduledCents: 0, remainingCents: 100_001 });
    });

    it('answers a commitment without tranches as wholly unscheduled', async () => {
      const c = await createScheduled('2027-01-01', '2027-12-31', 42_000);
      expect(amountsOf(c)).to.deep.equal({ amountCents: 42_000, scheduledCents: 0, receivedCents: 0, unscheduledCents: 42_000, remainingCents: 42_000 });
    });

    it('counts a received tranche as received and leaves a cancelled one out of the schedule', async () => {
      // quarterly 100_001 = 25_001 + 25_000 + 25_000 + 25_000.
      // Q1 received, Q2 cancelled:
      //   scheduled   = 25_001 + 25_000 + 25_000 (Q1, Q3, Q4) = 75_001
      //   received    = 25_001 (Q1)
      //   unscheduled = 100_001 − 75_001 = 25_000
      //   remaining   = 100_001 − 25_001 = 75_000
      const c = await createScheduled('2027-01-01', '2027-12-31', 100_001, 'quarterly');
      const [q1, q2] = await tranchesOf(c.id);
      expect([q1?.amountCents, q2?.amountCents]).to.deep.equal([25_001, 25_000]);
      const received = await app.request<ApiRecord>('PUT', `/api/tranches/${q1!.id}`, { token, body: { ...q1, status: 'received', receivedOn: '2027-01-20' } });
      const cancelled = await app.request<ApiRecord>('PUT', `/api/tranches/${q2!.id}`, { token, body: { ...q2, status: 'cancelled' } });
      expect([received.status, cancelled.status]).to.deep.equal([200, 200]);

      const read = await app.request<ApiRecord>('GET', `/api/commitments/${c.id}`, { token });
      const expected = { amountCents: 100_001, scheduledCents: 75_001, receivedCents: 25_001, unscheduledCents: 25_000, remainingCents: 75_000 };
      expect(amountsOf(read.body)).to.deep.equal(expected);
      const listed = await app.request<ApiRecord[]>('GET', `/api/commitments${listQuery({ filter: { id: [c.id] } })}`, { token });
      expect(listed.body.map(amountsOf)).to.deep.equal([expected]);
    });

    it('recomputes the amounts when the commitment\'s amount changes', async () => {
      // as above, then the amount goes down to exactly what is scheduled, 75_001:
      //   unscheduled = 75_001 − 75_001 = 0; remaining = 75_001 − 25_001 = 50_000
      const c = await createScheduled('2027-01-01', '2027-12-31', 100_001, 'quarterly');
      const [q1, q2] = await tranchesOf(c.id);
      await app.request('PUT', `/api/tranches/${q1!.id}`, { token, body: { ...q1, status: 'received', receivedOn: '2027-01-20' } });
      await app.request('PUT', `/api/tranches/${q2!.id}`, { token, body: { ...q2, status: 'cancelled' } });
      const read = await app.request<ApiRecord>('GET', `/api/commitments/${c.id}`, { token });
      const updated = await app.request<ApiRecord>('PUT', `/api/commitments/${c.id}`, { token, body: { ...read.body, amountCents: 75_001 } });
      expect(updated.status).to.equal(200);
      expect(amountsOf(updated.body)).to.deep.equal({ amountCents: 75_001, scheduledCents: 75_001, receivedCents: 25_001, unscheduledCents: 0, remainingCents: 50_000 });
    });

    it('sorts commitments by the computed unscheduledCents', async () => {
      // a: 1_000 with no tranches → 1_000 unscheduled; b: 1_000 once → 0; c: 2_000 with none → 2_000
      const title = `Sorteren ${Date.now()}`;
      const make = async (amountCents: number, trancheSchedule?: string) =>
        (
          await app.request<ApiRecord>('POST', '/api/commitments', {
            token,
            body: { initiativeId, funderId, title, kind: 'grant', status: 'requested', startDate: '2027-01-01', endDate: '2027-12-31', amountCents, trancheSchedule },
          })
        ).body.id;
      const a = await make(1_000);
      const b = await make(1_000, 'once');
      const c = await make(2_000);
      const res = await app.request<ApiRecord[]>('GET', `/api/commitments${listQuery({ sort: ['unscheduledCents', 'DESC'], filter: { title } })}`, { token });
      expect(res.body.map((r) => [r.id, r.unscheduledCents])).to.deep.equal([
        [c, 2_000],
        [a, 1_000],
        [b, 0],
      ]);
    });
  });
});
