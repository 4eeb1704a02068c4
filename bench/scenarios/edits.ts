// Edit-to-flag: how long after an edit through the API the initiative's gaps say so. Each edit
// doubles (and the next one restores) the current year's budget of an active initiative, which
// always changes its shortfall; the clock runs from sending the PUT until the rescan's result is
// visible in `gaps` (a new, updated or resolved row), polled every few milliseconds.
import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { listQuery, type ApiClient } from '../support/http.js';
import { percentile } from '../support/stats.js';

export interface EditToFlagResult {
  edits: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** edits whose gaps had not changed after the timeout (counted at the timeout) */
  timeouts: number;
  samplesMs: number[];
}

interface Budget {
  id: number;
  amountCents: number;
  version: number;
  [field: string]: unknown;
}

async function gapsSignature(db: pg.Pool, initiativeId: number): Promise<string> {
  const { rows } = await db.query<{ s: string }>("SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') AS s FROM gaps WHERE initiative_id = $1", [initiativeId]);
  return rows[0]!.s;
}

export async function measureEditToFlag(api: ApiClient, db: pg.Pool, year: number, edits: number, timeoutMs = 10_000): Promise<EditToFlagResult> {
  const pairs = Math.ceil(edits / 2);
  const { rows } = await db.query<{ id: number }>(
    `SELECT min(i.id) AS id FROM (SELECT id, ntile($1) OVER (ORDER BY id) AS part FROM initiatives
        WHERE status = 'active' AND EXISTS (SELECT 1 FROM budgets b WHERE b.initiative_id = initiatives.id AND b.year = $2 AND b.amount_cents > 0)) i
      GROUP BY part ORDER BY 1`,
    [pairs, year],
  );
  const samples: number[] = [];
  let timeouts = 0;
  for (const { id } of rows) {
    const [budget] = await api.ok<Budget[]>('GET', `/api/budgets${listQuery({ filter: { initiativeId: id, year }, range: [0, 0] })}`);
    if (!budget) continue;
    let current = budget;
    for (const amountCents of [budget.amountCents * 2, budget.amountCents]) {
      if (samples.length >= edits) break;
      const before = await gapsSignature(db, id);
      const start = performance.now();
      current = await api.ok<Budget>('PUT', `/api/budgets/${current.id}`, { ...current, amountCents });
      let flagged = false;
      while (performance.now() - start < timeoutMs) {
        if ((await gapsSignature(db, id)) !== before) {
          flagged = true;
          break;
        }
        await sleep(2);
      }
      samples.push(performance.now() - start);
      if (!flagged) timeouts += 1;
    }
  }
  return { edits: samples.length, p50Ms: percentile(samples, 50), p95Ms: percentile(samples, 95), maxMs: Math.max(...samples), timeouts, samplesMs: samples };
}
