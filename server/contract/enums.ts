// The enumerations the API speaks in, and what a gap's details hold by kind: the domain's own,
// passed on so that the console needs nothing from server/domain.
export * from '../domain/enums.js';
export type { GapDetailsByKind } from '../domain/gapDetails.js';
