// Hands the rescans recorded in PostgreSQL (rescan_outbox, written with each change) to the
// queue. The outbox stays the source of truth until the rescan has run: a row leaves the table when
// its rescan commits (server/data/outbox.ts), and a row whose job was lost (Redis restarted
// without its data, a job that failed for good) is handed over again after `requeueAfterMs`.
import type { Knex } from 'knex';
import { claimDueRescans } from '../data/outbox.js';
import type { Logger } from '../logger.js';
import { rescanJob, type Queues } from './queues.js';

const BATCH = 500;

export interface RelaySettings {
  debounceMs: number;
  requeueAfterMs: number;
}

/** Hands up to one batch of due rescans to the queue; answers how many initiatives it sent. */
export async function relayOutbox(db: Knex, queues: Pick<Queues, 'rescan'>, settings: RelaySettings): Promise<number> {
  return db.transaction(async (trx) => {
    const ids = await claimDueRescans(trx, settings.requeueAfterMs, BATCH);
    if (ids.length) await queues.rescan.addBulk(ids.map((id) => rescanJob(id, settings.debounceMs)));
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
    private readonly settings: RelaySettings,
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
      while ((await relayOutbox(this.db, this.queues, this.settings)) > 0);
    } catch (err) {
      this.logger.debug({ err: (err as Error).message }, 'rescans wait in the outbox until Redis answers');
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
