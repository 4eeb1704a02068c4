import { simulations as contract } from '../contract/simulations.js';
import { ADMIN_ONLY, defineResource } from './resource.js';

// Simulations are started through POST /api/simulations (services/simulations.ts), which this policy allows.
export const simulations = defineResource(contract, { access: { read: ADMIN_ONLY, write: { create: ADMIN_ONLY } } });
