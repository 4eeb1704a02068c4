// Whether the machine is quiet enough to measure: on a shared 2-core machine, another process's
// test run halves every figure. Measured from /proc/stat (all CPUs, busy ÷ total jiffies).
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

function cpuTimes(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/** Share of all CPUs busy over the next `ms` milliseconds (0–1). */
export async function cpuBusy(ms = 1000): Promise<number> {
  const a = cpuTimes();
  await sleep(ms);
  const b = cpuTimes();
  return b.total > a.total ? (b.busy - a.busy) / (b.total - a.total) : 0;
}

export interface Quiet {
  /** CPU busy share in the last second before the measurement started */
  busyBefore: number;
  waitedSeconds: number;
}

/** Waits (up to `maxSeconds`) until the CPUs are less than `threshold` busy for 3 s in a row. */
export async function waitForQuiet(maxSeconds = 90, threshold = 0.15): Promise<Quiet> {
  const start = Date.now();
  let quietFor = 0;
  let busy = 1;
  while (Date.now() - start < maxSeconds * 1000) {
    busy = await cpuBusy(1000);
    quietFor = busy < threshold ? quietFor + 1 : 0;
    if (quietFor >= 3) break;
  }
  return { busyBefore: busy, waitedSeconds: (Date.now() - start) / 1000 };
}
