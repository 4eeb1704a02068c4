// Webhooks from start to finish (README "Webhooks"): the writes that depend on the installation's
// settings (the URL rule, the secret answered once), the test event, the relay that turns events
// into deliveries and hands them to the queue, and one delivery attempt with what follows from it
// (success, a retry, or the webhook switched off after 8 failures in a row).
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { WEBHOOK_TEST_TYPE } from '../contract/webhooks.js';
import { forgetCounts } from '../data/countCache.js';
import { recordEvents } from '../data/events.js';
import {
  abandonDelivery,
  claimDeliveriesToQueue,
  claimDelivery,
  countFailure,
  dispatchEvents,
  insertTestDelivery,
  markQueued,
  recordAttempt,
  resetFailures,
  switchOff,
} from '../data/webhooks.js';
import { refusedUrl } from '../domain/webhookAddress.js';
import { newWebhookSecret, SIGNATURE_HEADER, signatureHeader } from '../domain/webhookSignature.js';
import { notFound, reason, validationError } from '../errors.js';
import { sendWebhook } from '../interop/webhookSend.js';
import { WEBHOOK_ATTEMPTS } from '../queues/queues.js';
import { RESOURCES } from '../resources/index.js';
import type { ApiRecord } from '../resources/resource.js';
import { assertRoleMay } from './access.js';
import type { Actor } from './actor.js';
import { recordAudit } from './audit.js';
import type { CrudService } from './crud.js';

export interface WebhookSettings {
  /** WEBHOOK_ALLOW_PRIVATE */
  allowPrivate: boolean;
  /** WEBHOOK_TIMEOUT_MS */
  timeoutMs: number;
}

export const DEFAULT_WEBHOOK_SETTINGS: WebhookSettings = { allowPrivate: false, timeoutMs: 10_000 };

/** What the webhooks need of the job queue (server/services/index.ts gives it the real one). */
export interface WebhookQueue {
  /** Queues one job per delivery (idempotent: a delivery's job id is fixed). */
  queueDeliveries(deliveries: readonly { id: number; test: boolean }[]): Promise<void>;
}

/** A delivery handed to the queue that is still pending after this long is handed over again (its job may be lost). */
export const REQUEUE_AFTER_MS = 60_000;
const RELAY_BATCH = 500;

/** Thrown by an attempt that failed and will be tried again: BullMQ retries the job with backoff. */
export class DeliveryFailed extends Error {}

export type DeliveryOutcome = 'succeeded' | 'failed' | 'skipped';

const webhooksDef = () => RESOURCES.webhooks!;
const deliveriesDef = () => RESOURCES['webhook-deliveries']!;

export class WebhookService {
  constructor(
    private readonly db: Knex,
    private readonly crud: CrudService,
    private readonly queue: WebhookQueue | null,
    private readonly settings: WebhookSettings = DEFAULT_WEBHOOK_SETTINGS,
  ) {}

  /** `POST /api/webhooks`: the new webhook and, this once, its secret. */
  async create(actor: Actor, body: unknown): Promise<ApiRecord & { secret: string }> {
    this.checkUrl(body);
    const created = await this.crud.create(webhooksDef(), actor, body);
    return { ...created, secret: await this.secretOf(created.id) };
  }

  /** `PUT /api/webhooks/{id}`. */
  update(actor: Actor, id: number, body: unknown): Promise<ApiRecord> {
    this.checkUrl(body);
    return this.crud.update(webhooksDef(), actor, id, body);
  }

  /** `POST /api/webhooks/{id}/secret`: a new secret, answered once; the old one stops signing at once. */
  async rollSecret(actor: Actor, id: number): Promise<{ id: number; secret: string }> {
    assertRoleMay(actor, 'webhooks', 'update');
    const before = await this.crud.get(webhooksDef(), actor, id);
    const secret = newWebhookSecret();
    await this.db.transaction(async (trx) => {
      await trx('webhooks').where({ id }).update({ secret, version: trx.raw('version + 1'), updated_at: trx.fn.now() });
      const after = await this.crud.get(webhooksDef(), actor, id, trx);
      await recordAudit(trx, actor, 'update', 'webhooks', id, before, { ...after, secretRolled: true });
    });
    forgetCounts();
    return { id, secret };
  }

  /** `POST /api/webhooks/{id}/test`: queues a `webhook.test` delivery (sent once, even to a webhook that is off) and answers it. */
  async sendTest(actor: Actor, id: number): Promise<ApiRecord> {
    assertRoleMay(actor, 'webhooks', 'update');
    const webhook = await this.crud.get(webhooksDef(), actor, id);
    const deliveryId = await insertTestDelivery(this.db, id, {
      id: `evt_test_${randomUUID()}`,
      type: WEBHOOK_TEST_TYPE,
      createdAt: new Date().toISOString(),
      data: { webhookId: id, url: webhook.url, message: 'A test message from Vangnet: your webhook receives and verifies deliveries.' },
    });
    // Written beside the generic service: the deliveries log's total must count it at once.
    forgetCounts();
    await this.queueNow([{ id: deliveryId, test: true }]);
    return this.crud.get(deliveriesDef(), actor, deliveryId);
  }

  /**
   * The relay's round: turns new events into deliveries, then hands every delivery that waits
   * (new, or whose job may be lost) to the queue. Answers how many it handed over.
   */
  async relay(): Promise<number> {
    if ((await this.db.transaction((trx) => dispatchEvents(trx))).length) forgetCounts();
    let handed = 0;
    for (;;) {
      const n = await this.db.transaction(async (trx) => {
        const due = await claimDeliveriesToQueue(trx, REQUEUE_AFTER_MS, RELAY_BATCH);
        if (due.length) await this.requireQueue().queueDeliveries(due.map((d) => ({ id: Number(d.id), test: d.event_id === null })));
        return due.length;
      });
      handed += n;
      if (n < RELAY_BATCH) return handed;
    }
  }

  /**
   * One attempt at a delivery (the `webhook` queue's job). Throws DeliveryFailed when it failed and
   * will be tried again; answers `skipped` for a delivery that is no longer pending, which is
   * never sent again.
   */
  async deliver(deliveryId: number): Promise<DeliveryOutcome> {
    const claimed = await claimDelivery(this.db, deliveryId, this.settings.timeoutMs + 30_000);
    if (!claimed) {
      const row = await this.db('webhook_deliveries').where({ id: deliveryId }).first<{ status: string } | undefined>('status');
      if (!row || row.status !== 'pending') return 'skipped';
      throw new DeliveryFailed('another worker is sending this delivery now');
    }
    const { delivery, webhook } = claimed;
    const test = delivery.event_id === null;
    if (!webhook.active && !test) {
      await abandonDelivery(this.db, deliveryId, 'the webhook is switched off');
      return 'failed';
    }
    const body = JSON.stringify(delivery.payload);
    const headers = {
      'Content-Type': 'application/json',
      'User-Agent': 'Vangnet-Webhooks',
      'Vangnet-Event-Id': delivery.payload.id,
      [SIGNATURE_HEADER]: signatureHeader(webhook.secret, Math.floor(Date.now() / 1000), body),
    };
    const result = await sendWebhook(webhook.url, body, headers, this.settings);
    const outcome = await this.db.transaction(async (trx) => {
      if (result.ok) {
        await recordAttempt(trx, deliveryId, { status: 'succeeded', statusCode: result.statusCode, error: null });
        if (!test) await resetFailures(trx, webhook.id);
        return 'succeeded' as const;
      }
      if (test) {
        await recordAttempt(trx, deliveryId, { status: 'failed', statusCode: result.statusCode, error: result.error });
        return 'failed' as const;
      }
      const { failures } = await countFailure(trx, webhook.id);
      const last = delivery.attempts + 1 >= WEBHOOK_ATTEMPTS || failures >= WEBHOOK_ATTEMPTS;
      await recordAttempt(trx, deliveryId, { status: last ? 'failed' : 'pending', statusCode: result.statusCode, error: result.error });
      if (failures >= WEBHOOK_ATTEMPTS) await this.switchOff(trx, webhook.id, failures);
      return last ? ('failed' as const) : ('retry' as const);
    });
    forgetCounts();
    if (outcome === 'retry') throw new DeliveryFailed(result.ok ? 'failed' : result.error);
    return outcome;
  }

  /** A delivery whose job failed for good without the attempt recording it (a job that kept stalling). */
  abandon(deliveryId: number, why: string): Promise<void> {
    return abandonDelivery(this.db, deliveryId, why);
  }

  /** Switches the webhook off and tells its owner (its funder's users, or the admins), once. */
  private async switchOff(trx: Knex.Transaction, webhookId: number, failures: number): Promise<void> {
    const off = await switchOff(trx, webhookId, `the webhook was switched off after ${failures} failed deliveries in a row`);
    if (!off) return;
    await recordAudit(trx, null, 'update', 'webhooks', webhookId, { active: true, disabledAt: null }, { active: false, disabledAt: off.disabled_at, consecutiveFailures: failures });
    await recordEvents(trx, [
      {
        type: 'webhook.disabled',
        subjectType: 'webhook',
        subjectId: webhookId,
        // Switched off again after being switched back on is another event.
        cause: `disabled:${off.disabled_at.toISOString()}`,
        initiativeId: null,
        funderIds: off.funder_id === null ? [] : [off.funder_id],
        admins: off.funder_id === null,
        data: { webhookId, url: off.url, failures },
      },
    ]);
  }

  private async queueNow(deliveries: readonly { id: number; test: boolean }[]): Promise<void> {
    // A queue that is away now: the worker's relay hands the delivery over when it is back.
    if (!this.queue) return;
    try {
      await this.queue.queueDeliveries(deliveries);
      for (const d of deliveries) await markQueued(this.db, d.id);
    } catch {
      // left with queued_at null: the relay takes it
    }
  }

  private requireQueue(): WebhookQueue {
    if (!this.queue) throw new Error('webhook deliveries are relayed by a worker, which has a queue');
    return this.queue;
  }

  private async secretOf(id: number): Promise<string> {
    const row = await this.db('webhooks').where({ id }).first<{ secret: string } | undefined>('secret');
    if (!row) throw notFound(`No webhooks record with id ${id}.`);
    return row.secret;
  }

  /** The URL rule of this installation, before the generic validation (which reports a URL that is no URL). */
  private checkUrl(body: unknown): void {
    const url = (body as { url?: unknown } | null)?.url;
    if (typeof url !== 'string' || !URL.canParse(url.trim())) return;
    const parsed = new URL(url.trim());
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return;
    const refusal = refusedUrl(parsed, this.settings.allowPrivate);
    if (!refusal) return;
    throw validationError({
      url: refusal.code === 'webhook.https_only' ? reason('webhook.https_only') : reason('webhook.private_address', { reason: refusal.reason }),
    });
  }
}
