import { budgets } from './budgets.js';
import { commitments } from './commitments.js';
import { funders } from './funders.js';
import { initiatives } from './initiatives.js';
import { auditEvents, gaps, scans } from './readonly.js';
import type { ResourceDef } from './resource.js';
import { tranches } from './tranches.js';
import { users } from './users.js';
import { scenarios } from './scenarios.js';
import { cofinancingRounds, pledges } from './cofinancing.js';
import { simulations } from './simulations.js';

/** Every resource the REST API serves, by URL segment. */
export const RESOURCES: Readonly<Record<string, ResourceDef>> = Object.fromEntries(
  [funders, initiatives, budgets, commitments, tranches, gaps, scans, users, auditEvents, scenarios, cofinancingRounds, pledges, simulations].map((d) => [d.name, d]),
);
