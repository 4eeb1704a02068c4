// Totals for `Content-Range`, kept a few seconds: at national size an exact count over 140,000
// matching commitments costs ~15 ms of CPU, and a console polling lists at 200 requests a second
// would spend both cores counting the same rows. A count is cached per SQL text and bindings,
// which include the reader's access scope, so two users with different visibility never share
// one. Every write this process commits (a record through the API, a scan batch's gaps) forgets
// all counts at once (a write may change what several lists count, e.g. a commitment makes an
// initiative visible to a funder); a write by another process (a second API process, a separate
// worker's gaps) shows within the TTL.
import type { Knex } from 'knex';

/** Counts the rows a query (without select or order) matches. */
export type Counter = (count: Knex.QueryBuilder) => Promise<number>;

export const countRows: Counter = async (count) => Number((await count.count<{ total: number }[]>({ total: '*' }))[0]?.total ?? 0);

const MAX_ENTRIES = 5_000;

// Bumped by every write this process commits; a count cached before the last one is not used.
let generation = 0;

/** Forgets every count cached in this process: call after each write transaction commits. */
export function forgetCounts(): void {
  generation++;
}

export class CountCache {
  private readonly counts = new Map<string, { expires: number; generation: number; total: Promise<number> }>();

  /** `ttlMs` 0: every count is made afresh. */
  constructor(private readonly ttlMs: number) {}

  /** The number of rows the query matches, at most `ttlMs` old. */
  readonly count: Counter = (count) => {
    if (this.ttlMs <= 0) return countRows(count);
    const { sql, bindings } = count.toSQL();
    const key = `${sql}\u0000${JSON.stringify(bindings)}`;
    const now = Date.now();
    const hit = this.counts.get(key);
    if (hit && hit.expires > now && hit.generation === generation) return hit.total;
    if (this.counts.size >= MAX_ENTRIES) {
      for (const [k, e] of this.counts) if (e.expires <= now || e.generation !== generation) this.counts.delete(k);
      if (this.counts.size >= MAX_ENTRIES) this.counts.clear();
    }
    // Concurrent requests for the same list share one query; a failed count is not kept.
    const entry = { expires: now + this.ttlMs, generation, total: countRows(count) };
    this.counts.set(key, entry);
    entry.total.catch(() => {
      if (this.counts.get(key) === entry) this.counts.delete(key);
    });
    return entry.total;
  };
}
