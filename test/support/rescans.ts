// Kept figures written the way the workers write them, without a queue: for each initiative the
// batch its rescan runs (its outbox rows settled in the same transaction, so changes other files
// left waiting are settled with it), recorded on one rescan (trigger `change`, which evaluates
// every initiative) as of `asOf`; then the figures version moves, as the scan service moves it
// after each batch.
import type { Knex } from 'knex';
import { bumpFiguresVersion } from '../../server/data/figuresVersion.js';
import { markRescanned } from '../../server/data/outbox.js';
import { createScan, runBatch } from '../../server/data/scans.js';
import { DEFAULT_SETTINGS } from '../../server/domain/settings.js';
import type { IsoDate } from '../../server/domain/types.js';

export async function rescanEach(db: Knex, ids: readonly number[], asOf: IsoDate): Promise<void> {
  const scan = await createScan(db, 'change', asOf);
  await db('scans').where({ id: scan.id }).update({ status: 'running', batches_total: ids.length });
  for (const [batchNo, id] of [...ids].sort((a, b) => a - b).entries()) {
    await db.transaction(async (trx) => {
      await markRescanned(trx, id);
      await runBatch(trx, { scanId: scan.id, batchNo, fromId: id, toId: id }, DEFAULT_SETTINGS);
    });
  }
  await bumpFiguresVersion(db);
}
