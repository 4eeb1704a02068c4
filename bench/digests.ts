// `tsx bench/digests.ts [--users 10000] [--events 20000] [--concurrency 8]` (npm run bench:digests)
// Issue 16's digest measurement: a database of its own (BENCH_DIGESTS_DATABASE_URL, default
// vangnet_bench_digests, dropped and created) with 10,000 users — initiative users, funder users and
// admins — and events told to them, then one digest run on a Monday (the daily period and the weekly
// one): the build (digest rows, set-based in batches) and every digest's e-mail composed and kept
// (no SMTP: status not_sent, exactly the work a send does short of the SMTP hand-over), then the
// same run again (nothing new). Records bench/results/<date>-digests.{json,md}.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createDb, ensureDatabase, migrateLatest } from '../server/data/db.js';
import { DigestService } from '../server/services/digests.js';
import { codeVersion, dropDatabase } from './support/database.js';
import { describeMachine } from './support/machine.js';
import { REPO_ROOT } from './support/processes.js';

const { values: args } = parseArgs({
  options: {
    users: { type: 'string', default: '10000' },
    events: { type: 'string', default: '20000' },
    concurrency: { type: 'string', default: '8' },
  },
});
const USERS = Number(args.users);
const EVENTS = Number(args.events);
const CONCURRENCY = Number(args.concurrency);
const INITIATIVES = Math.max(1, Math.round(USERS / 5));
const FUNDERS = Math.max(1, Math.round(USERS / 50));
const ADMINS = Math.max(1, Math.round(USERS / 100));
const FUNDER_USERS = Math.round(USERS * 0.3);
const INITIATIVE_USERS = USERS - ADMINS - FUNDER_USERS;
/** A Monday at 07:00 in Amsterdam: the daily and the weekly digests. */
const RUN_AT = new Date('2026-11-30T06:00:00Z');
const databaseUrl = process.env.BENCH_DIGESTS_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/vangnet_bench_digests';
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
const seconds = (ms: number) => Math.round(ms / 100) / 10;

/** The portfolio's people and what they are told, made set-based in SQL. */
async function generate(db: ReturnType<typeof createDb>): Promise<void> {
  await db.raw(`INSERT INTO funders (name, type) SELECT 'Fonds ' || g, 'foundation' FROM generate_series(1, ?) g`, [FUNDERS]);
  await db.raw(`INSERT INTO initiatives (name, founded_on, municipality) SELECT 'Initiatief ' || g, DATE '2021-03-01', 'Utrecht' FROM generate_series(1, ?) g`, [INITIATIVES]);
  // Users have no password a person could use: the bench never logs in.
  await db.raw(`INSERT INTO users (email, password_hash, role) SELECT 'admin' || g || '@bench.example', 'x', 'admin' FROM generate_series(1, ?) g`, [ADMINS]);
  await db.raw(
    `INSERT INTO users (email, password_hash, role, funder_id, language)
     SELECT 'funder' || g || '@bench.example', 'x', 'funder', (SELECT min(id) FROM funders) + (g % ?), CASE WHEN g % 4 = 0 THEN 'en' ELSE 'nl' END FROM generate_series(1, ?) g`,
    [FUNDERS, FUNDER_USERS],
  );
  await db.raw(
    `INSERT INTO users (email, password_hash, role, initiative_id, language)
     SELECT 'initiative' || g || '@bench.example', 'x', 'initiative', (SELECT min(id) FROM initiatives) + (g % ?), CASE WHEN g % 5 = 0 THEN 'en' ELSE 'nl' END FROM generate_series(1, ?) g`,
    [INITIATIVES, INITIATIVE_USERS],
  );
  // Each event about one initiative, told to it, to two of its funders and to the admins.
  await db.raw(
    `INSERT INTO events (type, subject_type, subject_id, initiative_id, funder_ids, admins, data)
     SELECT 'gap.opened', 'gap', g, i.id,
            ARRAY[(SELECT min(id) FROM funders) + (g % ?), (SELECT min(id) FROM funders) + ((g * 7) % ?)],
            true,
            jsonb_build_object('initiativeName', i.name, 'gapId', g, 'kind', 'shortfall', 'severity', CASE WHEN g % 3 = 0 THEN 'medium' ELSE 'high' END,
                               'periodStart', '2027-01-01', 'periodEnd', '2027-06-30', 'shortfallCents', 100000 + g)
     FROM generate_series(1, ?) g
     JOIN initiatives i ON i.id = (SELECT min(id) FROM initiatives) + (g % ?)`,
    [FUNDERS, FUNDERS, EVENTS, INITIATIVES],
  );
  await db.raw('ANALYZE');
}

/** Sends every digest with `concurrency` at a time, as that many job slots would. */
async function sendAll(digests: DigestService, ids: readonly number[]): Promise<Record<string, number>> {
  const outcomes: Record<string, number> = {};
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < ids.length) {
        const id = ids[next++]!;
        const outcome = await digests.send(id);
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      }
    }),
  );
  return outcomes;
}

async function main(): Promise<void> {
  await dropDatabase(databaseUrl);
  await ensureDatabase(databaseUrl);
  const db = createDb(databaseUrl, CONCURRENCY + 2);
  await migrateLatest(db);
  log(`generating ${USERS} users (${ADMINS} admins, ${FUNDER_USERS} funder users, ${INITIATIVE_USERS} initiative users) and ${EVENTS} events`);
  await generate(db);
  const digests = new DigestService(db, null, null, { timeZone: 'Europe/Amsterdam', batchSize: 2_000, publicUrl: 'http://localhost:3000', mailFrom: 'Vangnet <noreply@localhost>' });

  const loadBefore = os.loadavg()[0]!;
  const started = performance.now();
  const built = await digests.build(RUN_AT);
  const buildMs = performance.now() - started;
  log(`built ${built.made} digests (${built.periods.join(', ')}) in ${seconds(buildMs)} s`);
  const sendStarted = performance.now();
  const outcomes = await sendAll(digests, built.toSend);
  const sendMs = performance.now() - sendStarted;
  const totalMs = performance.now() - started;
  log(`composed and kept ${built.toSend.length} e-mails in ${seconds(sendMs)} s (${JSON.stringify(outcomes)}); total ${seconds(totalMs)} s`);
  const againStarted = performance.now();
  const again = await digests.build(RUN_AT);
  const againMs = performance.now() - againStarted;
  log(`the same run again: ${again.made} digests, ${again.toSend.length} to send, in ${seconds(againMs)} s`);

  const [size] = (await db.raw<{ rows: { html: number; emails: number }[] }>('SELECT round(avg(length(html)))::int AS html, count(*)::int AS emails FROM outbound_emails')).rows;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  const machine = await describeMachine(pool, null);
  await pool.end();
  await db.destroy();

  const date = new Date().toISOString().slice(0, 10);
  const result = {
    date,
    machine,
    /** The machine's 1-minute load average when the run started: other work shares its cores. */
    loadAverage: Math.round(loadBefore * 10) / 10,
    code: codeVersion(),
    data: { users: USERS, admins: ADMINS, funderUsers: FUNDER_USERS, initiativeUsers: INITIATIVE_USERS, funders: FUNDERS, initiatives: INITIATIVES, events: EVENTS },
    runAt: RUN_AT.toISOString(),
    concurrency: CONCURRENCY,
    periods: built.periods,
    digests: built.made,
    buildSeconds: seconds(buildMs),
    composeSeconds: seconds(sendMs),
    totalSeconds: seconds(totalMs),
    outcomes,
    averageHtmlChars: size?.html ?? 0,
    secondRun: { digests: again.made, toSend: again.toSend.length, seconds: seconds(againMs) },
  };
  const markdown = [
    `# Vangnet e-mail digest benchmark, ${date}`,
    '',
    `- **Machine:** ${machine.cpuModel}, ${machine.cores} cores; Node ${machine.node}; PostgreSQL ${machine.postgres}`,
    `- **Load:** 1-minute load average ${result.loadAverage} on ${machine.cores} cores when the run started (the machine is shared)`,
    `- **Code:** commit ${result.code.commit}${result.code.changed.length ? ` (with uncommitted changes to ${result.code.changed.join(', ')})` : ''}`,
    `- **Data:** ${USERS} users (${ADMINS} admins with a weekly digest, ${FUNDER_USERS} funder users and ${INITIATIVE_USERS} initiative users with a daily one; a quarter of the funder users and a fifth of the initiative users in English), ${FUNDERS} funders, ${INITIATIVES} initiatives, ${EVENTS} events (each told to its initiative's users, two funders' users and the admins)`,
    `- **Run:** ${RUN_AT.toISOString()} (Monday 07:00 in Amsterdam: ${built.periods.join(' and ')}); no SMTP, so each e-mail is composed and kept as \`not_sent\`; ${CONCURRENCY} sends at a time, as job slots would`,
    '',
    '| figure | measured |',
    '| --- | --- |',
    `| build: digest rows made, set-based in batches of 2,000 users | ${built.made} digests in ${result.buildSeconds} s |`,
    `| every digest's e-mail composed (events, sentences, HTML and text) and kept in outbound_emails | ${built.toSend.length} in ${result.composeSeconds} s |`,
    `| **total, building the digests for ${USERS} users** | **${result.totalSeconds} s** (limit: 60 s) |`,
    `| the same run again (nothing new; nothing sent) | ${again.made} digests in ${result.secondRun.seconds} s |`,
    `| average HTML size | ${result.averageHtmlChars} characters |`,
  ].join('\n');
  const dir = path.join(REPO_ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const base = path.join(dir, `${date}-digests`);
  writeFileSync(`${base}.json`, `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(`${base}.md`, `${markdown}\n`);
  log(`recorded in ${base}.md`);
  if (totalMs > 60_000) {
    console.error(`building the digests took ${seconds(totalMs)} s: over the minute the issue allows`);
    process.exitCode = 1;
  }
}

await main();
