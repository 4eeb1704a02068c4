// `npm run bench:simulation [-- --workers 2 --queues redis]` (issue 18): a policy simulation over
// the whole loaded benchmark portfolio (BENCH_DATABASE_URL, after `npm run bench` or
// `bench:generate`) against a first full scan of the same portfolio in the same run. The scan runs
// with `--workers` workers; the simulation is one job, so one worker runs it, as in production. The
// rule is the design note's headline question: gemeenten give three-year subsidies
// (`extend_short_term` of municipalities to 36 months). Targets: the simulation within 3× the
// scan's time, the worker's peak RSS within 300 MB. Written to results/<date>-simulation.md.
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import type { SimulationResult } from '../server/contract/simulations.js';
import { createDb } from '../server/data/db.js';
import { createSimulation } from '../server/data/simulations.js';
import { simulationJob } from '../server/queues/queues.js';
import { today } from '../server/services/clock.js';
import { BENCH_DATABASE_URL } from './defaults.js';
import { codeVersion } from './support/database.js';
import { peakRssMb } from './support/processes.js';
import { singleBackend } from './support/queues.js';
import { waitForQuiet } from './support/quiet.js';
import { recordMarkdown } from './support/record.js';
import { firstFullScan, startWorkers } from './support/scans.js';

const { values: args } = parseArgs({
  options: {
    workers: { type: 'string', default: '2' },
    queues: { type: 'string', default: 'redis' },
    'quiet-seconds': { type: 'string', default: '90' },
  },
});
const workers = Number(args.workers);
const quietSeconds = Number(args['quiet-seconds']);
const db = createDb(BENCH_DATABASE_URL, 4);
const { kind, backend } = singleBackend(args.queues);

const SCAN_TIMES = 3;
const WORKER_RSS_MB = 300;

/** One simulation run by one worker process: seconds, the worker's peak RSS, and the portfolio's figures. */
async function simulate(): Promise<{ seconds: number; workerPeakMb: number; result: SimulationResult }> {
  const { queues, children, stop } = await startWorkers(backend, 1);
  try {
    const id = await createSimulation(db, { rule: 'extend_short_term', funderTypes: ['municipality'], toMonths: 36 }, today());
    const job = simulationJob(id);
    const start = performance.now();
    await queues.queues.simulation.add(job.name, job.data, job.opts);
    for (;;) {
      const row = await db('simulations').where({ id }).first<{ status: string; error: string | null; result: SimulationResult | null }>('status', 'error', 'result');
      if (row!.status === 'failed') throw new Error(row!.error ?? 'simulation failed');
      if (row!.status === 'completed') return { seconds: (performance.now() - start) / 1000, workerPeakMb: peakRssMb(children[0]!.pid), result: row!.result! };
      await sleep(20);
    }
  } finally {
    await stop();
  }
}

try {
  const initiatives = Number((await db('initiatives').count<{ count: string }[]>('* as count'))[0]!.count);
  const quietScan = await waitForQuiet(quietSeconds);
  const scan = await firstFullScan(db, backend, workers);
  const quietSimulation = await waitForQuiet(quietSeconds);
  const simulation = await simulate();
  const ratio = simulation.seconds / scan.seconds;
  const portfolio = simulation.result.groups.find((g) => g.groupBy === 'portfolio');
  const { commit, changed } = codeVersion();
  const met = (ok: boolean) => (ok ? '(met)' : '(missed)');
  const lines = [
    `# A policy simulation over the whole portfolio — ${today()}`,
    '',
    `Commit ${commit}${changed.length ? ` (with uncommitted changes in ${changed.join(', ')})` : ''}; ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${os.cpus().length} cores.`,
    `${initiatives.toLocaleString('en')} initiatives, queues on ${kind}; \`npm run bench:simulation\`. Rule: gemeenten extend short-term subsidies to 36 months.`,
    `CPU busy before the scan ${(quietScan.busyBefore * 100).toFixed(0)}%, before the simulation ${(quietSimulation.busyBefore * 100).toFixed(0)}%.`,
    '',
    '| figure | value | target |',
    '|---|---|---|',
    `| first full scan, ${workers} worker(s) | ${scan.seconds.toFixed(2)} s (${scan.gapsOpened.toLocaleString('en')} gaps opened) | |`,
    `| the simulation, one worker | ${simulation.seconds.toFixed(2)} s | |`,
    `| simulation ÷ scan | ${ratio.toFixed(2)}× | ≤ ${SCAN_TIMES}× ${met(ratio <= SCAN_TIMES)} |`,
    `| simulating worker's peak RSS | ${Math.round(simulation.workerPeakMb)} MB | ≤ ${WORKER_RSS_MB} MB ${met(simulation.workerPeakMb <= WORKER_RSS_MB)} |`,
    `| scanning workers' peak RSS | ${Math.round(scan.workerPeakMb)} MB | ≤ ${WORKER_RSS_MB} MB ${met(scan.workerPeakMb <= WORKER_RSS_MB)} |`,
    '',
    portfolio
      ? `What it answers: ${portfolio.current.fiveYearRisk.toLocaleString('en')} initiatives at five-year risk today, ${portfolio.simulated.fiveYearRisk.toLocaleString('en')} under the rule; a shortfall within 24 months for ${portfolio.current.shortfallSoon.toLocaleString('en')} today, ${portfolio.simulated.shortfallSoon.toLocaleString('en')} under the rule.`
      : 'The simulation answered no portfolio figures.',
    '',
    'The simulation evaluates every initiative twice (as it is and under the rule) with the gap and',
    'fragmentation code of the scan, in one job; the scan evaluates each once, in parallel batches,',
    'and writes what it finds.',
    '',
  ];
  recordMarkdown('simulation', lines);
} finally {
  await db.destroy();
}
