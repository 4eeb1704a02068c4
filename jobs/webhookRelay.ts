// Runs the webhook relay in a worker (server/services/webhooks.ts, `relay`): about every second it
// turns new events into deliveries and hands waiting deliveries to the queue. Several workers
// may run it: the dispatch cursor lets one at a time read the events.
import type { Logger } from '../server/logger.js';
import type { WebhookService } from '../server/services/webhooks.js';

export class WebhookRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly webhooks: WebhookService,
    private readonly logger: Logger,
    private readonly intervalMs = 1000,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.kick(), this.intervalMs);
    this.timer.unref();
    this.kick();
  }

  private kick(): void {
    if (this.running) return;
    this.running = this.webhooks
      .relay()
      .then(() => undefined)
      .catch((err: Error) => this.logger.debug({ err: err.message }, 'webhook deliveries wait until PostgreSQL and the queue answer'))
      .finally(() => {
        this.running = undefined;
      });
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
