// The processes a benchmark runs: the API, workers and the bare server as child processes of
// plain `node --import tsx`, so each has its own pid whose peak memory /proc reports.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { WORKER_NODE_FLAGS } from '../../jobs/runtime.js';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Child {
  name: string;
  process: ChildProcess;
  pid: number;
  /** The last lines it wrote, for the error message when it dies. */
  output(): string;
  stop(): Promise<void>;
}

const running = new Set<Child>();
process.on('exit', () => {
  for (const child of running) child.process.kill('SIGKILL');
});

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/** A worker process (bin/worker.ts) as `npm run worker` starts it, with its V8 flags. */
export function startWorkerNode(name: string, env: Record<string, string>, nodeArgs: string[] = []): Child {
  return startNode(name, 'bin/worker.ts', env, [...WORKER_NODE_FLAGS, ...nodeArgs]);
}

/** Starts `node [nodeArgs] --import tsx <script>` from the repository root with extra environment. */
export function startNode(name: string, script: string, env: Record<string, string>, nodeArgs: string[] = []): Child {
  const proc = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (proc.pid === undefined) throw new Error(`could not start ${name}`);
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-4000);
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  const child: Child = {
    name,
    process: proc,
    pid: proc.pid,
    output: () => tail,
    stop: async () => {
      running.delete(child);
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      const exited = once(proc, 'exit');
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
  running.add(child);
  proc.on('exit', (code, signal) => {
    if (running.has(child)) console.error(`${name} (pid ${proc.pid}) exited unexpectedly (${code ?? signal}):\n${tail}`);
    running.delete(child);
  });
  return child;
}

/** Peak resident memory (VmHWM) of a live process, in MB. */
export function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmHWM:\s+(\d+) kB/m.exec(status);
  if (!match) throw new Error(`no VmHWM for pid ${pid}`);
  return Number(match[1]) / 1024;
}

/** Waits until `url` answers 200, or throws with the child's output. */
export async function waitForHttp(url: string, child: Child, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.process.exitCode !== null) break;
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${child.name} did not answer ${url}:\n${child.output()}`);
}
