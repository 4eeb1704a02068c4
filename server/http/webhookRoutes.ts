// The webhook routes beyond the generic resource routes: a create that answers the secret once,
// writes checked against this installation's URL rule, the test event and the roll of the secret.
// Mounted before the resource routes of `webhooks`, which serve the reads and the delete.
import { Router } from 'express';
import type { WebhookService } from '../services/webhooks.js';
import { actorOf } from './authRoutes.js';
import { parseId } from './parse.js';

export function webhookRoutes(webhooks: WebhookService): Router {
  const router = Router();
  router.post('/', async (req, res) => {
    res.status(201).json(await webhooks.create(actorOf(res), req.body));
  });
  router.put('/:id', async (req, res) => {
    res.json(await webhooks.update(actorOf(res), parseId(req.params.id), req.body));
  });
  router.post('/:id/test', async (req, res) => {
    res.status(202).json(await webhooks.sendTest(actorOf(res), parseId(req.params.id)));
  });
  router.post('/:id/secret', async (req, res) => {
    res.json(await webhooks.rollSecret(actorOf(res), parseId(req.params.id)));
  });
  return router;
}
