// The demo portfolio's scans, as a browser test waits for them: the first portfolio scan (which a
// fresh start queues by itself) and every rescan finished.
import { expect } from 'chai';
import { eventually, USERS, type ConsoleRun } from './console.js';

/** A portfolio scan runs by itself after a fresh start; this one starts one if none ever did. */
export async function ensureScanned(run: ConsoleRun): Promise<void> {
  const started = await eventually(
    async () => Number((await run.db('scans').count<{ count: string }[]>({ count: '*' }))[0]?.count),
    (n) => n > 0,
    5_000,
  ).catch(() => 0);
  if (started > 0) return;
  const login = await fetch(`${run.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(USERS.admin) });
  const { token } = (await login.json()) as { token: string };
  const scan = await fetch(`${run.url}/api/scans`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
  expect(scan.status).to.equal(202);
}

/** The last scan (the first portfolio scan, any rescan) has finished. */
export async function scansSettled(run: ConsoleRun): Promise<void> {
  await eventually(
    async () => {
      const [row] = await run.db('scans').select(run.db.raw("count(*) filter (where status = 'completed') as done, count(*) filter (where status in ('queued', 'running')) as busy"));
      return row as { done: string; busy: string };
    },
    (r) => Number(r.done) > 0 && Number(r.busy) === 0,
    60_000,
  );
}
