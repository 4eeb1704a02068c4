// `/api/notifications`: the current user's notifications (list conventions, `filter={"read":false}`
// for the unread ones), marking one read, and marking all read. The work is the notification service's.
import { Router } from 'express';
import { notificationUpdateSchema } from '../contract/notifications.js';
import { notificationList, type NotificationService } from '../services/notifications.js';
import { actorOf } from './authRoutes.js';
import { contentRange } from './contentRange.js';
import { parseListParams } from './listParams.js';
import { parseId, parseInput } from './parse.js';

export function notificationRoutes(notifications: NotificationService): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const page = await notifications.list(actorOf(res), parseListParams(notificationList, req.query));
    contentRange(res, 'notifications', page.first, page.records.length, page.total);
    res.json(page.records);
  });
  router.post('/read-all', async (_req, res) => {
    res.json(await notifications.markAllRead(actorOf(res)));
  });
  router.get('/:id', async (req, res) => {
    res.json(await notifications.get(actorOf(res), parseId(req.params.id)));
  });
  router.put('/:id', async (req, res) => {
    parseInput(notificationUpdateSchema, req.body ?? {});
    res.json(await notifications.markRead(actorOf(res), parseId(req.params.id)));
  });
  return router;
}
