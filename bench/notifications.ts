// `npm run bench:notifications [-- --workers 2]` (issue 16): what recording the notifications of a
// first full scan costs the scan. On the loaded benchmark database (BENCH_DATABASE_URL, after
// `npm run bench` or `bench:generate`): a first full scan with its workers as `scan-once.ts` runs it
// (it records its events as it goes); then, batch by batch as the scan's batches did (500
// initiatives, one transaction each, rolled back), its gaps written again by the product's own
// `syncGaps` (gaps and their events) and by the gaps' insert alone, with nothing else running. The
// difference, plus the batch's obligation events recorded again, is what the events cost; their
// share is that against the scan's time without them.
// Written to results/<date>-notifications.md.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { createDb } from '../server/data/db.js';
import type { Knex } from 'knex';
import { syncGaps } from '../server/data/gaps.js';
import { recordObligationEvents } from '../server/data/obligationEvents.js';
import type { FoundGap } from '../server/domain/gaps.js';
import { today } from '../server/services/clock.js';
import { BENCH_DATABASE_URL } from './defaults.js';
import { codeVersion } from './support/database.js';
import { singleBackend } from './support/queues.js';
import { waitForQuiet } from './support/quiet.js';
import { recordMarkdown } from './support/record.js';
import { firstFullScan } from './support/scans.js';

const { values: args } = parseArgs({
  options: {
    workers: { type: 'string', default: '2' },
    queues: { type: 'string', default: 'redis' },
    batch: { type: 'string', default: '500' },
    'quiet-seconds': { type: 'string', default: '90' },
  },
});
const workers = Number(args.workers);
const batchSize = Number(args.batch);
const quietSeconds = Number(args['quiet-seconds']);
const db = createDb(BENCH_DATABASE_URL, 4);
const { kind, backend } = singleBackend(args.queues);

interface GapRow {
  id: number;
  initiative_id: number;
  kind: FoundGap['kind'];
  subject_id: number;
  period_start: string;
  period_end: string;
  shortfall_cents: number;
  severity: FoundGap['severity'];
  details: FoundGap['details'];
}

/** Takes a batch's open gaps out, in the caller's transaction (rolled back after), and answers them. */
async function takeOut(trx: Knex.Transaction, from: number, to: number): Promise<GapRow[]> {
  const gaps = await trx('gaps').whereBetween('initiative_id', [from, to]).whereNull('resolved_at').select<GapRow[]>('*');
  await trx('events').where({ subject_type: 'gap' }).whereIn('subject_id', gaps.map((g) => g.id)).delete();
  await trx('gaps').whereIn('id', gaps.map((g) => g.id)).delete();
  return gaps;
}

/**
 * The scan's gaps written again, batch by batch as the scan's batches did (one transaction each,
 * rolled back): by the product's `syncGaps`, which inserts them and tells of them, and by the
 * gaps' insert alone; and the batch's obligation events recorded again as the scan records them.
 * Answers the seconds of each and the events recorded.
 */
async function replay(asOf: string): Promise<{ withEvents: number; gapsAlone: number; events: number; obligationSeconds: number; obligationEvents: number }> {
  const { max } = (await db('initiatives').max<{ max: number }>('id as max').first())!;
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
  let withEvents = 0;
  let gapsAlone = 0;
  let events = 0;
  let obligationSeconds = 0;
  let obligationEvents = 0;
  const rollback = new Error('rollback');
  const rolledBack = (work: (trx: Knex.Transaction) => Promise<void>) => db.transaction(work).catch((err: unknown) => {
    if (err !== rollback) throw err;
  });
  for (let from = 1; from <= max; from += batchSize) {
    const to = from + batchSize - 1;
    const funders = await db('commitments')
      .whereBetween('initiative_id', [from, to])
      .whereNotIn('status', ['declined', 'withdrawn'])
      .groupBy('initiative_id')
      .select<{ initiative_id: number; funder_ids: number[] }[]>('initiative_id', db.raw('array_agg(DISTINCT funder_id ORDER BY funder_id) AS funder_ids'));
    const fundersOf = new Map(funders.map((f) => [f.initiative_id, f.funder_ids]));
    await rolledBack(async (trx) => {
      const gaps = await takeOut(trx, from, to);
      const ids = [...new Set(gaps.map((g) => g.initiative_id))];
      const found = new Map<number, FoundGap[]>();
      for (const g of gaps) {
        const list = found.get(g.initiative_id) ?? [];
        list.push({ kind: g.kind, subjectId: g.subject_id, periodStart: g.period_start, periodEnd: g.period_end, shortfallCents: g.shortfall_cents, severity: g.severity, details: g.details, commitmentId: g.kind === 'expiring' ? g.subject_id : null });
        found.set(g.initiative_id, list);
      }
      await trx('events').where({ subject_type: 'obligation' }).whereBetween('initiative_id', [from, to]).delete();
      const start = performance.now();
      await syncGaps(trx, ids, found, 0, fundersOf);
      withEvents += (performance.now() - start) / 1000;
      // The obligations' events of the batch: all of their cost is the notifications'.
      const obligationsStart = performance.now();
      await recordObligationEvents(trx, range(from, to), asOf);
      obligationSeconds += (performance.now() - obligationsStart) / 1000;
      events += Number((await trx('events').where({ subject_type: 'gap' }).whereBetween('initiative_id', [from, to]).count<{ count: string }[]>('* as count'))[0]!.count);
      obligationEvents += Number((await trx('events').where({ subject_type: 'obligation' }).whereBetween('initiative_id', [from, to]).count<{ count: string }[]>('* as count'))[0]!.count);
      throw rollback;
    });
    await rolledBack(async (trx) => {
      const gaps = await takeOut(trx, from, to);
      const start = performance.now();
      // The gaps' insert as syncGaps makes it, without the events.
      await trx.raw(
        `INSERT INTO gaps (initiative_id, kind, subject_id, period_start, period_end, shortfall_cents, severity, details)
         SELECT * FROM json_to_recordset(?::json)
           AS g(initiative_id int, kind text, subject_id bigint, period_start date, period_end date, shortfall_cents bigint, severity text, details jsonb)`,
        [JSON.stringify(gaps.map(({ id: _id, ...row }) => row))],
      );
      gapsAlone += (performance.now() - start) / 1000;
      throw rollback;
    });
  }
  return { withEvents, gapsAlone, events, obligationSeconds, obligationEvents };
}

try {
  const quiet = await waitForQuiet(quietSeconds);
  const scan = await firstFullScan(db, backend, workers);
  const recorded = Number((await db('events').where({ subject_type: 'gap' }).count<{ count: string }[]>('* as count'))[0]!.count);
  const asOf = today();
  const obligationRecorded = Number((await db('events').where({ subject_type: 'obligation' }).count<{ count: string }[]>('* as count'))[0]!.count);
  const written = await replay(asOf);
  if (written.events !== recorded) throw new Error(`the replay recorded ${written.events} events, the scan ${recorded}`);
  const initiatives = Number((await db('initiatives').count<{ count: string }[]>('* as count'))[0]!.count);
  if (written.obligationEvents !== obligationRecorded) throw new Error(`the replay recorded ${written.obligationEvents} obligation events, the scan ${obligationRecorded}`);
  const events = written.withEvents - written.gapsAlone + written.obligationSeconds;
  const without = scan.seconds - events;
  const share = events / without;
  const { commit, changed } = codeVersion();
  const lines = [
    `# Notifications of a first full scan — ${today()}`,
    '',
    `Commit ${commit}${changed.length ? ` (with uncommitted changes in ${changed.join(', ')})` : ''}; ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${os.cpus().length} cores, CPU ${(quiet.busyBefore * 100).toFixed(0)}% busy before the scan, load average ${os.loadavg()[0]!.toFixed(1)} at the end.`,
    `${initiatives.toLocaleString('en')} initiatives, ${workers} worker(s) on ${kind}; \`npm run bench:notifications\`.`,
    '',
    '| figure | value |',
    '|---|---|',
    `| first full scan (recording its events) | ${scan.seconds.toFixed(2)} s |`,
    `| gaps opened | ${scan.gapsOpened.toLocaleString('en')} |`,
    `| events recorded (high and medium gaps) | ${recorded.toLocaleString('en')} |`,
    `| the gaps written again by the product, batch by batch (${batchSize} initiatives, one transaction each), with their events | ${written.withEvents.toFixed(2)} s |`,
    `| the same gaps inserted without events | ${written.gapsAlone.toFixed(2)} s |`,
    `| obligation events recorded (due soon, overdue) | ${obligationRecorded.toLocaleString('en')} |`,
    `| the obligation events recorded again, batch by batch | ${written.obligationSeconds.toFixed(2)} s |`,
    `| what the events add (gap events' difference + obligation events) | ${events.toFixed(2)} s |`,
    `| the scan without them | ${without.toFixed(2)} s |`,
    `| what the events add to the scan (target ≤ 20%) | ${(share * 100).toFixed(1)}% ${share <= 0.2 ? '(met)' : '(missed)'} |`,
    '',
    'The writes run again one batch at a time with nothing else running, each in a transaction that is',
    'rolled back; in the scan two workers write at once, so the share is an upper bound of what the',
    'events cost the scan.',
    '',
  ];
  recordMarkdown('notifications', lines);
} finally {
  await db.destroy();
}
