// Webhooks and their deliveries log. A funder user sees and writes its own funder's webhooks only;
// an admin's have no funder and are told of every event. The URL rule that depends on the
// installation's settings (https only, no private addresses) is the webhook service's, before these.
import { webhookDeliveries as deliveryContract, webhooks as contract } from '../contract/webhooks.js';
import { newWebhookSecret } from '../domain/webhookSignature.js';
import { defineResource } from './resource.js';

const ADMINS_AND_FUNDERS = ['admin', 'funder'] as const;

export const webhooks = defineResource(contract, {
  access: { read: ADMINS_AND_FUNDERS, write: { create: ADMINS_AND_FUNDERS, update: ADMINS_AND_FUNDERS, delete: ADMINS_AND_FUNDERS } },
  funderScope: 'webhooks.funder_id = ?',
  references: { funderId: 'funders' },
  tenantOf: async (_trx, r) => ({ initiativeId: null, funderId: r.funderId ?? null }),
  // The secret is made here, once; switching a webhook back on starts its failure count afresh.
  extraColumns: async (input, prev) => {
    if (!prev) return { secret: newWebhookSecret() };
    return input.active && !prev.active ? { consecutive_failures: 0, disabled_at: null } : {};
  },
});

export const webhookDeliveries = defineResource(deliveryContract, {
  access: { read: ADMINS_AND_FUNDERS, write: {} },
  table: 'webhook_deliveries',
  funderScope: 'EXISTS (SELECT 1 FROM webhooks w WHERE w.id = webhook_deliveries.webhook_id AND w.funder_id = ?)',
});
