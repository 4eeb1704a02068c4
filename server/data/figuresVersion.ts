// A number that moves whenever what a portfolio answer depends on may have changed: every write
// committed through an API process and every scan batch or rescan committed by a worker takes the
// next value of one PostgreSQL sequence (shared by every process, outside any transaction). A
// portfolio answer computed while the number stood still is still the answer: the answer cache
// (answerCache.ts) keeps it until the number moves.
import type { Knex } from 'knex';
import { forgetCounts } from './countCache.js';

/** Moves the number on: call after a write transaction has committed. */
export async function bumpFiguresVersion(db: Knex): Promise<void> {
  await db.raw("SELECT nextval('figures_version')");
}

/** Where the number stands. */
export async function figuresVersion(db: Knex): Promise<string> {
  const { rows } = await db.raw<{ rows: { v: string }[] }>("SELECT last_value::text || ':' || is_called::text AS v FROM figures_version");
  return rows[0]!.v;
}

/**
 * What every committed write and scan batch means for the caches, in one place: this process
 * forgets its list totals at once, and the figures version moves on for every process.
 */
export async function changeCommitted(db: Knex): Promise<void> {
  forgetCounts();
  await bumpFiguresVersion(db);
}
