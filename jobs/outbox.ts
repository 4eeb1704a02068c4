// Hands the rescans recorded in PostgreSQL (rescan_outbox, written with each change) to the
// queue. Rows leave the table only once Redis took the jobs, so a rescan outlives a Redis outage.
import type { Knex } from 'knex';
import type { Logger } from '../server/logger.js';
import { rescanJob, type Queues } from './queues.js';

const BATCH = 500;

/** Moves up to one batch of pending rescans to the queue; answers how many initiatives it sent. */
export async function relayOutbox(db: Knex, queues: Pick<Queues, 'rescan'>, debounceMs: number): Promise<number> {
  return db.transaction(async (trx) => {
    const rows = await trx('rescan_outbox')
      .whereIn('id', trx('rescan_outbox').select('id').orderBy('id').limit(BATCH).forUpdate().skipLocked())
      .delete()
      .returning<{ initiative_id: number }[]>('initiative_id');
    const ids = [...new Set(rows.map((r) => r.initiative_id))];
    if (ids.length) await queues.rescan.addBulk(ids.map((id) => rescanJob(id, debounceMs)));
    return ids.length;
  });
}

/** Relays at once when kicked (after a write) and every `intervalMs` in any case. */
export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly db: Knex,
    private readonly queues: Pick<Queues, 'rescan'>,
    private readonly logger: Logger,
    private readonly debounceMs: number,
    private readonly intervalMs = 1000,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.kick(), this.intervalMs);
    this.timer.unref();
  }

  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while ((await relayOutbox(this.db, this.queues, this.debounceMs)) > 0);
    } catch (err) {
      this.logger.debug({ err: (err as Error).message }, 'rescans wait in the outbox until Redis answers');
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
