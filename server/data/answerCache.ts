// Portfolio answers (statistics, funding, the risk list) kept in this process while the figures
// version (figuresVersion.ts) stands still: a dashboard asking the same question again gets the
// same answer without a pass over the portfolio. The key holds everything the answer depends on
// besides the data: who asks (their visibility) and the question with its `asOf`.
//
// Refreshed ahead: once the version has stood still for `quietMs` after moving (an edit and its
// rescan committed, and nothing since), the answers asked within `recentMs` are computed again in
// the background, one after the other, so the next look at a dashboard after an edit finds its
// answer ready instead of computing it (a second at national size). While the version keeps moving
// (a portfolio scan, an import, a busy hour) nothing is refreshed: a question asked then is computed
// when asked, as without the refresh.
import type { Knex } from 'knex';
import { figuresVersion } from './figuresVersion.js';

const MAX_ENTRIES = 100;

export interface RefreshSettings {
  /** how long the version must stand still before answers are computed again ahead; 0: never */
  quietMs: number;
  /** only answers asked within this long are computed again ahead */
  recentMs: number;
}

interface Entry {
  /** the version the answer was computed at (read before computing it) */
  version: string;
  answer: Promise<unknown>;
  compute: () => Promise<unknown>;
  /** when it was last asked for (Date.now()) */
  askedAt: number;
}

export class AnswerCache {
  private readonly answers = new Map<string, Entry>();
  private timer: NodeJS.Timeout | undefined;
  /** the version the refresh last saw, and since when it stands there */
  private seen: { version: string; since: number } | undefined;
  private refreshing = false;

  constructor(
    private readonly db: Knex,
    private readonly refresh: RefreshSettings = { quietMs: 0, recentMs: 0 },
  ) {}

  /** The answer to `key` computed while the version stood where it stands now, else `compute`'s. */
  async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    // Read before computing: a change committed meanwhile moves the version past this one.
    const version = await figuresVersion(this.db);
    const hit = this.answers.get(key);
    if (hit && hit.version === version) {
      hit.askedAt = Date.now();
      return hit.answer as Promise<T>;
    }
    const entry = this.store(key, version, compute, Date.now());
    this.watch();
    return entry.answer as Promise<T>;
  }

  /** Stops refreshing ahead (the process is closing). */
  close(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private store(key: string, version: string, compute: () => Promise<unknown>, askedAt: number): Entry {
    const entry: Entry = { version, answer: compute(), compute, askedAt };
    this.answers.delete(key);
    if (this.answers.size >= MAX_ENTRIES) this.answers.delete(this.answers.keys().next().value!);
    this.answers.set(key, entry);
    entry.answer.catch(() => {
      if (this.answers.get(key) === entry) this.answers.delete(key);
    });
    return entry;
  }

  /** Looks at the version every so often while answers were asked lately, when refreshing ahead. */
  private watch(): void {
    if (this.refresh.quietMs <= 0 || this.timer) return;
    this.timer = setInterval(() => void this.tick(), Math.min(1_000, Math.max(50, Math.floor(this.refresh.quietMs / 2))));
    this.timer.unref();
  }

  /**
   * Once the version has stood still for `quietMs`, computes again the answers asked within
   * `recentMs` that were computed at an older version, one at a time, and stops after the first
   * if the version moved meanwhile. Stops looking when nothing was asked lately.
   */
  private async tick(): Promise<void> {
    if (this.refreshing) return;
    this.refreshing = true;
    try {
      const now = Date.now();
      const recent = [...this.answers].filter(([, entry]) => now - entry.askedAt <= this.refresh.recentMs);
      if (!recent.length) {
        this.close();
        return;
      }
      const version = await figuresVersion(this.db);
      if (this.seen?.version !== version) {
        this.seen = { version, since: now };
        return;
      }
      if (now - this.seen.since < this.refresh.quietMs) return;
      for (const [key, entry] of recent) {
        if (entry.version === version || this.answers.get(key) !== entry) continue;
        // As a request would: the version read before computing; a request meanwhile shares it.
        await this.store(key, version, entry.compute, entry.askedAt).answer.catch(() => undefined);
        if ((await figuresVersion(this.db)) !== version) return;
      }
    } catch {
      // The database is away: the next look tries again.
    } finally {
      this.refreshing = false;
    }
  }
}
