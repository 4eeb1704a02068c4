// `POST /api/pledges/{id}/confirm`: a funder (or an admin) confirms a pledge, which creates its
// commitment. Everything else about rounds and pledges is their resource routes.
import { Router } from 'express';
import { confirmPledgeBody } from '../contract/cofinancing.js';
import type { CofinancingService } from '../services/cofinancing.js';
import { actorOf } from './authRoutes.js';
import { parseId, parseInput } from './parse.js';

export function pledgeActionRoutes(cofinancing: CofinancingService): Router {
  const router = Router();
  router.post('/:id/confirm', async (req, res) => {
    res.json(await cofinancing.confirm(actorOf(res), parseId(req.params.id), parseInput(confirmPledgeBody, req.body ?? {})));
  });
  return router;
}
