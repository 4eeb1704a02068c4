// The contract: every record and answer the API gives, and what its writes take, as zod schemas
// and the TypeScript types inferred from them. The console imports it from here (the
// enumerations from ./enums.ts), never from server/domain itself.
import { auditEvents } from './auditEvents.js';
import { budgets } from './budgets.js';
import { commitments } from './commitments.js';
import { funders } from './funders.js';
import { gaps } from './gaps.js';
import { initiatives } from './initiatives.js';
import { scans } from './scans.js';
import { tranches } from './tranches.js';
import { users } from './users.js';
import { obligations } from './obligations.js';
import { reports } from './reports.js';
import { reportFiles } from './reportFiles.js';
import { indicatorValues, indicators } from './indicators.js';

/** Every resource the REST API serves. */
export const RESOURCE_CONTRACTS = [funders, initiatives, budgets, commitments, tranches, gaps, scans, users, auditEvents, obligations, reports, reportFiles, indicators, indicatorValues] as const;

export * from './auditEvents.js';
export * from './budgets.js';
export * from './commitments.js';
export * from './enums.js';
export * from './errors.js';
export * from './figures.js';
export * from './funders.js';
export * from './gaps.js';
export * from './initiatives.js';
export * from './notifications.js';
export * from './resource.js';
export * from './scans.js';
export * from './tranches.js';
export * from './users.js';
export * from './obligations.js';
export * from './reports.js';
export * from './reportFiles.js';
export * from './indicators.js';
