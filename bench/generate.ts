// `tsx bench/generate.ts [--initiatives 10000] [--seed vangnet] [--as-of YYYY-MM-DD] [--database URL] [--dry-run]`
// Generates a synthetic portfolio (bench/synthetic/) and loads it with COPY into an empty
// database, which is created and migrated first. `--dry-run` only generates and prints the sizes
// and distributions. The same seed, size and as-of day give the same portfolio, row for row.
import { parseArgs } from 'node:util';
import { lateness } from '../server/domain/obligationSchedule.js';
import { today } from '../server/services/clock.js';
import { buildFunders } from './synthetic/funders.js';
import { buildInitiative } from './synthetic/initiative.js';
import { loadPortfolio } from './synthetic/load.js';
import { BENCH_DATABASE_URL, DEFAULT_INITIATIVES, DEFAULT_SEED } from './defaults.js';

function tally(counts: Map<string, number>, key: string, by = 1): void {
  counts.set(key, (counts.get(key) ?? 0) + by);
}

function show(title: string, counts: Map<string, number>): void {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const parts = [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k} ${((100 * v) / total).toFixed(1)}%`);
  console.log(`${title}: ${parts.join(', ')}`);
}

/** Generates without a database and prints what a load would hold. */
function dryRun(initiatives: number, seed: string, asOf: string): void {
  const funders = buildFunders(seed);
  const ctx = { seed, asOf, funders };
  const c = { budgets: 0, commitments: 0, tranches: 0, obligations: 0 };
  const counts = {
    funderType: new Map<string, number>(),
    founded: new Map<string, number>(),
    status: new Map<string, number>(),
    kind: new Map<string, number>(),
    months: new Map<string, number>(),
    schedule: new Map<string, number>(),
    trancheStatus: new Map<string, number>(),
    /** of the commitments */
    reportingSchedule: new Map<string, number>(),
    reportDueMonths: new Map<string, number>(),
    /** of the obligations */
    obligationStatus: new Map<string, number>(),
    obligationOverdue: new Map<string, number>(),
    obligationsByFunderType: new Map<string, number>(),
  };
  const typeOf = new Map(funders.all.map((f) => [f.id, f.type]));
  for (const f of funders.all) tally(counts.funderType, f.type);
  for (let i = 0; i < initiatives; i++) {
    const s = buildInitiative(ctx, i);
    tally(counts.founded, s.initiative.foundedOn.slice(0, 4));
    c.budgets += s.budgets.length;
    for (const m of s.commitments) {
      c.commitments += 1;
      c.tranches += m.tranches.length;
      tally(counts.status, m.status);
      tally(counts.kind, m.kind);
      const months = (Number(m.endDate.slice(0, 4)) - Number(m.startDate.slice(0, 4))) * 12 + Number(m.endDate.slice(5, 7)) - Number(m.startDate.slice(5, 7)) + 1;
      tally(counts.months, months <= 12 ? '≤12' : months <= 24 ? '13–24' : '>24');
      tally(counts.schedule, m.tranches.length === 0 ? 'none' : m.tranches.length === 1 ? 'one' : m.tranches.length <= 4 ? '2–4' : '>4');
      for (const t of m.tranches) tally(counts.trancheStatus, t.status);
      tally(counts.reportingSchedule, m.reportingSchedule);
      if (m.reportingSchedule !== 'none') tally(counts.reportDueMonths, String(m.reportDueMonths));
      c.obligations += m.obligations.length;
      for (const o of m.obligations) {
        tally(counts.obligationStatus, o.status);
        tally(counts.obligationOverdue, lateness(o.status, o.dueOn, asOf).overdue ? 'overdue' : 'not overdue');
        tally(counts.obligationsByFunderType, typeOf.get(m.funderId)!);
      }
    }
  }
  console.log(`${funders.all.length} funders, ${initiatives} initiatives, ${c.budgets} budgets, ${c.commitments} commitments (${(c.commitments / initiatives).toFixed(2)} per initiative), ${c.tranches} tranches (${(c.tranches / c.commitments).toFixed(2)} per commitment), ${c.obligations} obligations (${(c.obligations / c.commitments).toFixed(2)} per commitment)`);
  for (const [title, m] of Object.entries(counts)) show(title, m);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      initiatives: { type: 'string', default: String(DEFAULT_INITIATIVES) },
      seed: { type: 'string', default: DEFAULT_SEED },
      'as-of': { type: 'string' },
      database: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  const initiatives = Number(values.initiatives);
  if (!Number.isSafeInteger(initiatives) || initiatives < 1) throw new Error('--initiatives must be a whole number from 1');
  const asOf = values['as-of'] ?? today();
  if (values['dry-run']) return dryRun(initiatives, values.seed, asOf);
  const databaseUrl = values.database ?? BENCH_DATABASE_URL;
  const report = await loadPortfolio({ databaseUrl, initiatives, seed: values.seed, asOf, log: console.log });
  console.log(JSON.stringify(report, null, 2));
}

await main();
