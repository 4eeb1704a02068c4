// The webhook tables: turning events into deliveries (once per webhook and event), handing
// deliveries to the queue, and recording each attempt. The services decide; this is the SQL.
import type { Knex } from 'knex';
import type { WebhookDeliveryStatus } from '../domain/enums.js';

export interface WebhookRow {
  id: number;
  funder_id: number | null;
  url: string;
  events: string[];
  active: boolean;
  secret: string;
  consecutive_failures: number;
  disabled_at: Date | null;
}

export interface DeliveryRow {
  id: number;
  webhook_id: number;
  event_id: number | null;
  event_type: string;
  payload: { id: string; type: string; createdAt: string; data: Record<string, unknown> };
  status: WebhookDeliveryStatus;
  attempts: number;
}

/** The payload of an event's delivery, in SQL over `e` (an events row): `{ id, type, createdAt, data }`. */
const PAYLOAD_SQL = `jsonb_build_object(
  'id', 'evt_' || e.id,
  'type', e.type,
  'createdAt', to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  'data', e.data)`;

/**
 * Turns the events recorded since the last call into deliveries: one per active webhook whose
 * filter takes the event's type, that was there when the event happened, and whose owner is told
 * of it (an admin's webhook of every event, a funder's of those naming its funder). Reads events
 * by recording transaction up to the oldest one still running, so an event whose transaction
 * commits late is read by a later call, never skipped; a second relay waits for the first.
 * Answers the deliveries it made.
 */
export async function dispatchEvents(trx: Knex.Transaction): Promise<number[]> {
  const cursor = await trx('webhook_dispatch_cursor').forUpdate().first<{ next_xid: string } | undefined>(trx.raw('next_xid::text AS next_xid'));
  if (!cursor) throw new Error('webhook_dispatch_cursor has no row: run the migrations');
  const { rows } = await trx.raw<{ rows: { horizon: string }[] }>('SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon');
  const horizon = rows[0]!.horizon;
  if (horizon === cursor.next_xid) return [];
  const inserted = await trx.raw<{ rows: { id: number }[] }>(
    `INSERT INTO webhook_deliveries (webhook_id, event_id, event_type, payload)
     SELECT w.id, e.id, e.type, ${PAYLOAD_SQL}
     FROM events e
     JOIN webhooks w ON w.active
       AND w.created_at <= e.created_at
       AND (cardinality(w.events) = 0 OR e.type = ANY (w.events))
       AND (w.funder_id IS NULL OR w.funder_id = ANY (e.funder_ids))
     WHERE e.recorded_xid >= ?::xid8 AND e.recorded_xid < ?::xid8
     ORDER BY e.id, w.id
     ON CONFLICT (webhook_id, event_id) DO NOTHING
     RETURNING id`,
    [cursor.next_xid, horizon],
  );
  await trx('webhook_dispatch_cursor').update({ next_xid: trx.raw('?::xid8', [horizon]) });
  return inserted.rows.map((r) => Number(r.id));
}

/**
 * Marks up to `limit` pending deliveries as handed to the queue now: those never handed over, and
 * those handed over more than `requeueAfterMs` ago (their job may be lost; queueing one whose job
 * still exists changes nothing). Run it in the transaction that also queues the jobs.
 */
export async function claimDeliveriesToQueue(trx: Knex.Transaction, requeueAfterMs: number, limit: number): Promise<{ id: number; event_id: number | null }[]> {
  const due = trx('webhook_deliveries')
    .select('id')
    .where({ status: 'pending' })
    .andWhere((w) => w.whereNull('queued_at').orWhere('queued_at', '<', trx.raw('now() - make_interval(secs => ? / 1000.0)', [requeueAfterMs])))
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked();
  return trx('webhook_deliveries').whereIn('id', due).update({ queued_at: trx.fn.now() }).returning(['id', 'event_id']);
}

export async function markQueued(db: Knex, deliveryId: number): Promise<void> {
  await db('webhook_deliveries').where({ id: deliveryId }).update({ queued_at: db.fn.now() });
}

/** A test delivery ("send test event") of a webhook, never tied to an event. */
export async function insertTestDelivery(db: Knex, webhookId: number, payload: DeliveryRow['payload']): Promise<number> {
  const [row] = await db('webhook_deliveries').insert({ webhook_id: webhookId, event_type: payload.type, payload }).returning<{ id: number }[]>('id');
  return Number(row!.id);
}

/**
 * Claims a pending delivery for one attempt, for `leaseMs`: answers it with its webhook, or null
 * when it is no longer pending or another worker holds it.
 */
export async function claimDelivery(db: Knex, deliveryId: number, leaseMs: number): Promise<{ delivery: DeliveryRow; webhook: WebhookRow } | null> {
  const [delivery] = await db('webhook_deliveries')
    .where({ id: deliveryId, status: 'pending' })
    .andWhere((w) => w.whereNull('claimed_until').orWhere('claimed_until', '<', db.fn.now()))
    .update({ claimed_until: db.raw('now() + make_interval(secs => ? / 1000.0)', [leaseMs]) })
    .returning<DeliveryRow[]>(['id', 'webhook_id', 'event_id', 'event_type', 'payload', 'status', 'attempts']);
  if (!delivery) return null;
  const webhook = await db('webhooks').where({ id: delivery.webhook_id }).first<WebhookRow>();
  return { delivery: { ...delivery, id: Number(delivery.id), event_id: delivery.event_id === null ? null : Number(delivery.event_id) }, webhook };
}

export interface AttemptOutcome {
  statusCode: number | null;
  error: string | null;
  /** The delivery's status after this attempt. */
  status: WebhookDeliveryStatus;
}

/** Records one attempt on the delivery (and releases it). */
export async function recordAttempt(trx: Knex.Transaction, deliveryId: number, outcome: AttemptOutcome): Promise<void> {
  await trx('webhook_deliveries')
    .where({ id: deliveryId })
    .update({
      attempts: trx.raw('attempts + 1'),
      status: outcome.status,
      last_status_code: outcome.statusCode,
      last_error: outcome.error,
      last_attempt_at: trx.fn.now(),
      delivered_at: outcome.status === 'succeeded' ? trx.fn.now() : null,
      claimed_until: null,
    });
}

/** A delivery that will not be attempted again (its webhook is off), with the reason. */
export async function abandonDelivery(db: Knex, deliveryId: number, reason: string): Promise<void> {
  await db('webhook_deliveries').where({ id: deliveryId, status: 'pending' }).update({ status: 'failed', last_error: reason, claimed_until: null });
}

/** A real delivery succeeded: the webhook's failures in a row start again from 0. */
export async function resetFailures(trx: Knex.Transaction, webhookId: number): Promise<void> {
  await trx('webhooks').where({ id: webhookId }).whereNot({ consecutive_failures: 0 }).update({ consecutive_failures: 0 });
}

/** A real delivery failed: answers the webhook's failures in a row now and whether it is still on. */
export async function countFailure(trx: Knex.Transaction, webhookId: number): Promise<{ failures: number; active: boolean }> {
  const [row] = await trx('webhooks')
    .where({ id: webhookId })
    .update({ consecutive_failures: trx.raw('consecutive_failures + 1') })
    .returning<{ consecutive_failures: number; active: boolean }[]>(['consecutive_failures', 'active']);
  return { failures: row!.consecutive_failures, active: row!.active };
}

/**
 * Switches the webhook off (by the system: `disabled_at` set) and fails its other pending
 * deliveries. Answers the webhook as switched off, or null when it already was off.
 */
export async function switchOff(trx: Knex.Transaction, webhookId: number, reason: string): Promise<(WebhookRow & { disabled_at: Date }) | null> {
  const [row] = await trx('webhooks')
    .where({ id: webhookId, active: true })
    .update({ active: false, disabled_at: trx.fn.now(), version: trx.raw('version + 1'), updated_at: trx.fn.now() })
    .returning<(WebhookRow & { disabled_at: Date })[]>('*');
  if (!row) return null;
  await trx('webhook_deliveries').where({ webhook_id: webhookId, status: 'pending' }).whereNotNull('event_id').update({ status: 'failed', last_error: reason, claimed_until: null });
  return row;
}
