// obligation.due_soon and obligation.overdue (design/reporting.md): raised by the scan batch at the
// scan's asOf, once per obligation and due date, to the initiative, the obligation's own funder
// and (overdue) the admins; with the sentence data the notifications read.
import { expect } from 'chai';
import type { Knex } from 'knex';
import { notificationSentence } from '../../server/contract/notifications.js';
import { createDb, type Db } from '../../server/data/db.js';
import { eventsFor, type EventRow } from '../../server/data/events.js';
import { createRescan, runBatch } from '../../server/data/scans.js';
import { DEFAULT_SETTINGS } from '../../server/domain/settings.js';
import { TEST_DATABASE_URL } from '../support/env.js';
import { makeCommitment, makeFunder, makeInitiative, makeObligation } from '../support/factories.js';

async function scanAt(db: Knex, initiativeId: number, asOf: string): Promise<void> {
  await db.transaction(async (trx) => {
    const scanId = await createRescan(trx, asOf);
    await runBatch(trx, { scanId, batchNo: 0, fromId: initiativeId, toId: initiativeId }, DEFAULT_SETTINGS);
  });
}

const obligationEvents = (db: Knex, initiativeId: number) =>
  db('events').where({ initiative_id: initiativeId, subject_type: 'obligation' }).orderBy('id').select<EventRow[]>('*');

describe('events of reporting obligations', () => {
  let db: Db;
  let initiative: number;
  let gemeente: number;
  let fonds: number;
  let dueSoon: number;
  let late: number;

  before(async () => {
    db = createDb(TEST_DATABASE_URL);
    initiative = await makeInitiative(db, { name: 'Repaircafé Noord', foundedOn: '2005-01-01' });
    gemeente = await makeFunder(db, { name: 'Gemeente Deventer', type: 'municipality' });
    fonds = await makeFunder(db, { name: 'Fonds Verslag' });
    const g = await makeCommitment(db, initiative, gemeente);
    const f = await makeCommitment(db, initiative, fonds);
    // asOf 2028-03-20: 14 days on is 2028-04-03.
    dueSoon = await makeObligation(db, g, { kind: 'financial_report', title: 'Financieel verslag 2027', dueOn: '2028-03-31' });
    late = await makeObligation(db, f, { title: 'Inhoudelijk verslag 2027', dueOn: '2028-03-15' });
    await makeObligation(db, g, { dueOn: '2028-04-04' }); // 15 days on: not yet
    await makeObligation(db, f, { dueOn: '2028-03-01', status: 'submitted' }); // sent: nothing owed
  });
  after(() => db.destroy());

  it('tells an obligation due within 14 days and one past due, each to its own funder', async () => {
    await scanAt(db, initiative, '2028-03-20');
    const events = await obligationEvents(db, initiative);
    expect(events.map((e) => [e.type, Number(e.subject_id), e.cause, e.funder_ids, e.admins])).to.deep.equal([
      ['obligation.due_soon', dueSoon, '2028-03-31', [gemeente], false],
      ['obligation.overdue', late, '2028-03-15', [fonds], true],
    ]);
    // 15 March to 20 March: 5 days.
    expect(events[1]!.data).to.deep.equal({
      initiativeName: 'Repaircafé Noord',
      funderName: 'Fonds Verslag',
      obligationId: late,
      kind: 'activity_report',
      title: 'Inhoudelijk verslag 2027',
      dueOn: '2028-03-15',
      daysOverdue: 5,
    });
    const [soon] = events;
    expect(notificationSentence('nl', { type: soon!.type, subjectId: Number(soon!.subject_id), initiativeId: soon!.initiative_id, data: soon!.data })).to.equal(
      'Repaircafé Noord levert uiterlijk 31-03-2028 een financieel verslag aan Gemeente Deventer: ‘Financieel verslag 2027’.',
    );
    // The gemeente is not told of the fonds's obligation.
    const toGemeente = await eventsFor(db, { role: 'funder', funderId: gemeente, initiativeId: null }).where({ subject_type: 'obligation' }).select('subject_id');
    expect(toGemeente.map((e: { subject_id: number }) => Number(e.subject_id))).to.deep.equal([dueSoon]);
  });

  it('tells each once per due date, however often the scans run', async () => {
    await scanAt(db, initiative, '2028-03-20');
    await scanAt(db, initiative, '2028-03-20');
    expect(await obligationEvents(db, initiative)).to.have.length(2);
    // A moved due date is told anew.
    await db('obligations').where({ id: late }).update({ due_on: '2028-03-25' });
    await scanAt(db, initiative, '2028-03-20');
    const events = await obligationEvents(db, initiative);
    expect(events.map((e) => [e.type, Number(e.subject_id), e.cause])).to.deep.include(['obligation.due_soon', late, '2028-03-25']);
  });
});
