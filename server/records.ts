// Records the API answers whose shape is not a resource definition's: their types, derived from
// the contract's schemas (contract/figures.ts), for the server and the tests.
export type { Cofunder, Cofunding, CofundingInitiative, RiskEntry, Scan } from './contract/figures.js';
