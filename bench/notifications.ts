// `npm run bench:notifications [-- --workers 2]` (issue 16): what recording the notifications of a
// first full scan costs the scan. On the loaded benchmark database (BENCH_DATABASE_URL, after
// `npm run bench` or `bench:generate`): a first full scan with its workers as `scan-once.ts` runs it
// (it records its events as it goes), then the same events recorded again by the product's own
// `recordGapEvents`, batch by batch as the scan's batches did (500 initiatives, one transaction
// each), with nothing else running. The events' share of the scan is that replay's time against
// the scan's time without it. Written to results/<date>-notifications.md.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createDb } from '../server/data/db.js';
import { recordGapEvents } from '../server/data/events.js';
import { loadConfig } from '../server/config.js';
import { today } from '../server/services/clock.js';
import { BENCH_DATABASE_URL } from './defaults.js';
import { codeVersion } from './support/database.js';
import { REPO_ROOT } from './support/processes.js';
import { benchBackend, BENCH_QUEUE_PREFIX, parseQueueKinds } from './support/queues.js';
import { firstFullScan } from './support/scans.js';

const { values: args } = parseArgs({
  options: {
    workers: { type: 'string', default: '2' },
    queues: { type: 'string', default: 'redis' },
    batch: { type: 'string', default: '500' },
  },
});
const workers = Number(args.workers);
const batchSize = Number(args.batch);
const config = loadConfig({ ...process.env, DATABASE_URL: BENCH_DATABASE_URL, QUEUE_PREFIX: BENCH_QUEUE_PREFIX });
const db = createDb(BENCH_DATABASE_URL, 4);
const [kind] = parseQueueKinds(args.queues);
if (!kind || args.queues === 'both') throw new Error('--queues must be redis or postgres');
const backend = benchBackend(kind, config.REDIS_URL, BENCH_DATABASE_URL);

/** The scan's gap events recorded again, batch by batch, by the product's code: seconds, and events. */
async function replayEvents(): Promise<{ seconds: number; events: number }> {
  // the gap events (a watchdog may also tell of an earlier run's scan failing)
  const gapEvents = async () => Number((await db('events').where({ subject_type: 'gap' }).count<{ count: string }[]>('* as count'))[0]!.count);
  const recorded = await gapEvents();
  await db.raw('TRUNCATE events CASCADE');
  const { max } = (await db('initiatives').max<{ max: number }>('id as max').first())!;
  let seconds = 0;
  for (let from = 1; from <= max; from += batchSize) {
    const opened = await db('gaps').whereBetween('initiative_id', [from, from + batchSize - 1]).whereNull('resolved_at').pluck<number[]>('id');
    const start = performance.now();
    await db.transaction((trx) => recordGapEvents(trx, { opened, escalated: [], resolved: [] }, 'bench'));
    seconds += (performance.now() - start) / 1000;
  }
  const replayed = await gapEvents();
  if (replayed !== recorded) throw new Error(`the replay recorded ${replayed} events, the scan ${recorded}`);
  return { seconds, events: replayed };
}

try {
  const scan = await firstFullScan(db, backend, workers);
  const replay = await replayEvents();
  const initiatives = Number((await db('initiatives').count<{ count: string }[]>('* as count'))[0]!.count);
  const without = scan.seconds - replay.seconds;
  const share = replay.seconds / without;
  const { commit, changed } = codeVersion();
  const lines = [
    `# Notifications of a first full scan — ${today()}`,
    '',
    `Commit ${commit}${changed.length ? ` (with uncommitted changes in ${changed.join(', ')})` : ''}; ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)} at the end.`,
    `${initiatives.toLocaleString('en')} initiatives, ${workers} worker(s) on ${kind}; \`npm run bench:notifications\`.`,
    '',
    '| figure | value |',
    '|---|---|',
    `| first full scan (recording its events) | ${scan.seconds.toFixed(2)} s |`,
    `| gaps opened | ${scan.gapsOpened.toLocaleString('en')} |`,
    `| events recorded (high and medium gaps) | ${replay.events.toLocaleString('en')} |`,
    `| the events recorded again, batch by batch (${batchSize} initiatives, one transaction each) | ${replay.seconds.toFixed(2)} s |`,
    `| the scan without them | ${without.toFixed(2)} s |`,
    `| what the events add to the scan (target ≤ 20%) | ${(share * 100).toFixed(1)}% ${share <= 0.2 ? '(met)' : '(missed)'} |`,
    '',
    'The replay runs one batch at a time with nothing else running; in the scan two workers write',
    'at once, so the share is an upper bound of what the events cost the scan.',
    '',
  ];
  const out = path.join(REPO_ROOT, 'bench', 'results', `${today()}-notifications.md`);
  writeFileSync(out, lines.join('\n'));
  console.log(lines.join('\n'));
} finally {
  await db.destroy();
}
