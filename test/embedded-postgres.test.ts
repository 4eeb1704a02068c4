// The embedded PostgreSQL's lifecycle: initialised once, its data kept, shared with a second
// process on the same folder, and a server left behind by a killed process taken over.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import pg from 'pg';
import { databaseUrl, startEmbeddedPostgres, type EmbeddedPostgres } from '../server/data/embeddedPostgres.js';

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** The pid of a process that has exited. */
function deadPid(): number {
  const { pid } = spawnSync(process.execPath, ['-e', '']);
  if (!pid) throw new Error('could not run node');
  return pid;
}

describe('embedded PostgreSQL', function () {
  this.timeout(120_000);
  let dataDir = '';
  const started: EmbeddedPostgres[] = [];
  const start = async () => {
    const server = await startEmbeddedPostgres(dataDir);
    started.push(server);
    return server;
  };

  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'vangnet-embedded-'));
  });
  after(async () => {
    for (const server of started.reverse()) await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('initialises a PostgreSQL 17 cluster on loopback with Unicode case rules, and keeps its data across a restart', async () => {
    const first = await start();
    expect(first.owned).to.equal(true);
    expect(first.version).to.match(/^17\./);
    expect(new URL(first.url).hostname).to.equal('127.0.0.1');
    const [row] = await query<{ lower: string; listen: string }>(first.url, `SELECT lower('COÖPERATIE') AS lower, current_setting('listen_addresses') AS listen`);
    expect(row).to.deep.equal({ lower: 'coöperatie', listen: '127.0.0.1' });
    await query(first.url, 'CREATE DATABASE kept');
    await query(databaseUrl(first.url, 'kept'), 'CREATE TABLE t AS SELECT 42 AS answer');
    await first.stop();

    const second = await start();
    expect(await query(databaseUrl(second.url, 'kept'), 'SELECT answer FROM t')).to.deep.equal([{ answer: 42 }]);
  });

  it('lets a second process use the running server without stopping it', async () => {
    const owner = started.at(-1)!;
    const guest = await start();
    expect(guest.owned).to.equal(false);
    expect(guest.url).to.equal(owner.url);
    await guest.stop();
    expect(await query(owner.url, 'SELECT 1 AS up')).to.deep.equal([{ up: 1 }]);
  });

  it('takes over a server whose process was killed', async () => {
    const orphan = started.at(-1)!;
    // As if the process that started it had died without stopping it.
    await writeFile(path.join(dataDir, 'postgres-owner.pid'), `${deadPid()}\n`);
    const heir = await start();
    expect(heir.owned).to.equal(true);
    expect(await query(databaseUrl(heir.url, 'kept'), 'SELECT answer FROM t')).to.deep.equal([{ answer: 42 }]);
    await orphan.stop(); // already gone: nothing to do
  });
});
