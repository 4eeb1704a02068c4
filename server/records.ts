// Records the API answers that the server and the tests name by type, from the contract.
export type { Cofunder, Cofunding, CofundingInitiative, RiskEntry } from './contract/figures.js';
export type { Scan } from './contract/scans.js';
