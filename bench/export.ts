// `tsx bench/export.ts` — issue 15's export measurement, on the portfolio `npm run bench` loaded
// (BENCH_DATABASE_URL, default vangnet_bench; run `npm run bench -- --initiatives 100000` first):
// the whole commitment list exported as xlsx and as CSV through an API process, streamed to
// nowhere, timed, with the API's peak memory before and after; then the xlsx once more from an API
// whose JavaScript heap is capped at 80 MB, which a list held in memory could not survive.
// Records bench/results/<date>-export.{json,md}.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { BENCH_DATABASE_URL } from './defaults.js';
import { adminToken, codeVersion } from './support/database.js';
import { describeMachine } from './support/machine.js';
import { freePort, peakRssMb, REPO_ROOT, startNode, waitForHttp } from './support/processes.js';
import { BENCH_QUEUE_PREFIX } from './support/queues.js';

const HEAP_CAP_MB = 80;
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

interface Measured {
  format: 'xlsx' | 'csv';
  heapCapMb: number | null;
  seconds: number;
  bytes: number;
  apiPeakRssBeforeMb: number;
  apiPeakRssAfterMb: number;
}

const db = new pg.Pool({ connectionString: BENCH_DATABASE_URL, max: 2 });
const commitments = Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM commitments')).rows[0]!.n);
if (!commitments) throw new Error(`no commitments in ${BENCH_DATABASE_URL}: run npm run bench first`);
const token = await adminToken(db);

async function measure(formats: Measured['format'][], heapCapMb: number | null): Promise<Measured[]> {
  const port = await freePort();
  const env = { DATABASE_URL: BENCH_DATABASE_URL, REDIS_URL: '', QUEUE_PREFIX: BENCH_QUEUE_PREFIX, PORT: String(port), START_WORKER: 'false', DEMO_DATA: 'false', LOG_LEVEL: 'warn' };
  const api = startNode('API', 'bin/main.ts', env, heapCapMb ? [`--max-old-space-size=${heapCapMb}`] : []);
  const out: Measured[] = [];
  try {
    await waitForHttp(`http://127.0.0.1:${port}/readyz`, api);
    for (const format of formats) {
      log(`commitments as ${format}${heapCapMb ? ` (heap capped at ${heapCapMb} MB)` : ''}`);
      const before = peakRssMb(api.pid);
      const start = performance.now();
      const res = await fetch(`http://127.0.0.1:${port}/api/commitments/export?format=${format}`, { headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'identity' } });
      if (res.status !== 200 || !res.body) throw new Error(`export answered ${res.status}`);
      let bytes = 0;
      for await (const chunk of res.body) bytes += (chunk as Uint8Array).byteLength;
      const seconds = (performance.now() - start) / 1000;
      out.push({ format, heapCapMb, seconds, bytes, apiPeakRssBeforeMb: before, apiPeakRssAfterMb: peakRssMb(api.pid) });
      log(`  ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s; API peak RSS ${Math.round(before)} → ${Math.round(peakRssMb(api.pid))} MB`);
    }
  } finally {
    await api.stop();
  }
  return out;
}

try {
  const runs = [...(await measure(['xlsx', 'csv'], null)), ...(await measure(['xlsx'], HEAP_CAP_MB))];
  const result = { at: new Date().toISOString(), code: codeVersion(), machine: await describeMachine(db, null), commitments, runs };
  const mb = (n: number) => `${Math.round(n)} MB`;
  const markdown = [
    `# Vangnet export benchmark, ${result.at.slice(0, 10)}`,
    '',
    `- **Machine:** ${result.machine.cpuModel}, ${result.machine.cores} cores; Node ${process.version}; PostgreSQL ${result.machine.postgres}`,
    `- **Code:** commit ${result.code.commit}`,
    `- **Exported:** \`GET /api/commitments/export\` as an admin: all ${commitments.toLocaleString('en')} commitments of the bench portfolio, read to the end by the client`,
    '',
    '| format | API heap cap | time | file | API peak RSS before → after |',
    '| --- | --- | --- | --- | --- |',
    ...runs.map((r) => `| ${r.format} | ${r.heapCapMb ? `${r.heapCapMb} MB` : 'none'} | ${r.seconds.toFixed(1)} s | ${(r.bytes / 1e6).toFixed(1)} MB | ${mb(r.apiPeakRssBeforeMb)} → ${mb(r.apiPeakRssAfterMb)} |`),
  ].join('\n');
  const dir = path.join(REPO_ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const base = path.join(dir, `${result.at.slice(0, 10)}-export`);
  writeFileSync(`${base}.json`, `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(`${base}.md`, `${markdown}\n`);
  console.log(`\n${markdown}\n\nWritten: ${path.relative(REPO_ROOT, base)}.json and .md`);
} finally {
  await db.end();
}
