// The result of one benchmark run, the targets it is held to, and its Markdown table.
import { AFTER_CHANGE_MS, type AnalyticsResult } from '../scenarios/analytics.js';
import type { KeptRenewalResult } from '../scenarios/keptRenewal.js';
import type { EditToFlagResult } from '../scenarios/edits.js';
import type { ListResult } from '../scenarios/lists.js';
import type { FloorResult, GapWriteFloor, ScanResult, WriteFloor } from '../scenarios/scan.js';
import type { LoadReport, Table } from '../synthetic/load.js';
import type { Machine } from './machine.js';
import { QUEUE_LABELS, type QueueKind } from './queues.js';
import type { Quiet } from './quiet.js';

/** What a run measured on one queue backend: the full scans, the workers' memory, edit-to-flag. */
export interface QueueRun {
  backend: QueueKind;
  scans: ScanResult[];
  /** peak RSS (VmHWM) of each worker process, by number of workers */
  workerPeakRssMb: Record<string, number[]>;
  editToFlag: EditToFlagResult;
}

export interface BenchResult {
  startedAt: string;
  finishedAt: string;
  seed: string;
  asOf: string;
  code: { commit: string; changed: string[] };
  rows: Record<Table, number>;
  machine: Machine;
  settings: { scanBatch: number; workerConcurrency: number; rescanDebounceMs: number; dbPoolMax: number; listRate: number; listConnections: number; listSeconds: number; edits: number };
  /** null with --skip-load */
  load: LoadReport | null;
  floor: FloorResult;
  /** in results recorded before every table was measured (writeFloor): the gaps alone */
  gapWriteFloor?: GapWriteFloor;
  /** absent in results recorded before it was measured */
  writeFloor?: WriteFloor;
  /** one per queue backend measured, Redis first */
  queues: QueueRun[];
  lists: ListResult[];
  analytics: AnalyticsResult;
  /** absent in results recorded before it was measured */
  keptRenewal?: KeptRenewalResult;
  apiPeakRssMb: number;
  /** how busy the machine was just before each measurement (other processes share it) */
  quiet: Record<string, Quiet>;
  loadAverage: { start: number[]; end: number[] };
  targets: TargetCheck[];
}

/** A result as recorded: runs from before the PostgreSQL queues kept one backend's figures, Redis's, at the top level. */
export type RecordedResult = BenchResult | (Omit<BenchResult, 'queues'> & Omit<QueueRun, 'backend'>);

export function fromRecorded(recorded: RecordedResult): BenchResult {
  if ('queues' in recorded) return recorded;
  const { scans, workerPeakRssMb, editToFlag, ...rest } = recorded;
  return { ...rest, queues: [{ backend: 'redis', scans, workerPeakRssMb, editToFlag }] };
}

export interface TargetCheck {
  figure: string;
  measured: string;
  target: string;
  met: boolean;
}

const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);
const ms = (n: number) => (n >= 100 ? `${Math.round(n)} ms` : `${f1(n)} ms`);
const s = (n: number) => `${n >= 10 ? f1(n) : f2(n)} s`;
const mb = (n: number) => `${Math.round(n)} MB`;
const int = (n: number) => Math.round(n).toLocaleString('en-US');

export function sizeLabel(initiatives: number): string {
  return initiatives % 1000 === 0 ? `${initiatives / 1000}k` : String(initiatives);
}

function check(figure: string, value: number, limit: number, kind: 'max' | 'min', show: (n: number) => string): TargetCheck {
  return { figure, measured: show(value), target: `${kind === 'max' ? '≤' : '≥'} ${show(limit)}`, met: kind === 'max' ? value <= limit : value >= limit };
}

/** The targets of issues 4, 5, 7 and 14 (set for 100k initiatives on a 2-core machine). */
/** A scan as the targets and the side-by-side table name it. */
function scanName(scan: ScanResult): string {
  const kind = { first: 'first full scan', repeat: 'repeat full scan', full: 'full repeat scan (every initiative evaluated)' }[scan.kind];
  return `${kind}, ${scan.workers} worker${scan.workers > 1 ? 's' : ''}`;
}

/** The least a first scan can take on `cores` cores: its writes alone, spread evenly over every core. */
export function writeFloorBound(floor: WriteFloor, cores: number): number {
  return floor.seconds / Math.max(1, cores);
}

export function checkTargets(r: Omit<BenchResult, 'targets'>): TargetCheck[] {
  const checks: TargetCheck[] = [];
  if (r.load) checks.push(check('bulk load, seconds per 1M tranches', r.load.secondsPerMillionTranches, 60, 'max', s));
  // What no first scan on this machine can beat: its writes alone, spread over every core, held to
  // the first scan's target (a miss says the target cannot be met here without writing less).
  if (r.writeFloor) checks.push(check(`first full scan's write floor ÷ ${r.machine.cores} cores (a lower bound)`, writeFloorBound(r.writeFloor, r.machine.cores), 10, 'max', s));
  // The PostgreSQL queues are held to the same targets as Redis: they tell how far the zero-install mode goes.
  for (const q of r.queues) {
    const on = ` (${QUEUE_LABELS[q.backend]} queues)`;
    for (const scan of q.scans) {
      const label = scanName(scan);
      // issue 14: the first scan within 10 s, a repeat (nothing changed) within 5 s; a full repeat,
      // which evaluates every initiative again, is held to the repeat's target too
      checks.push(check(label + on, scan.seconds, scan.kind === 'first' ? 10 : 5, 'max', s));
      checks.push(check(`${label} ÷ bare aggregate${on}`, scan.seconds / r.floor.seconds, 3, 'max', (n) => `${f1(n)}×`));
    }
    const rss = Object.values(q.workerPeakRssMb).flat();
    if (rss.length) checks.push(check(`worker peak RSS${on}`, Math.max(...rss), 300, 'max', mb));
    checks.push(check(`edit-to-flag p95${on}`, q.editToFlag.p95Ms, 1000, 'max', ms));
  }
  for (const list of r.lists) {
    checks.push(check(`${list.name} p99 at ${list.rate} req/s`, list.api.fixed.p99Ms, 50, 'max', ms));
    checks.push(check(`${list.name} throughput ÷ bare`, list.throughputRatio, 0.7, 'min', f2));
  }
  checks.push(check('runway of one initiative (median)', r.analytics.runway.medianMs, 20, 'max', ms));
  for (const [name, t] of [['fragmentation', r.analytics.fragmentation], ['funding', r.analytics.funding], ['risk', r.analytics.risk], ['burden', r.analytics.burden]] as const) {
    if (!t) continue;
    checks.push(check(`GET /api/stats/${name} (median)`, t.medianMs, 250, 'max', ms));
    checks.push(check(`GET /api/stats/${name} (p95)`, t.p95Ms, 400, 'max', ms));
    // The first call computes what the next ones reuse from the answer cache: held to the p95's
    // target, so the cache cannot hide a slow computation.
    if (t.firstMs !== undefined) checks.push(check(`GET /api/stats/${name} (first call, nothing cached)`, t.firstMs, 400, 'max', ms));
    // The next look some seconds after a change: computed again ahead in the quiet, held to the median's target.
    if (t.afterChangeMs !== undefined) checks.push(check(`GET /api/stats/${name} (${AFTER_CHANGE_MS / 1000} s after a change)`, t.afterChangeMs, 250, 'max', ms));
  }
  checks.push(check('API peak RSS', r.apiPeakRssMb, 300, 'max', mb));
  return checks;
}

function table(head: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

export function renderMarkdown(r: BenchResult): string {
  const m = r.machine;
  const out: string[] = [];
  out.push(`# Vangnet benchmark: ${int(r.rows.initiatives)} initiatives, ${r.startedAt.slice(0, 10)}`);
  out.push('');
  out.push(`- **Machine:** ${m.cpuModel}, ${m.cores} cores, ${m.ramGb} GB RAM, ${m.os}; Node ${m.node}; PostgreSQL ${m.postgres} (${Object.entries(m.postgresSettings).map(([k, v]) => `${k} ${v}`).join(', ')}); Redis ${m.redis}`);
  out.push(`- **Portfolio:** ${Object.entries(r.rows).map(([k, v]) => `${int(v)} ${k}`).join(', ')} (seed \`${r.seed}\`, as of ${r.asOf})`);
  out.push(`- **Code:** commit ${r.code.commit}${r.code.changed.length ? ` with uncommitted changes to ${r.code.changed.map((f) => `\`${f}\``).join(', ')}` : ''}`);
  out.push(`- **Run:** ${r.startedAt} – ${r.finishedAt}; SCAN_BATCH ${r.settings.scanBatch}, WORKER_CONCURRENCY ${r.settings.workerConcurrency}, RESCAN_DEBOUNCE_MS ${r.settings.rescanDebounceMs}, DB_POOL_MAX ${r.settings.dbPoolMax}`);
  out.push('');
  out.push('## Targets (set for 100k initiatives on a 2-core machine)');
  out.push('');
  out.push(table(['figure', 'measured', 'target', ''], r.targets.map((t) => [t.figure, t.measured, t.target, t.met ? 'met' : '**missed**'])));
  out.push('');

  if (r.load) {
    const l = r.load;
    out.push('## Bulk load (COPY)');
    out.push('');
    out.push(
      table(
        ['rows', 'COPY', 'indexes', 'foreign keys', 'vacuum + analyse', 'total', 'rows/s', 'rows/s in the COPY', 'tranches/s', 'per 1M tranches'],
        [
          [
            int(l.totalRows),
            s(l.seconds.copy),
            s(l.seconds.indexes),
            s(l.seconds.foreignKeys),
            s(l.seconds.vacuumAnalyze),
            s(l.seconds.total),
            int(l.rowsPerSecond),
            // Reports recorded before it was kept: the same figure from their COPY time.
            int(l.copyRowsPerSecond ?? l.totalRows / l.seconds.copy),
            int(l.tranchesPerSecond),
            s(l.secondsPerMillionTranches),
          ],
        ],
      ),
    );
    out.push('');
  }

  out.push('## Full gap scan');
  out.push('');
  out.push(`Floor: the bare aggregate (sum of non-cancelled committed tranches per initiative, one join), EXPLAIN ANALYZE median of ${r.floor.runs.length}: **${s(r.floor.seconds)}**.`);
  out.push('');
  // The least any first scan can take here (its writes alone), when measured.
  const bound = r.writeFloor ? writeFloorBound(r.writeFloor, m.cores) : null;
  if (r.writeFloor && bound !== null) {
    out.push(
      `Write floor of a first scan: each table it writes, its rows inserted again by PostgreSQL alone, in one statement, into the table emptied (all its indexes, checks and triggers; no client, no gap rules, nothing read). A scan writes the same rows in smaller statements on at most ${m.cores} cores, so none can finish in less than the sum ÷ ${m.cores}: **${s(bound)}**.`,
    );
    out.push('');
    out.push(table(['table', 'rows', 'seconds', 'µs a row'], [...r.writeFloor.tables.map((t) => [t.table, int(t.rows), s(t.seconds), f1((t.seconds * 1e6) / Math.max(1, t.rows))]), ['all', int(r.writeFloor.tables.reduce((n, t) => n + t.rows, 0)), s(r.writeFloor.seconds), '']]));
    out.push('');
  } else if (r.gapWriteFloor) {
    out.push(
      `Write floor of a first scan: its ${int(r.gapWriteFloor.gaps)} open gaps inserted again by PostgreSQL alone, in one statement, into the gaps table emptied (all its indexes, checks, foreign key and overlap check): **${s(r.gapWriteFloor.seconds)}**.`,
    );
    out.push('');
  }
  const SCAN_LABELS: Record<ScanResult['kind'], string> = {
    first: 'first (opens every gap)',
    repeat: 'repeat (same day, nothing changed)',
    full: 'full repeat (every initiative evaluated again, nothing changes)',
  };
  const scanLabel = (x: ScanResult) => SCAN_LABELS[x.kind];
  // Each first scan also against that bound: how far the scan itself is from what the machine allows.
  out.push(
    table(
      ['queues', 'workers', 'scan', 'wall time', '÷ floor', ...(bound ? ['÷ write floor bound'] : []), 'as the scan record says', 'initiatives/s', 'batches', 'gaps opened', 'gaps resolved', 'peak RSS per worker'],
      r.queues.flatMap((q) =>
        q.scans.map((x) => [
          QUEUE_LABELS[q.backend],
          x.workers,
          scanLabel(x),
          s(x.seconds),
          `${f1(x.seconds / r.floor.seconds)}×`,
          ...(bound ? [x.kind === 'first' ? `${f1(x.seconds / bound)}×` : '—'] : []),
          s(x.recordedSeconds),
          int(x.initiatives / x.seconds),
          x.batches,
          int(x.gapsOpened),
          int(x.gapsResolved),
          (q.workerPeakRssMb[String(x.workers)] ?? []).map(mb).join(', '),
        ]),
      ),
    ),
  );
  out.push('');

  out.push('## Edit to flag');
  out.push('');
  out.push(`${r.settings.edits} budget edits through \`PUT /api/budgets/:id\`, one worker running (each includes the rescan debounce of RESCAN_DEBOUNCE_MS):`);
  out.push('');
  for (const q of r.queues) {
    const e = q.editToFlag;
    out.push(`- ${QUEUE_LABELS[q.backend]} queues: p50 **${ms(e.p50Ms)}**, p95 **${ms(e.p95Ms)}**, max ${ms(e.maxMs)}${e.timeouts ? `, ${e.timeouts} not flagged within the timeout` : ''}`);
  }
  out.push('');

  if (r.queues.length > 1) {
    out.push('## Queue backends side by side');
    out.push('');
    const [first] = r.queues;
    const perScan = (first?.scans ?? []).map((x, i): (string | number)[] => [
      scanName(x),
      ...r.queues.map((q) => {
        const y = q.scans[i];
        return y ? s(y.seconds) : '—';
      }),
    ]);
    const perQueue = (figure: string, value: (q: QueueRun) => string): (string | number)[] => [figure, ...r.queues.map(value)];
    out.push(
      table(
        ['figure', ...r.queues.map((q) => `${QUEUE_LABELS[q.backend]} queues`)],
        [
          ...perScan,
          perQueue('edit-to-flag p50', (q) => ms(q.editToFlag.p50Ms)),
          perQueue('edit-to-flag p95', (q) => ms(q.editToFlag.p95Ms)),
          perQueue('worker peak RSS', (q) => mb(Math.max(...Object.values(q.workerPeakRssMb).flat()))),
        ],
      ),
    );
    out.push('');
  }

  out.push('## List endpoints');
  out.push('');
  out.push(
    table(
      ['endpoint', 'server', `p50 @ ${r.settings.listRate}/s`, `p99 @ ${r.settings.listRate}/s`, 'max req/s', 'p99 at max', 'non-2xx'],
      r.lists.flatMap((l) =>
        (['api', 'bare'] as const).map((server) => {
          const x = l[server];
          return [server === 'api' ? `\`${decodeURIComponent(l.path)}\`` : '', server === 'api' ? 'API' : 'bare node:http + pg', ms(x.fixed.p50Ms), ms(x.fixed.p99Ms), int(x.max.requestsPerSecond), ms(x.max.p99Ms), x.fixed.non2xx + x.max.non2xx];
        }),
      ),
    ),
  );
  out.push('');
  out.push(
    table(
      ['endpoint', 'p99 API ÷ bare', 'throughput API ÷ bare', 'same answer'],
      r.lists.map((l) => [l.name, `${f2(l.p99Ratio)}×`, f2(l.throughputRatio), l.sameAnswer ? 'yes' : '**no**']),
    ),
  );
  out.push('');
  out.push(`autocannon, ${r.settings.listConnections} connections, ${r.settings.listSeconds} s per measurement; the bare server runs the SQL the API issues (session lookup, then the list's statements; see lists[].sql in the JSON).`);
  out.push('');

  const a = r.analytics;
  out.push('## Analytics endpoints');
  out.push('');
  out.push(
    table(
      ['endpoint', 'first call', 'calls after it', 'median', 'p95', 'min', 'max', `${AFTER_CHANGE_MS / 1000} s after a change`, 'response', 'computed'],
      [
        [`runway of initiative ${a.runway.initiativeId} (${a.runway.commitments} commitments, ${a.runway.tranches} tranches)`, '', a.runway.calls, ms(a.runway.medianMs), ms(a.runway.p95Ms), ms(a.runway.minMs), ms(a.runway.maxMs), '', `${int(a.runway.responseBytes)} B`, ''],
        ...[a.fragmentation, a.funding, a.risk, a.burden]
          .filter((x) => x !== undefined)
          .map((x) => [`\`${decodeURIComponent(x.path)}\``, x.firstMs === undefined ? '' : ms(x.firstMs), x.calls, ms(x.medianMs), ms(x.p95Ms), ms(x.minMs), ms(x.maxMs), x.afterChangeMs === undefined ? '' : ms(x.afterChangeMs), `${int(x.responseBytes)} B`, x.computed ?? '']),
      ],
    ),
  );
  out.push('');
  if (r.keptRenewal) {
    const k = r.keptRenewal;
    out.push(
      `Kept figures, renewed by every rescan: one initiative's rescan batch (gaps and kept figures, rolled back) takes ${ms(k.batchMedianMs)} median, ${ms(k.batchP95Ms)} p95, of which renewing its kept figures ${ms(k.renewalMedianMs)} median, ${ms(k.renewalP95Ms)} p95 (${k.initiatives} initiatives across the portfolio).`,
    );
    out.push('');
  }
  const busy = Object.entries(r.quiet).filter(([, q]) => q.busyBefore >= 0.15);
  out.push('## Quiet machine');
  out.push('');
  out.push(
    busy.length
      ? `Other processes kept the CPUs busy before: ${busy.map(([phase, q]) => `${phase} (${Math.round(q.busyBefore * 100)}%)`).join(', ')}; those figures may be pessimistic.`
      : 'Each measurement started on a quiet machine (CPUs < 15% busy for 3 s).',
  );
  out.push(`Load average at start ${r.loadAverage.start.map((x) => x.toFixed(2)).join(' ')}, at end ${r.loadAverage.end.map((x) => x.toFixed(2)).join(' ')}.`);
  out.push('');
  out.push('## Memory');
  out.push('');
  const workers = (q: QueueRun) => Object.entries(q.workerPeakRssMb).map(([n, v]) => `${n} worker${n === '1' ? '' : 's'}: ${v.map(mb).join(', ')}`).join('; ');
  out.push(`Peak RSS (VmHWM): API ${mb(r.apiPeakRssMb)} (the one on ${QUEUE_LABELS[r.queues[0]?.backend ?? 'redis']} queues, after all its measurements); workers ${r.queues.map((q) => `on ${QUEUE_LABELS[q.backend]} queues ${workers(q)}`).join('; ')}.`);
  out.push('');
  return out.join('\n');
}
