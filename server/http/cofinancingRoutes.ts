// `POST /api/pledges/{id}/confirm`: a funder (or an admin) confirms a pledge, which creates its
// commitment; `POST /api/simulations` starts a policy simulation. Everything else about rounds,
// pledges and simulations is their resource routes.
import { Router } from 'express';
import { confirmPledgeBody } from '../contract/cofinancing.js';
import { startSimulationBody } from '../contract/simulations.js';
import type { CofinancingService } from '../services/cofinancing.js';
import type { SimulationService } from '../services/simulations.js';
import { actorOf } from './authRoutes.js';
import { parseId, parseInput } from './parse.js';

export function pledgeActionRoutes(cofinancing: CofinancingService): Router {
  const router = Router();
  router.post('/:id/confirm', async (req, res) => {
    res.json(await cofinancing.confirm(actorOf(res), parseId(req.params.id), parseInput(confirmPledgeBody, req.body ?? {})));
  });
  return router;
}

/** `POST /api/simulations`: an admin starts a policy simulation (202 with its record, progress on the record). */
export function startSimulationRoute(simulations: SimulationService) {
  const router = Router();
  router.post('/', async (req, res) => {
    res.status(202).json(await simulations.start(actorOf(res), parseInput(startSimulationBody, req.body ?? {})));
  });
  return router;
}
