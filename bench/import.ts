// `tsx bench/import.ts [--initiatives 1000] [--commitments 8000] [--tranches 20000] [--seed S]`
// Issue 15's import measurement: one workbook made here with exceljs as a coalition would fill in
// the template (Dutch headers and labels, Dutch amounts, Excel dates), uploaded to an API with a
// worker (the file is far above IMPORT_JOB_ROWS, so an import job previews and applies it), into a
// database of its own (BENCH_IMPORT_DATABASE_URL, default vangnet_bench_import, dropped and
// created), on PostgreSQL queues. Records the preview and apply times and both processes' peak
// memory in bench/results/<date>-import.{json,md}.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import pg from 'pg';
import type { ImportRecord } from '../server/contract/imports.js';
import { createDb, ensureDatabase, migrateLatest } from '../server/data/db.js';
import { adminToken, codeVersion, databaseName, dropDatabase } from './support/database.js';
import { describeMachine } from './support/machine.js';
import { freePort, peakRssMb, REPO_ROOT, startNode, startWorkerNode, waitForHttp, type Child } from './support/processes.js';
import { Random } from './synthetic/random.js';

const { values: args } = parseArgs({
  options: {
    initiatives: { type: 'string', default: '1000' },
    commitments: { type: 'string', default: '8000' },
    tranches: { type: 'string', default: '20000' },
    seed: { type: 'string', default: 'vangnet-import' },
  },
});
const counts = { initiatives: Number(args.initiatives), commitments: Number(args.commitments), tranches: Number(args.tranches) };
const databaseUrl = process.env.BENCH_IMPORT_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/vangnet_bench_import';
const queuePrefix = `{${databaseName(databaseUrl).replace(/[^\w.:-]/g, '-')}}`;
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

const FUNDERS = 40;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const euros = (cents: number) => `${Math.floor(cents / 100).toLocaleString('nl-NL')},${String(cents % 100).padStart(2, '0')}`;

/** The workbook: funders, initiatives with two budgets each, commitments spread evenly, their tranches. */
async function workbook(): Promise<{ buffer: Buffer; rows: number }> {
  const random = new Random(args.seed, 'workbook');
  const wb = new ExcelJS.Workbook();
  const funders = wb.addWorksheet('Financiers');
  funders.addRow(['Naam', 'Soort', 'Financiert hoogstens (jaren)']);
  const funderNames = Array.from({ length: FUNDERS }, (_, i) => (i < 10 ? `Gemeente Plaats ${i + 1}` : `Fonds ${i + 1}`));
  for (const [i, name] of funderNames.entries()) funders.addRow([name, i < 10 ? 'gemeente' : 'fonds', i % 7 === 0 ? 5 : null]);
  const initiatives = wb.addWorksheet('Initiatieven');
  initiatives.addRow(['Naam', 'KvK-nummer', 'Opgericht op', 'Gemeente', 'Domeinen', 'Reserves', 'Status']);
  const budgets = wb.addWorksheet('Begrotingen');
  budgets.addRow(['Initiatief', 'Jaar', 'Begroot bedrag']);
  const kvk = (i: number) => String(60_000_000 + i);
  for (let i = 0; i < counts.initiatives; i++) {
    initiatives.addRow([`Buurtinitiatief ${i + 1}`, kvk(i), day(`20${String(12 + (i % 13)).padStart(2, '0')}-03-01`), `Plaats ${(i % 10) + 1}`, 'welzijn, zorg', euros(random.int(0, 2_000_000)), 'actief']);
    for (const year of [2026, 2027]) budgets.addRow([kvk(i), year, euros(random.int(2_000_000, 8_000_000))]);
  }
  const commitments = wb.addWorksheet('Toezeggingen');
  commitments.addRow(['Initiatief', 'Financier', 'Titel', 'Kenmerk', 'Soort', 'Status', 'Begindatum', 'Einddatum', 'Bedrag']);
  const tranches = wb.addWorksheet('Tranches');
  tranches.addRow(['Toezegging', 'Periode van', 'Periode tot en met', 'Bedrag', 'Status']);
  let trancheCount = 0;
  for (let c = 0; c < counts.commitments; c++) {
    const year = 2024 + (c % 4);
    const reference = `IMP-${c + 1}`;
    const amount = random.int(100, 400) * 10_000;
    commitments.addRow([kvk(c % counts.initiatives), funderNames[c % FUNDERS], `Bijdrage ${year}`, reference, c % 3 === 0 ? 'subsidie' : 'fondsbijdrage', 'toegezegd', day(`${year}-01-01`), day(`${year}-12-31`), euros(amount)]);
    // Spread the tranches evenly over the commitments: each gets its share, in quarters or halves of its year.
    const share = Math.floor(((c + 1) * counts.tranches) / counts.commitments) - Math.floor((c * counts.tranches) / counts.commitments);
    const periods: [string, string][] = [[`${year}-01-01`, `${year}-03-31`], [`${year}-04-01`, `${year}-06-30`], [`${year}-07-01`, `${year}-09-30`], [`${year}-10-01`, `${year}-12-31`]];
    for (const [from, to] of periods.slice(0, share)) {
      tranches.addRow([reference, day(from), day(to), euros(Math.floor(amount / 4)), 'gepland']);
      trancheCount++;
    }
  }
  if (trancheCount !== counts.tranches) throw new Error(`${counts.tranches} tranches need at most 4 per commitment`);
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { buffer, rows: FUNDERS + counts.initiatives * 3 + counts.commitments + trancheCount };
}

async function waitFor(url: string, token: string, done: (r: ImportRecord) => boolean): Promise<ImportRecord> {
  for (;;) {
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    const record = (await res.json()) as ImportRecord;
    if (record.status === 'failed') throw new Error(`import failed: ${JSON.stringify(record)}`);
    if (done(record)) return record;
    await sleep(100);
  }
}

log(`workbook: ${counts.initiatives} initiatives, ${counts.commitments} commitments, ${counts.tranches} tranches`);
const file = await workbook();
log(`  ${(file.buffer.length / 1e6).toFixed(1)} MB, ${file.rows} rows`);

await dropDatabase(databaseUrl);
await ensureDatabase(databaseUrl);
const knex = createDb(databaseUrl, 2);
await migrateLatest(knex);
await knex.destroy();
const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
const token = await adminToken(db);
// A stand-in scan, so the API queues no first-start scan beside the import.
await db.query("INSERT INTO scans (trigger, status, as_of, finished_at, error) VALUES ('manual', 'failed', current_date, now(), 'bench: stands in for the first-start scan')");

const env = { DATABASE_URL: databaseUrl, REDIS_URL: '', QUEUE_PREFIX: queuePrefix, LOG_LEVEL: 'warn' };
const port = await freePort();
const children: Child[] = [];
try {
  const api = startNode('API', 'bin/main.ts', { ...env, PORT: String(port), START_WORKER: 'false', DEMO_DATA: 'false' });
  children.push(api);
  const worker = startWorkerNode('worker', env);
  children.push(worker);
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/readyz`, api);

  log('upload and preview');
  let start = performance.now();
  const form = new FormData();
  form.append('file', new Blob([file.buffer]), 'portefeuille.xlsx');
  const uploaded = await fetch(`${url}/api/imports`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  if (uploaded.status !== 201) throw new Error(`upload answered ${uploaded.status}: ${await uploaded.text()}`);
  const { id } = (await uploaded.json()) as ImportRecord;
  const previewed = await waitFor(`${url}/api/imports/${id}`, token, (r) => r.status === 'previewed');
  const previewSeconds = (performance.now() - start) / 1000;
  log(`  ${previewSeconds.toFixed(1)} s: ${JSON.stringify(previewed.counts)}`);

  log('apply');
  start = performance.now();
  const applying = await fetch(`${url}/api/imports/${id}/apply`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
  if (applying.status >= 300) throw new Error(`apply answered ${applying.status}: ${await applying.text()}`);
  const applied = await waitFor(`${url}/api/imports/${id}`, token, (r) => r.status === 'applied');
  const applySeconds = (performance.now() - start) / 1000;
  log(`  ${applySeconds.toFixed(1)} s`);
  const stored = Object.fromEntries(
    await Promise.all(['funders', 'initiatives', 'budgets', 'commitments', 'tranches'].map(async (t) => [t, Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${t}`)).rows[0]!.n)] as const)),
  );
  const result = {
    at: new Date().toISOString(),
    code: codeVersion(),
    machine: await describeMachine(db, null),
    file: { bytes: file.buffer.length, rows: file.rows, ...counts, funders: FUNDERS, budgets: counts.initiatives * 2 },
    previewSeconds,
    applySeconds,
    counts: applied.counts,
    stored,
    peakRssMb: { api: peakRssMb(api.pid), worker: peakRssMb(worker.pid) },
  };
  const markdown = [
    `# Vangnet import benchmark, ${result.at.slice(0, 10)}`,
    '',
    `- **Machine:** ${result.machine.cpuModel}, ${result.machine.cores} cores; Node ${process.version}; PostgreSQL ${result.machine.postgres}; PostgreSQL queues`,
    `- **Code:** commit ${result.code.commit}${result.code.changed.length ? ` (+ uncommitted changes in ${result.code.changed.join(', ')})` : ''}`,
    `- **File:** one .xlsx of ${(file.buffer.length / 1e6).toFixed(1)} MB made like the template: ${FUNDERS} funders, ${counts.initiatives} initiatives with ${counts.initiatives * 2} budgets, ${counts.commitments} commitments, ${counts.tranches} tranches (${file.rows} rows)`,
    '',
    '| figure | measured |',
    '| --- | --- |',
    `| upload → previewed (an import job reads, matches and checks every row) | ${previewSeconds.toFixed(1)} s |`,
    `| apply → applied (one transaction through the CRUD service: rules, audit, rescan outbox) | ${applySeconds.toFixed(1)} s |`,
    `| API peak RSS | ${Math.round(result.peakRssMb.api)} MB |`,
    `| worker peak RSS | ${Math.round(result.peakRssMb.worker)} MB |`,
    `| stored afterwards | ${Object.entries(stored).map(([t, n]) => `${n} ${t}`).join(', ')} |`,
  ].join('\n');
  const dir = path.join(REPO_ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const base = path.join(dir, `${result.at.slice(0, 10)}-import`);
  writeFileSync(`${base}.json`, `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(`${base}.md`, `${markdown}\n`);
  console.log(`\n${markdown}\n\nWritten: ${path.relative(REPO_ROOT, base)}.json and .md`);
} finally {
  await Promise.all(children.map((c) => c.stop()));
  await db.end();
}
