// What keeping the figures costs a rescan (issue 14): the batch of one initiative as a rescan runs
// it (gaps found and written, kept figures renewed), and the renewal alone, for initiatives across
// the portfolio. Each runs in a transaction that is rolled back, so the bench database keeps the
// figures of its scans.
import { createDb } from '../../server/data/db.js';
import { loadFunding } from '../../server/data/funding.js';
import { keepFigures, keptFrom, keptRow } from '../../server/data/keptFigures.js';
import { createScan, runBatch } from '../../server/data/scans.js';
import { DEFAULT_SETTINGS } from '../../server/domain/settings.js';
import { median, percentile, timed } from '../support/stats.js';

export interface KeptRenewalResult {
  initiatives: number;
  /** one initiative's whole rescan batch */
  batchMedianMs: number;
  batchP95Ms: number;
  /** of which renewing its kept figures */
  renewalMedianMs: number;
  renewalP95Ms: number;
}

const ROLLBACK = new Error('rolled back on purpose');

async function rolledBack(db: ReturnType<typeof createDb>, work: (trx: Parameters<Parameters<typeof db.transaction>[0]>[0]) => Promise<unknown>): Promise<void> {
  await db.transaction(async (trx) => {
    await work(trx);
    throw ROLLBACK;
  }).catch((err: unknown) => {
    if (err !== ROLLBACK) throw err;
  });
}

export async function measureKeptRenewal(databaseUrl: string, asOf: string, count = 50): Promise<KeptRenewalResult> {
  const db = createDb(databaseUrl, 2);
  try {
    const ids = (await db('initiatives').where({ status: 'active' }).orderByRaw('md5(id::text)').limit(count).pluck<number[]>('id')).sort((a, b) => a - b);
    const batch: number[] = [];
    const renewal: number[] = [];
    for (const id of ids) {
      batch.push(
        (
          await timed(() =>
            rolledBack(db, async (trx) => {
              const scan = await createScan(trx, 'change', asOf);
              await runBatch(trx, { scanId: scan.id, batchNo: 0, fromId: id, toId: id }, DEFAULT_SETTINGS);
            }),
          )
        ).ms,
      );
      // The renewal: its money per year computed from the funding the batch loads anyway, and the kept figures written.
      const [funding] = await loadFunding(db, [id], { from: keptFrom(asOf) });
      renewal.push((await timed(() => rolledBack(db, (trx) => keepFigures(trx, asOf, DEFAULT_SETTINGS, [keptRow(funding!, [], asOf, DEFAULT_SETTINGS)])))).ms);
    }
    return {
      initiatives: ids.length,
      batchMedianMs: median(batch),
      batchP95Ms: percentile(batch, 95),
      renewalMedianMs: median(renewal),
      renewalP95Ms: percentile(renewal, 95),
    };
  } finally {
    await db.destroy();
  }
}
