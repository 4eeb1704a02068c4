// Webhooks (README "Webhooks"): a funder's or the coalition's own system, told of events by
// signed POSTs, and the log of those deliveries. The secret is made by the server and answered
// once, by the create (and by a roll of the secret); no read ever answers it again.
import { z } from 'zod';
import { EVENT_TYPES, WEBHOOK_DELIVERY_STATUSES } from '../domain/enums.js';
import { zodReason } from './errorCodes.js';
import { bool, enumOf, id, optional, optionalText } from './fields.js';
import { field, nullable, readOnlyContract, writableContract, type CreateOf, type RecordOf } from './resource.js';

/** The payload type of a delivery made by "send test event": not an event anybody records. */
export const WEBHOOK_TEST_TYPE = 'webhook.test';
/** What a delivery can be about: every event type, and the test. */
export const WEBHOOK_DELIVERY_TYPES = [...EVENT_TYPES, WEBHOOK_TEST_TYPE] as const;

/** An absolute http(s) URL without user name or password; which scheme and host are allowed is the server's setting. */
export const webhookUrl = () =>
  z
    .string({ error: zodReason('field.text') })
    .trim()
    .max(2000, { error: zodReason('field.max_chars', { max: 2000 }) })
    .refine(
      (v) => {
        if (!URL.canParse(v)) return false;
        const url = new URL(v);
        return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' && url.username === '' && url.password === '';
      },
      { error: zodReason('webhook.url') },
    );

/** The events a webhook is told of: empty means every event. Each type once, in the order of EVENT_TYPES. */
const eventFilter = () =>
  z
    .array(enumOf(EVENT_TYPES), { error: zodReason('field.list_of', { values: EVENT_TYPES }) })
    .default([])
    .transform((events) => EVENT_TYPES.filter((t) => events.includes(t)));

const writable = {
  funderId: optional(id()),
  url: webhookUrl(),
  events: eventFilter(),
  active: bool().default(true),
  description: optionalText(500),
};

export const webhooks = writableContract({
  name: 'webhooks',
  fields: {
    id: field.id({ sortable: true, filterable: true }),
    // Null: a coalition admin's webhook, told of every event.
    funderId: nullable(field.id({ sortable: true, filterable: true, fixed: true })),
    url: field.text({ sortable: true, filterable: true }),
    events: field.textArray(EVENT_TYPES, { filterable: true }),
    active: field.bool({ sortable: true, filterable: true }),
    description: nullable(field.text({ filterable: true })),
    consecutiveFailures: field.int({ sortable: true, filterable: true }),
    disabledAt: nullable(field.timestamp({ sortable: true, filterable: true })),
    createdAt: field.timestamp({ sortable: true }),
    version: field.int(),
  },
  search: ['url', 'description'],
  defaultSort: ['createdAt', 'DESC'],
  create: z.object(writable),
});

/** The create's answer: the webhook and, this once, its secret. */
export const createdWebhook = webhooks.record.extend({ secret: z.string().describe('shown once: keep it now, no read answers it again') });

/** A roll of the secret answers the new one, once. */
export const rolledSecret = z.object({ id: z.number().int().positive(), secret: z.string() });

export const webhookDeliveries = readOnlyContract({
  name: 'webhook-deliveries',
  fields: {
    id: field.id({ sortable: true, filterable: true }),
    webhookId: field.id({ sortable: true, filterable: true }),
    eventId: nullable(field.id({ sortable: true, filterable: true })),
    eventType: field.enum(WEBHOOK_DELIVERY_TYPES, { sortable: true, filterable: true }),
    status: field.enum(WEBHOOK_DELIVERY_STATUSES, { sortable: true, filterable: true }),
    attempts: field.int({ sortable: true, filterable: true }),
    lastStatusCode: nullable(field.int({ sortable: true, filterable: true })),
    lastError: nullable(field.text()),
    payload: field.json(z.object({ id: z.string(), type: z.string(), createdAt: z.string(), data: z.record(z.string(), z.unknown()) })),
    createdAt: field.timestamp({ sortable: true, filterable: true }),
    lastAttemptAt: nullable(field.timestamp({ sortable: true, filterable: true })),
    deliveredAt: nullable(field.timestamp({ sortable: true, filterable: true })),
  },
  defaultSort: ['createdAt', 'DESC'],
});

export type Webhook = RecordOf<typeof webhooks>;
export type WebhookCreate = CreateOf<typeof webhooks>;
export type CreatedWebhook = z.output<typeof createdWebhook>;
export type WebhookDelivery = RecordOf<typeof webhookDeliveries>;
