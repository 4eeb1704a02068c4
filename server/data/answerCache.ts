// Portfolio answers (statistics, funding, the risk list) kept in this process while the figures
// version (figuresVersion.ts) stands still: a dashboard asking the same question again gets the
// same answer without a pass over the portfolio. The key holds everything the answer depends on
// besides the data: who asks (their visibility) and the question with its `asOf`.
import type { Knex } from 'knex';
import { figuresVersion } from './figuresVersion.js';

const MAX_ENTRIES = 100;

export class AnswerCache {
  private readonly answers = new Map<string, { version: string; answer: Promise<unknown> }>();

  constructor(private readonly db: Knex) {}

  /** The answer to `key` computed while the version stood where it stands now, else `compute`'s. */
  async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    // Read before computing: a change committed meanwhile moves the version past this one.
    const version = await figuresVersion(this.db);
    const hit = this.answers.get(key);
    if (hit && hit.version === version) return hit.answer as Promise<T>;
    const answer = compute();
    this.answers.delete(key);
    if (this.answers.size >= MAX_ENTRIES) this.answers.delete(this.answers.keys().next().value!);
    const entry = { version, answer };
    this.answers.set(key, entry);
    answer.catch(() => {
      if (this.answers.get(key) === entry) this.answers.delete(key);
    });
    return answer;
  }
}
