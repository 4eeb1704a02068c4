// Events recorded by the scans (design/notifications.md, "Events"): once per gap change, only for
// high and medium gaps, in the transaction of the change, to the initiative, the funders that fund
// it and the admins; a scan run twice, a retried batch and a flapping gap never tell twice.
import { expect } from 'chai';
import type { Knex } from 'knex';
import { createDb, type Db } from '../../server/data/db.js';
import { eventsFor, recordEvents, type EventRow } from '../../server/data/events.js';
import { createRescan, createScan, failScan, runBatch } from '../../server/data/scans.js';
import { DEFAULT_SETTINGS } from '../../server/domain/settings.js';
import { TEST_DATABASE_URL } from '../support/env.js';
import { makeBudget, makeCommitment, makeFunder, makeInitiative } from '../support/factories.js';

/** Scans one initiative as of `asOf` (a rescan's single batch), as the scan service does. */
async function scanAt(db: Knex, initiativeId: number, asOf: string): Promise<number> {
  return db.transaction(async (trx) => {
    const scanId = await createRescan(trx, asOf);
    await runBatch(trx, { scanId, batchNo: 0, fromId: initiativeId, toId: initiativeId }, DEFAULT_SETTINGS);
    return scanId;
  });
}

const eventsOf = (db: Knex, initiativeId: number) => db('events').where({ initiative_id: initiativeId }).orderBy('id').select<EventRow[]>('*');
const typesOf = async (db: Knex, initiativeId: number) => (await eventsOf(db, initiativeId)).map((e) => e.type);

describe('events of gap changes', () => {
  let db: Db;
  let funder: number;
  let declined: number;
  let initiative: number;
  let far: number;

  before(async () => {
    db = createDb(TEST_DATABASE_URL);
    funder = await makeFunder(db, { name: 'Fonds Meldingen' });
    declined = await makeFunder(db, { name: 'Fonds Afgewezen' });
    // Founded long ago: no five-year risk. A budget for 2028 only: from 2028 on the need is not
    // covered (carried forward past 2028), so one shortfall gap from 1 January 2028.
    initiative = await makeInitiative(db, { name: 'Buurtkeuken Melding', foundedOn: '2005-01-01' });
    await makeBudget(db, initiative, { year: 2028, amountCents: 36_600_00 });
    await makeCommitment(db, initiative, declined, { status: 'declined', startDate: '2028-01-01', endDate: '2028-12-31', amountCents: 1_000_00 });
    far = await makeInitiative(db, { name: 'Tuin Ver Weg', foundedOn: '2005-01-01' });
    await makeBudget(db, far, { year: 2031, amountCents: 36_500_00 });
  });

  after(async () => {
    await db.destroy();
  });

  it('tells a medium gap opening once, with its sentence data and recipients', async () => {
    // 1 January 2028 is more than 6 and less than 12 months after 1 March 2027: medium
    await scanAt(db, initiative, '2027-03-01');
    const [opened, ...rest] = await eventsOf(db, initiative);
    expect(rest).to.have.length(0);
    const gap = await db('gaps').where({ initiative_id: initiative }).whereNull('resolved_at').first<{ id: number; severity: string; shortfall_cents: number; period_end: string }>();
    expect(gap!.severity).to.equal('medium');
    expect(opened).to.deep.include({ type: 'gap.opened', subject_type: 'gap', subject_id: gap!.id, cause: '', initiative_id: initiative, admins: true });
    // a declined commitment's funder is not told
    expect(opened!.funder_ids).to.deep.equal([]);
    expect(opened!.data).to.deep.equal({
      initiativeName: 'Buurtkeuken Melding',
      gapId: gap!.id,
      kind: 'shortfall',
      severity: 'medium',
      periodStart: '2028-01-01',
      periodEnd: gap!.period_end,
      shortfallCents: gap!.shortfall_cents,
    });
  });

  it('tells nothing new when the same scan runs again, or a later scan finds the same', async () => {
    await scanAt(db, initiative, '2027-03-01');
    await scanAt(db, initiative, '2027-03-02');
    expect(await typesOf(db, initiative)).to.deep.equal(['gap.opened']);
  });

  it('never tells a low gap', async () => {
    // 1 January 2031 is more than 12 months after 1 March 2027
    await scanAt(db, far, '2027-03-01');
    expect(await db('gaps').where({ initiative_id: far }).whereNull('resolved_at').pluck('severity')).to.include('low');
    expect(await typesOf(db, far)).to.deep.equal([]);
  });

  it('tells the escalation to high once, with the severity before', async () => {
    const first = await scanAt(db, initiative, '2027-08-01');
    await scanAt(db, initiative, '2027-08-02');
    const events = await eventsOf(db, initiative);
    expect(events.map((e) => e.type)).to.deep.equal(['gap.opened', 'gap.escalated']);
    expect(events[1]).to.deep.include({ cause: String(first) });
    expect(events[1]!.data).to.include({ severity: 'high', previousSeverity: 'medium' });
  });

  it('tells the resolution to the funder that now funds it', async () => {
    await makeCommitment(db, initiative, funder, { status: 'committed', startDate: '2028-01-01', endDate: '2032-12-31', amountCents: 500_000_00 });
    await scanAt(db, initiative, '2027-08-03');
    expect(await db('gaps').where({ initiative_id: initiative }).whereNull('resolved_at').count<{ count: number }[]>()).to.deep.equal([{ count: 0 }]);
    const events = await eventsOf(db, initiative);
    expect(events.map((e) => e.type)).to.deep.equal(['gap.opened', 'gap.escalated', 'gap.resolved']);
    expect(events[2]!.funder_ids).to.deep.equal([funder]);
    expect(events[2]!.data).to.include({ severity: 'high' });
  });

  it('does not tell a gap that opens again within seven days of resolving (it flaps)', async () => {
    await db('commitments').where({ initiative_id: initiative, funder_id: funder }).update({ status: 'withdrawn' });
    await scanAt(db, initiative, '2027-08-04');
    expect(await db('gaps').where({ initiative_id: initiative }).whereNull('resolved_at').count<{ count: number }[]>()).to.deep.equal([{ count: 1 }]);
    expect(await typesOf(db, initiative)).to.deep.equal(['gap.opened', 'gap.escalated', 'gap.resolved']);
  });

  it('tells it again when the last resolution is more than seven days old', async () => {
    await db('commitments').where({ initiative_id: initiative, funder_id: funder }).update({ status: 'committed' });
    await scanAt(db, initiative, '2027-08-05');
    await db('events').where({ initiative_id: initiative }).update({ created_at: db.raw("now() - interval '8 days'") });
    await db('commitments').where({ initiative_id: initiative, funder_id: funder }).update({ status: 'withdrawn' });
    await scanAt(db, initiative, '2027-08-06');
    expect(await typesOf(db, initiative)).to.deep.equal(['gap.opened', 'gap.escalated', 'gap.resolved', 'gap.resolved', 'gap.opened']);
  });

  it('records nothing when the transaction of the change rolls back', async () => {
    const before = await typesOf(db, initiative);
    await db('commitments').where({ initiative_id: initiative, funder_id: funder }).update({ status: 'committed' });
    const failed = await db
      .transaction(async (trx) => {
        const scanId = await createRescan(trx, '2027-08-07');
        await runBatch(trx, { scanId, batchNo: 0, fromId: initiative, toId: initiative }, DEFAULT_SETTINGS);
        throw new Error('the worker dies before the commit');
      })
      .catch((err: Error) => err.message);
    expect(failed).to.equal('the worker dies before the commit');
    expect(await typesOf(db, initiative)).to.deep.equal(before);
  });
});

describe('events of failed scans', () => {
  let db: Db;

  before(() => {
    db = createDb(TEST_DATABASE_URL);
  });

  after(async () => {
    await db.destroy();
  });

  it('tells the admins once when a portfolio scan fails for good, and nothing of a failed rescan', async () => {
    const scan = await createScan(db, 'manual', '2027-01-01');
    await failScan(db, scan.id, 'batch job failed: connection lost');
    await failScan(db, scan.id, 'start job failed: again');
    const told = await db('events').where({ type: 'scan.failed', subject_id: scan.id }).select<EventRow[]>('*');
    expect(told).to.have.length(1);
    expect(told[0]).to.deep.include({ admins: true, initiative_id: null, funder_ids: [], data: { scanId: scan.id, error: 'batch job failed: connection lost' } });

    const rescan = await createRescan(db, '2027-01-01');
    await failScan(db, rescan, 'rescan failed');
    expect(await db('events').where({ type: 'scan.failed', subject_id: rescan }).count<{ count: number }[]>()).to.deep.equal([{ count: 0 }]);
  });
});

describe('who is told of an event', () => {
  let db: Db;

  before(() => {
    db = createDb(TEST_DATABASE_URL);
  });

  after(async () => {
    await db.destroy();
  });

  it('records each event once and tells exactly its initiative, its funders and (when asked) the admins', async () => {
    const [a, b] = [await makeInitiative(db), await makeInitiative(db)];
    const [f, g] = [await makeFunder(db), await makeFunder(db)];
    const event = { type: 'round.pledge' as const, subjectType: 'pledge' as const, subjectId: 991_001, cause: 'pledged:1', initiativeId: a, funderIds: [f], admins: false, data: {} };
    const first = await recordEvents(db, [event]);
    const again = await recordEvents(db, [event]);
    expect(first).to.have.length(1);
    expect(again).to.deep.equal([]);
    const toldTo = async (role: 'admin' | 'funder' | 'initiative', funderId: number | null, initiativeId: number | null) =>
      (await eventsFor(db, { role, funderId, initiativeId }).where('events.id', first[0]!).select('events.id')).length;
    expect(await toldTo('initiative', null, a)).to.equal(1);
    expect(await toldTo('initiative', null, b)).to.equal(0);
    expect(await toldTo('funder', f, null)).to.equal(1);
    expect(await toldTo('funder', g, null)).to.equal(0);
    expect(await toldTo('admin', null, null)).to.equal(0);
  });

  it("removes an initiative's events with it, and no other's", async () => {
    const [gone, stays] = [await makeInitiative(db), await makeInitiative(db)];
    const event = (initiativeId: number, subjectId: number) => ({ type: 'round.pledge' as const, subjectType: 'pledge' as const, subjectId, cause: 'pledged:1', initiativeId, funderIds: [], admins: true, data: {} });
    await recordEvents(db, [event(gone, 992_001), event(gone, 992_002), event(stays, 992_003)]);
    await db('initiatives').where({ id: gone }).delete();
    expect(await eventsOf(db, gone)).to.deep.equal([]);
    expect((await eventsOf(db, stays)).map((e) => Number(e.subject_id))).to.deep.equal([992_003]);
  });
});
