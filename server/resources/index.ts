import { budgets } from './budgets.js';
import { commitments } from './commitments.js';
import { funders } from './funders.js';
import { initiatives } from './initiatives.js';
import { auditEvents, gaps, outboundEmails, scans } from './readonly.js';
import type { ResourceDef } from './resource.js';
import { tranches } from './tranches.js';
import { users } from './users.js';
import { cofinancingRounds, pledges } from './cofinancing.js';
import { indicators, indicatorValues } from './indicators.js';
import { obligations } from './obligations.js';
import { reportFiles } from './reportFiles.js';
import { reports } from './reports.js';
import { scenarios } from './scenarios.js';
import { simulations } from './simulations.js';
import { webhookDeliveries, webhooks } from './webhooks.js';

/** Every resource the REST API serves, by URL segment. */
export const RESOURCES: Readonly<Record<string, ResourceDef>> = Object.fromEntries(
  [
    funders,
    initiatives,
    budgets,
    commitments,
    tranches,
    gaps,
    scans,
    users,
    auditEvents,
    webhooks,
    webhookDeliveries,
    outboundEmails,
    obligations,
    reports,
    reportFiles,
    indicators,
    indicatorValues,
    scenarios,
    cofinancingRounds,
    pledges,
    simulations,
  ].map((d) => [d.name, d]),
);
