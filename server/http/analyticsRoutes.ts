// The figures: runway, coverage and fragmentation of an initiative, the portfolio statistics and
// a funder's co-financing table. Access follows the records: what you may not see is a 404.
import { Router } from 'express';
import { whatIfRequest } from '../contract/scenarios.js';
import { cofundingList, figureQueries, riskList, type AnalyticsService } from '../services/analytics.js';
import { overviewQuery, type ExportService } from '../services/exports.js';
import { actorOf } from './authRoutes.js';
import { contentRange } from './contentRange.js';
import { sendExport, splitExportQuery } from './exportRoutes.js';
import { parseListParams } from './listParams.js';
import { parseId, parseInput } from './parse.js';

export function initiativeFigureRoutes(analytics: AnalyticsService, exports: ExportService): Router {
  const router = Router();
  router.get('/:id/overview.xlsx', async (req, res) => {
    const { asOf, lang } = parseInput(overviewQuery, req.query);
    await sendExport(res, 'xlsx', exports.overview(actorOf(res), parseId(req.params.id), asOf, lang));
  });
  router.get('/:id/runway', async (req, res) => {
    res.json(await analytics.runway(actorOf(res), parseId(req.params.id), parseInput(figureQueries.runway, req.query)));
  });
  router.get('/:id/coverage', async (req, res) => {
    res.json(await analytics.coverage(actorOf(res), parseId(req.params.id), parseInput(figureQueries.coverage, req.query)));
  });
  router.post('/:id/what-if', async (req, res) => {
    res.json(await analytics.whatIf(actorOf(res), parseId(req.params.id), parseInput(whatIfRequest, req.body ?? {})));
  });
  router.get('/:id/fragmentation', async (req, res) => {
    res.json(await analytics.fragmentation(actorOf(res), parseId(req.params.id), parseInput(figureQueries.fragmentation, req.query)));
  });
  return router;
}

export function funderFigureRoutes(analytics: AnalyticsService, exports: ExportService): Router {
  const router = Router();
  router.get('/:id/cofunding/export', async (req, res) => {
    const { options, rest } = splitExportQuery(req);
    const { asOf, years, ...list } = rest;
    const query = parseInput(figureQueries.cofunding, { asOf, years });
    const { sort, filter } = parseListParams(cofundingList, list);
    await sendExport(res, options.format, exports.cofunding(actorOf(res), parseId(req.params.id), query, { sort, filter }, options.lang));
  });
  router.get('/:id/cofunding', async (req, res) => {
    const { asOf, years, ...list } = req.query;
    const query = parseInput(figureQueries.cofunding, { asOf, years });
    const table = await analytics.cofunding(actorOf(res), parseId(req.params.id), query, parseListParams(cofundingList, list));
    contentRange(res, 'cofunding', table.first, table.initiatives.length, table.total);
    res.json(table);
  });
  return router;
}

/** The risk list's parameters: react-admin sends everything in `filter`, `asOf` included; a plain `?asOf=` works too. */
function riskParams(query: Record<string, unknown>) {
  const { asOf: asOfParam, ...list } = query;
  const params = parseListParams(riskList, list);
  const { asOf: asOfFilter, ...filter } = params.filter;
  const { asOf } = parseInput(figureQueries.asOf, { asOf: asOfParam ?? asOfFilter });
  return { asOf, params: { ...params, filter } };
}

export function statsRoutes(analytics: AnalyticsService, exports: ExportService): Router {
  const router = Router();
  router.get('/fragmentation/export', async (req, res) => {
    const { options, rest } = splitExportQuery(req);
    await sendExport(res, options.format, exports.portfolio(actorOf(res), parseInput(figureQueries.portfolio, rest), options.lang));
  });
  router.get('/risk/export', async (req, res) => {
    const { options, rest } = splitExportQuery(req);
    const { asOf, params } = riskParams(rest);
    await sendExport(res, options.format, exports.risk(actorOf(res), asOf, params, options.lang));
  });
  router.get('/fragmentation', async (req, res) => {
    res.json(await analytics.portfolioFragmentation(actorOf(res), parseInput(figureQueries.portfolio, req.query)));
  });
  router.get('/funding', async (req, res) => {
    res.json(await analytics.funding(actorOf(res), parseInput(figureQueries.funding, req.query)));
  });
  router.get('/risk', async (req, res) => {
    const { asOf, params } = riskParams(req.query);
    const page = await analytics.risk(actorOf(res), asOf, params);
    contentRange(res, 'risk', page.first, page.records.length, page.total);
    res.set('Vangnet-Computed', page.computed);
    res.json(page.records);
  });
  return router;
}
