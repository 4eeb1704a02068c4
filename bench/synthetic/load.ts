// Loads a synthetic portfolio into an empty, migrated database the way PostgreSQL's manual
// ("Populating a Database") advises: the secondary indexes and foreign keys of the six tables
// are set aside, the rows stream in through six concurrent COPYs (one pass of the generator),
// then the indexes are built and the foreign keys added back — which validates every row
// against them — and the tables are vacuumed and analysed. Every CHECK, primary key and unique
// constraint stays in force during the COPY; nothing is left unchecked at the end.
import pg from 'pg';
import { createDb, ensureDatabase, migrateLatest } from '../../server/data/db.js';
import type { IsoDate } from '../../server/domain/types.js';
import { columnOf } from '../../server/contract/resource.js';
import { RESOURCES } from '../../server/resources/index.js';
import { CopyWriter, type CopyValue } from './copy.js';
import { buildFunders } from './funders.js';
import { buildInitiative } from './initiative.js';
import { OBLIGATION_ACTION_FIELDS } from './obligations.js';

export interface LoadOptions {
  databaseUrl: string;
  initiatives: number;
  seed: string;
  asOf: IsoDate;
  log?: (message: string) => void;
}

export const TABLES = ['funders', 'initiatives', 'budgets', 'commitments', 'tranches', 'obligations'] as const;
export type Table = (typeof TABLES)[number];

export interface LoadReport {
  seed: string;
  asOf: IsoDate;
  /** absent for obligations in reports recorded before they were generated */
  rows: Record<Table, number>;
  totalRows: number;
  seconds: { migrate: number; copy: number; indexes: number; foreignKeys: number; vacuumAnalyze: number; total: number };
  /** All rows over the whole load (COPY, indexes, foreign keys, vacuum and analyse). */
  rowsPerSecond: number;
  /** All rows over the COPY alone: the generator's pace, as PostgreSQL takes its rows (absent in reports recorded before it was). */
  copyRowsPerSecond?: number;
  /** Tranche rows over the whole load, and the time 1M tranches take at that pace. */
  tranchesPerSecond: number;
  secondsPerMillionTranches: number;
}

/** Fields the product sets by an action rather than a write: an obligation's status and its dates. */
const ACTION_FIELDS: Partial<Record<Table, readonly string[]>> = { obligations: OBLIGATION_ACTION_FIELDS };

/** Each table's fields in COPY order: `id`, every field a write stores (server/resources/), then those set by actions. */
const FIELDS = new Map<Table, readonly string[]>(
  TABLES.map((table) => [table, ['id', ...Object.entries(RESOURCES[table]!.fields).flatMap(([name, spec]) => (spec.column ? [name] : [])), ...(ACTION_FIELDS[table] ?? [])]]),
);
const fieldsOf = (table: Table): readonly string[] => FIELDS.get(table)!;

/** The record's values in its table's COPY order, `keys` (id, parent id) first; a field it leaves out is null. */
const valuesOf = (table: Table, record: object, keys: Readonly<Record<string, number>> = {}): CopyValue[] =>
  fieldsOf(table).map((name) => (keys[name] ?? (record as Record<string, unknown>)[name] ?? null) as CopyValue);

interface SetAside {
  indexes: { name: string; def: string }[];
  foreignKeys: { table: string; name: string; def: string }[];
}

const seconds = (since: number) => (performance.now() - since) / 1000;

/** Plain indexes (not backing a primary key, unique or exclusion constraint) and foreign keys of the tables. */
async function setAside(client: pg.PoolClient): Promise<SetAside> {
  const indexes = await client.query<{ name: string; def: string }>(
    `SELECT ic.relname AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class tc ON tc.oid = i.indrelid
      WHERE tc.relname = ANY($1) AND tc.relnamespace = 'public'::regnamespace
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
      ORDER BY pg_relation_size(i.indrelid) DESC, ic.relname`,
    [TABLES],
  );
  const foreignKeys = await client.query<{ table: string; name: string; def: string }>(
    `SELECT tc.relname AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS def
       FROM pg_constraint c JOIN pg_class tc ON tc.oid = c.conrelid
      WHERE c.contype = 'f' AND tc.relname = ANY($1) AND tc.relnamespace = 'public'::regnamespace
      ORDER BY tc.relname, c.conname`,
    [TABLES],
  );
  return { indexes: indexes.rows, foreignKeys: foreignKeys.rows };
}

async function drop(client: pg.PoolClient, aside: SetAside): Promise<void> {
  await client.query('BEGIN');
  for (const fk of aside.foreignKeys) await client.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT ${fk.name}`);
  for (const ix of aside.indexes) await client.query(`DROP INDEX ${ix.name}`);
  await client.query('COMMIT');
}

async function restore(client: pg.PoolClient, aside: SetAside): Promise<void> {
  for (const ix of aside.indexes) await client.query(ix.def);
  for (const fk of aside.foreignKeys) await client.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT ${fk.name} ${fk.def}`);
}

/** Runs the statements over `clients` in parallel, each client taking the next one free. */
async function inParallel(clients: pg.PoolClient[], statements: string[]): Promise<void> {
  const queue = [...statements];
  await Promise.all(
    clients.map(async (client) => {
      for (let s = queue.shift(); s !== undefined; s = queue.shift()) await client.query(s);
    }),
  );
}

async function assertEmpty(client: pg.PoolClient): Promise<void> {
  for (const table of TABLES) {
    const { rowCount } = await client.query(`SELECT 1 FROM ${table} LIMIT 1`);
    if (rowCount) throw new Error(`Table ${table} is not empty: load a synthetic portfolio into a fresh database only.`);
  }
}

/** Streams the portfolio through the writers: the generator runs once, ids are given in order. */
async function copyPortfolio(writers: Record<Table, CopyWriter>, options: LoadOptions): Promise<void> {
  const funders = buildFunders(options.seed);
  for (const f of funders.all) await writers.funders.row(valuesOf('funders', f));
  const ctx = { seed: options.seed, asOf: options.asOf, funders };
  let budgetId = 0;
  let commitmentId = 0;
  let trancheId = 0;
  let obligationId = 0;
  for (let index = 0; index < options.initiatives; index++) {
    const { initiative: i, budgets, commitments } = buildInitiative(ctx, index);
    await writers.initiatives.row(valuesOf('initiatives', i));
    for (const b of budgets) await writers.budgets.row(valuesOf('budgets', b, { id: ++budgetId, initiativeId: i.id }));
    for (const c of commitments) {
      const id = ++commitmentId;
      await writers.commitments.row(valuesOf('commitments', c, { id, initiativeId: i.id }));
      for (const t of c.tranches) await writers.tranches.row(valuesOf('tranches', t, { id: ++trancheId, commitmentId: id }));
      for (const o of c.obligations) await writers.obligations.row(valuesOf('obligations', o, { id: ++obligationId, commitmentId: id }));
    }
    if (options.log && (index + 1) % 20_000 === 0) options.log(`  generated ${index + 1} of ${options.initiatives} initiatives`);
  }
}

export async function loadPortfolio(options: LoadOptions): Promise<LoadReport> {
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  await ensureDatabase(options.databaseUrl);
  const knex = createDb(options.databaseUrl, 2);
  try {
    await migrateLatest(knex);
  } finally {
    await knex.destroy();
  }
  const migrateSeconds = seconds(started);

  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: TABLES.length + 1 });
  const clients = await Promise.all(TABLES.map(() => pool.connect()));
  const admin = clients[0]!;
  try {
    await assertEmpty(admin);
    const aside = await setAside(admin);
    await drop(admin, aside);

    let t = performance.now();
    log(`COPY ${options.initiatives} initiatives (seed ${options.seed}, as of ${options.asOf}); set aside ${aside.indexes.length} indexes and ${aside.foreignKeys.length} foreign keys`);
    const writers = Object.fromEntries(TABLES.map((table, k) => [table, new CopyWriter(clients[k]!, table, fieldsOf(table).map(columnOf))])) as Record<Table, CopyWriter>;
    const copied = await copyPortfolio(writers, options).then(
      () => null,
      (err: unknown) => err,
    );
    const ended = await Promise.allSettled(TABLES.map((table) => writers[table].end()));
    const failure = copied ?? ended.find((r): r is PromiseRejectedResult => r.status === 'rejected')?.reason;
    if (failure) {
      // Leave the database as it was: empty, with every index and foreign key.
      await admin.query(`TRUNCATE ${TABLES.join(', ')} CASCADE`);
      await restore(admin, aside);
      throw failure;
    }
    const copySeconds = seconds(t);
    const rows = Object.fromEntries(TABLES.map((table) => [table, writers[table].rows])) as Record<Table, number>;
    log(`  copied ${Object.entries(rows).map(([k, v]) => `${v} ${k}`).join(', ')} in ${copySeconds.toFixed(1)} s`);

    // Two builders at a time: a 2-core machine, one core per index build.
    const builders = clients.slice(0, 2);
    for (const c of builders) await c.query("SET maintenance_work_mem = '256MB'");
    t = performance.now();
    await inParallel(builders, aside.indexes.map((ix) => ix.def));
    const indexSeconds = seconds(t);
    t = performance.now();
    await inParallel(builders, aside.foreignKeys.map((fk) => `ALTER TABLE ${fk.table} ADD CONSTRAINT ${fk.name} ${fk.def}`));
    const fkSeconds = seconds(t);
    log(`  built ${aside.indexes.length} indexes in ${indexSeconds.toFixed(1)} s, validated ${aside.foreignKeys.length} foreign keys in ${fkSeconds.toFixed(1)} s`);

    for (const table of TABLES) await admin.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), GREATEST((SELECT max(id) FROM ${table}), 1))`);
    t = performance.now();
    await inParallel(builders, TABLES.map((table) => `VACUUM ANALYZE ${table}`));
    const vacuumSeconds = seconds(t);

    const total = seconds(started);
    const totalRows = Object.values(rows).reduce((a, b) => a + b, 0);
    const loadSeconds = total - migrateSeconds;
    return {
      seed: options.seed,
      asOf: options.asOf,
      rows,
      totalRows,
      seconds: { migrate: migrateSeconds, copy: copySeconds, indexes: indexSeconds, foreignKeys: fkSeconds, vacuumAnalyze: vacuumSeconds, total },
      rowsPerSecond: totalRows / loadSeconds,
      copyRowsPerSecond: totalRows / copySeconds,
      tranchesPerSecond: rows.tranches / loadSeconds,
      secondsPerMillionTranches: rows.tranches ? (loadSeconds * 1_000_000) / rows.tranches : 0,
    };
  } finally {
    for (const c of clients) c.release();
    await pool.end();
  }
}
