// The full gap scan: started through the API (POST /api/scans, as an admin) and timed until its
// record says completed; and PostgreSQL's floor for it, the bare aggregate of DESIGN.md's
// performance notes.
import type pg from 'pg';
import type { ApiClient } from '../support/http.js';
import { median } from '../support/stats.js';
import { FORGET_SCANS_SQL, nextLook } from '../support/scans.js';

export interface ScanResult {
  scanId: number;
  /** `first`: the gaps table was emptied before, so the scan opens every gap; `repeat`: the same scan again, nothing changes. */
  /**
   * first: from no gaps and no kept figures; repeat: the same day again, nothing changed (every
   * initiative left out); full: the same day again with `full: true` (every initiative evaluated
   * again, nothing written: about what the nightly scan of a new day costs when little changed).
   */
  kind: 'first' | 'repeat' | 'full';
  workers: number;
  /** from sending the POST to seeing the scan record completed (polled every 2 to 50 ms: nextLook) */
  seconds: number;
  /**
   * finished_at − started_at as the scan record says. Shorter than the truth: finished_at is
   * now() of the last batch's transaction, i.e. when that batch started, not when it finished.
   */
  recordedSeconds: number;
  initiatives: number;
  batches: number;
  gapsOpened: number;
  gapsResolved: number;
}

interface ScanRow {
  status: string;
  seconds: number | null;
  initiatives_scanned: number;
  batches_total: number;
  gaps_opened: number;
  gaps_resolved: number;
  error: string | null;
}

export async function runScan(api: ApiClient, db: pg.Pool, asOf: string, workers: number, kind: ScanResult['kind'], timeoutMs: number): Promise<ScanResult> {
  // `first` starts from no gaps and kept figures and the statistics of empty tables, as the first
  // scan after an import does. Before the others the gaps are analysed, as autovacuum would have
  // done between two nightly scans (this bench does not rely on autovacuum being on).
  await db.query(kind === 'first' ? FORGET_SCANS_SQL : 'ANALYZE gaps');
  const start = performance.now();
  const scan = await api.ok<{ id: number }>('POST', '/api/scans', kind === 'full' ? { asOf, full: true } : { asOf });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await db.query<ScanRow>(
      `SELECT status, extract(epoch FROM finished_at - started_at)::float8 AS seconds, initiatives_scanned, batches_total, gaps_opened, gaps_resolved, error
         FROM scans WHERE id = $1`,
      [scan.id],
    );
    const row = rows[0];
    if (row?.status === 'failed') throw new Error(`scan ${scan.id} failed: ${row.error}`);
    if (row?.status === 'completed' && row.seconds !== null) {
      return {
        scanId: scan.id,
        kind,
        workers,
        seconds: (performance.now() - start) / 1000,
        recordedSeconds: row.seconds,
        initiatives: row.initiatives_scanned,
        batches: row.batches_total,
        gapsOpened: row.gaps_opened,
        gapsResolved: row.gaps_resolved,
      };
    }
    if (Date.now() > deadline) throw new Error(`scan ${scan.id} did not finish within ${timeoutMs / 1000} s (${row?.status})`);
    await nextLook(start);
  }
}

/** The floor: "sum of non-cancelled committed tranches per initiative, one join". */
export const FLOOR_SQL = `SELECT c.initiative_id, sum(t.amount_cents) AS committed_cents
  FROM tranches t JOIN commitments c ON c.id = t.commitment_id
 WHERE t.status <> 'cancelled' AND c.status IN ('committed', 'completed')
 GROUP BY c.initiative_id`;

export interface FloorResult {
  /** median execution time of EXPLAIN (ANALYZE) over the runs */
  seconds: number;
  runs: number[];
  plan: string;
}

export async function measureFloor(db: pg.Pool, runs = 5): Promise<FloorResult> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { rows } = await db.query<{ 'QUERY PLAN': [{ 'Execution Time': number }] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${FLOOR_SQL}`);
    times.push(rows[0]!['QUERY PLAN'][0]['Execution Time'] / 1000);
  }
  const { rows } = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${FLOOR_SQL}`);
  return { seconds: median(times), runs: times, plan: rows.map((r) => r['QUERY PLAN']).join('\n') };
}

/** Recorded before every table a first scan writes was measured: its gaps alone. */
export interface GapWriteFloor {
  gaps: number;
  seconds: number;
}

/** What one table's rows cost to insert, by PostgreSQL alone. */
export interface TableWriteFloor {
  table: string;
  rows: number;
  seconds: number;
}

/** The write floor of a first scan: every table it writes, and their sum. */
export interface WriteFloor {
  tables: TableWriteFloor[];
  /** the sum of the tables' seconds */
  seconds: number;
}

/**
 * What a first scan writes (its open gaps, the events telling of them and of obligations, and the
 * kept figures), table by table: the columns it writes and the rows it wrote.
 */
const FIRST_SCAN_WRITES: readonly { table: string; columns: string; where?: string }[] = [
  { table: 'gaps', columns: 'initiative_id, kind, subject_id, period_start, period_end, shortfall_cents, severity, details', where: 'resolved_at IS NULL' },
  { table: 'events', columns: 'type, subject_type, subject_id, cause, initiative_id, funder_ids, admins, data' },
  { table: 'kept_figures', columns: 'initiative_id, as_of, risk, first_year, last_year, fingerprint, settings_key' },
  { table: 'kept_years', columns: 'initiative_id, year, whole_cents, part_cents, cents, short_cents, hhi, type_whole_cents, type_part_cents, type_cents, type_short_cents' },
  { table: 'kept_windows', columns: 'initiative_id, window_from, need_whole, need_part, committed_whole, committed_part, pipeline_whole, pipeline_part' },
  { table: 'kept_obligations', columns: 'initiative_id, year, funder_id, obligation_count, overdue_count' },
];

/**
 * The floor of what a first scan writes: each table's rows inserted again, by PostgreSQL itself in
 * one statement (no client, no gap rules, no reading of funding), into the table emptied in the same
 * transaction, with all its indexes, checks and triggers. Rolled back, so every table keeps its
 * rows. A scan writes the same rows in many smaller statements, on at most as many cores as the
 * machine has: the sum divided by the cores is less than any first scan on this machine can take.
 */
export async function measureWriteFloor(db: pg.Pool): Promise<WriteFloor> {
  const tables: TableWriteFloor[] = [];
  for (const { table, columns, where } of FIRST_SCAN_WRITES) {
    const client = await db.connect();
    try {
      await client.query('BEGIN');
      await client.query(`CREATE TEMP TABLE bench_written ON COMMIT DROP AS SELECT ${columns} FROM ${table}${where ? ` WHERE ${where}` : ''}`);
      // CASCADE: the rows that refer to these (rounds on gaps, deliveries on events), back with the rollback
      await client.query(`TRUNCATE ${table} CASCADE`);
      const start = performance.now();
      const inserted = await client.query(`INSERT INTO ${table} (${columns}) SELECT ${columns} FROM bench_written`);
      tables.push({ table, rows: inserted.rowCount ?? 0, seconds: (performance.now() - start) / 1000 });
    } finally {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
    }
  }
  return { tables, seconds: tables.reduce((sum, t) => sum + t.seconds, 0) };
}
