// The figures: runway, coverage and fragmentation of an initiative, the portfolio statistics and
// a funder's co-financing table. Access follows the records: what you may not see is a 404.
import { Router, type Response } from 'express';
import type { AnalyticsService } from '../services/analytics.js';
import { actorOf } from './authRoutes.js';

export function contentRange(res: Response, name: string, first: number, count: number, total: number): void {
  res.set('Content-Range', `${name} ${count ? `${first}-${first + count - 1}` : '*'}/${total}`);
}

export function initiativeFigureRoutes(analytics: AnalyticsService): Router {
  const router = Router();
  router.get('/:id/runway', async (req, res) => {
    res.json(await analytics.runway(actorOf(res), req.params.id, req.query));
  });
  router.get('/:id/coverage', async (req, res) => {
    res.json(await analytics.coverage(actorOf(res), req.params.id, req.query));
  });
  router.get('/:id/fragmentation', async (req, res) => {
    res.json(await analytics.fragmentation(actorOf(res), req.params.id, req.query));
  });
  return router;
}

export function funderFigureRoutes(analytics: AnalyticsService): Router {
  const router = Router();
  router.get('/:id/cofunding', async (req, res) => {
    const table = await analytics.cofunding(actorOf(res), req.params.id, req.query);
    contentRange(res, 'cofunding', table.first, table.initiatives.length, table.total);
    res.json(table);
  });
  return router;
}

export function statsRoutes(analytics: AnalyticsService): Router {
  const router = Router();
  router.get('/fragmentation', async (req, res) => {
    res.json(await analytics.portfolioFragmentation(actorOf(res), req.query));
  });
  router.get('/funding', async (req, res) => {
    res.json(await analytics.funding(actorOf(res), req.query));
  });
  router.get('/risk', async (req, res) => {
    const page = await analytics.risk(actorOf(res), req.query);
    contentRange(res, 'risk', page.first, page.records.length, page.total);
    res.json(page.records);
  });
  return router;
}
