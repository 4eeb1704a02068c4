// What the scans derive of an initiative — its gaps and kept figures — goes with it (migration 51:
// statement-level triggers instead of per-row foreign keys), and a funder's kept burden with the
// funder; nobody else's rows go.
import { expect } from 'chai';
import { createDb, type Db } from '../../server/data/db.js';
import { createRescan, runBatch } from '../../server/data/scans.js';
import { DEFAULT_SETTINGS } from '../../server/domain/settings.js';
import { TEST_DATABASE_URL } from '../support/env.js';
import { makeBudget, makeCommitment, makeFunder, makeInitiative, makeObligation, makeTranche } from '../support/factories.js';

const AS_OF = '2090-06-15';
const DERIVED = ['gaps', 'kept_figures', 'kept_years', 'kept_windows', 'kept_obligations'] as const;

describe('analytics: derived rows go with their initiative or funder', () => {
  let db: Db;

  before(() => {
    db = createDb(TEST_DATABASE_URL, 2);
  });
  after(() => db.destroy());

  /** An initiative short of money in 2090, with one report owed: a gap and every kind of kept row. */
  async function scanned(funderId: number): Promise<number> {
    const id = await makeInitiative(db, { foundedOn: '2080-01-01' });
    await makeBudget(db, id, { year: 2090, amountCents: 1_200_000 });
    const commitment = await makeCommitment(db, id, funderId, { startDate: '2090-01-01', endDate: '2090-12-31', amountCents: 120_000 });
    await makeTranche(db, commitment, { periodStart: '2090-01-01', periodEnd: '2090-12-31', amountCents: 120_000 });
    await makeObligation(db, commitment, { dueOn: '2090-03-31' });
    await db.transaction(async (trx) => runBatch(trx, { scanId: await createRescan(trx, AS_OF), batchNo: 0, fromId: id, toId: id }, DEFAULT_SETTINGS));
    return id;
  }

  const counts = async (initiativeId: number) =>
    Promise.all(DERIVED.map(async (table) => Number((await db(table).where({ initiative_id: initiativeId }).count<{ count: string }[]>('* as count'))[0]!.count)));

  it("removes an initiative's gaps and kept figures with it, and no other's", async () => {
    const funderId = await makeFunder(db);
    const [gone, stays] = [await scanned(funderId), await scanned(funderId)];
    for (const id of [gone, stays]) expect((await counts(id)).every((n) => n > 0), `${id}: ${await counts(id)}`).to.equal(true);
    await db('obligations').whereIn('commitment_id', db('commitments').where({ initiative_id: gone }).select('id')).delete();
    await db('tranches').whereIn('commitment_id', db('commitments').where({ initiative_id: gone }).select('id')).delete();
    await db('commitments').where({ initiative_id: gone }).delete();
    await db('initiatives').where({ id: gone }).delete();
    expect(await counts(gone)).to.deep.equal([0, 0, 0, 0, 0]);
    expect((await counts(stays)).every((n) => n > 0)).to.equal(true);
  });

  it("removes a funder's kept burden with it, and no other funder's", async () => {
    const [gone, stays] = [await makeFunder(db), await makeFunder(db)];
    const initiative = await makeInitiative(db);
    await db('kept_obligations').insert([gone, stays].map((funder_id) => ({ initiative_id: initiative, year: 2090, funder_id, obligation_count: 1, overdue_count: 0 })));
    await db('funders').where({ id: gone }).delete();
    expect(await db('kept_obligations').where({ initiative_id: initiative }).pluck('funder_id')).to.deep.equal([stays]);
  });
});
