// What a scan keeps of an initiative's obligations (data/portfolioBurden.ts `keepBurden`): per due
// year and funder, waived ones left out, with those overdue at the scan's day — written in SQL,
// only where it differs from what is kept. Worked by hand below.
import { expect } from 'chai';
import { createDb, type Db } from '../../server/data/db.js';
import { keepBurden } from '../../server/data/portfolioBurden.js';
import { TEST_DATABASE_URL } from '../support/env.js';
import { makeCommitment, makeFunder, makeInitiative, makeObligation } from '../support/factories.js';

interface KeptRow {
  year: number;
  funder: string;
  obligation_count: number;
  overdue_count: number;
}

describe('analytics: the kept burden of an initiative', () => {
  let db: Db;
  let initiative: number;
  const funder = new Map<number, string>();
  let accepted: number;

  async function kept(asOf: string): Promise<KeptRow[]> {
    await db.transaction((trx) => keepBurden(trx, [initiative], asOf));
    const rows = await db('kept_obligations').where({ initiative_id: initiative }).orderBy(['year', 'funder_id']).select<{ year: number; funder_id: number; obligation_count: number; overdue_count: number }[]>();
    return rows.map((r) => ({ year: r.year, funder: funder.get(r.funder_id)!, obligation_count: r.obligation_count, overdue_count: r.overdue_count }));
  }

  before(async () => {
    db = createDb(TEST_DATABASE_URL, 2);
    initiative = await makeInitiative(db);
    const commitmentOf = new Map<string, number>();
    for (const name of ['een', 'twee', 'drie']) {
      const id = await makeFunder(db, { name: `Fonds ${name} ${initiative}` });
      funder.set(id, name);
      commitmentOf.set(name, await makeCommitment(db, initiative, id));
    }
    const c = (name: string) => commitmentOf.get(name)!;
    await makeObligation(db, c('een'), { dueOn: '2027-03-31', status: 'open' });
    accepted = await makeObligation(db, c('een'), { dueOn: '2027-03-31', status: 'accepted' });
    await makeObligation(db, c('twee'), { dueOn: '2027-12-31', status: 'submitted' });
    await makeObligation(db, c('drie'), { dueOn: '2027-06-30', status: 'waived' });
    await makeObligation(db, c('twee'), { dueOn: '2028-01-01', status: 'open' });
    await makeObligation(db, c('een'), { dueOn: '2027-05-31', status: 'rejected' });
  });

  after(() => db.destroy());

  it('counts per due year and funder, the waived one left out, with those overdue at the day', async () => {
    // At 2027-06-01: funder een's open (03-31) and rejected (05-31) are past due, its accepted one
    // is not owed; twee's submitted one is not owed; drie's only one is waived: no row at all;
    // 2028 is not due yet.
    expect(await kept('2027-06-01')).to.deep.equal([
      { year: 2027, funder: 'een', obligation_count: 3, overdue_count: 2 },
      { year: 2027, funder: 'twee', obligation_count: 1, overdue_count: 0 },
      { year: 2028, funder: 'twee', obligation_count: 1, overdue_count: 0 },
    ]);
  });

  it('is not overdue on its due date', async () => {
    expect((await kept('2027-03-31'))[0]).to.include({ overdue_count: 0 });
  });

  it('renews a changed row, removes a row whose obligations went, and leaves the rest untouched', async () => {
    await kept('2027-06-01');
    const before = await db('kept_obligations').where({ initiative_id: initiative }).orderBy(['year', 'funder_id']).select<{ ctid: string }[]>(db.raw('ctid::text AS ctid'));
    await db('obligations').where({ id: accepted }).update({ status: 'waived' });
    await db('obligations').whereIn('commitment_id', db('commitments').where({ initiative_id: initiative }).select('id')).where({ due_on: '2028-01-01' }).delete();
    expect(await kept('2027-06-01')).to.deep.equal([
      { year: 2027, funder: 'een', obligation_count: 2, overdue_count: 2 },
      { year: 2027, funder: 'twee', obligation_count: 1, overdue_count: 0 },
    ]);
    const after = await db('kept_obligations').where({ initiative_id: initiative }).orderBy(['year', 'funder_id']).select<{ ctid: string }[]>(db.raw('ctid::text AS ctid'));
    // een's row was rewritten (a new row version), twee's 2027 row was not.
    expect(after[0]!.ctid).not.to.equal(before[0]!.ctid);
    expect(after[1]!.ctid).to.equal(before[1]!.ctid);
  });
});
