import compression from 'compression';
import cors from 'cors';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Knex } from 'knex';
import type { Logger } from '../logger.js';
import type { Queues } from '../queues/queues.js';
import { RESOURCES } from '../resources/index.js';
import type { Services } from '../services/index.js';
import { funderFigureRoutes, initiativeFigureRoutes, statsRoutes } from './analyticsRoutes.js';
import { apiDocsRoutes } from './apiDocs.js';
import { authRoutes, requireAuth } from './authRoutes.js';
import { consoleRoutes } from './console.js';
import { DASHBOARD_PATH, dashboardCookieRoute, queueDashboard } from './queueDashboard.js';
import { errorHandler, notFoundHandler } from './errorHandler.js';
import { grantExportRoutes } from './exportRoutes.js';
import { refuseNul } from './refuseNul.js';
import { importRoutes } from './importRoutes.js';
import { notificationRoutes } from './notificationRoutes.js';
import { digestRunRoute, preferenceRoutes, unsubscribeRoutes } from './digestRoutes.js';
import { resourceRoutes } from './resourceRoutes.js';
import { pledgeActionRoutes, startSimulationRoute } from './cofinancingRoutes.js';
import { startScanRoute } from './scanRoutes.js';
import { webhookRoutes } from './webhookRoutes.js';
import { initiativeBurdenRoutes, obligationActionRoutes, reportFileContentRoutes, reportSubmitRoutes, statsBurdenRoutes } from './reportingRoutes.js';

export interface AppDeps extends Services {
  db: Knex;
  logger: Logger;
  /** Allowed CORS origins, comma separated; empty allows none but the same origin. */
  corsOrigin: string;
  /** The queue backend and whether it answers, for /readyz; absent until a queue is configured. */
  queueReady?: { backend: 'redis' | 'postgres'; ready: () => Promise<boolean> };
  /** The built console to serve at `/` (admin/dist), if any. */
  consoleDir?: string;
  /** The queues, for the admins' dashboard at /admin/queues. */
  queues?: Pick<Queues, 'redis'>;
}

export const BODY_LIMIT = '1mb';

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.set('query parser', 'simple');
  // Served over plain HTTP on a laptop as often as behind TLS: never force https sub-requests.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  const origins = deps.corsOrigin
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  app.use(cors({ origin: origins.includes('*') ? true : origins, exposedHeaders: ['Content-Range', 'Vangnet-Computed'], maxAge: 600 }));
  // Brotli or gzip, as the client accepts, for everything over 1 kB: the console's scripts and the API's JSON.
  app.use(compression());

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const queue = deps.queueReady;
    const [postgres, queueUp] = await Promise.all([
      deps.db.raw('SELECT 1').then(
        () => true,
        () => false,
      ),
      queue ? queue.ready().catch(() => false) : Promise.resolve(null),
    ]);
    const ready = postgres && queueUp !== false;
    const queueState = queueUp === null ? 'not configured' : queueUp ? 'up' : 'down';
    res.status(ready ? 200 : 503).json({
      status: ready ? 'ready' : 'not ready',
      postgres: postgres ? 'up' : 'down',
      queue: queue?.backend ?? 'not configured',
      queueState,
      // Kept for monitors written before the queues could run on PostgreSQL.
      ...(queue?.backend === 'postgres' ? {} : { redis: queueState }),
    });
  });

  const api = express.Router();
  // Every API answer is about one user's session (a token, the user, records only they may see):
  // no browser or proxy keeps a copy.
  api.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  api.use(express.json({ limit: BODY_LIMIT, strict: true }));
  api.use(refuseNul);
  api.use(apiDocsRoutes());
  if (deps.queues) api.post('/auth/dashboard-cookie', dashboardCookieRoute(deps.auth));
  api.use('/auth', authRoutes(deps.auth));
  // Reached from an e-mail without logging in: the signed token is the authority.
  api.use('/unsubscribe', unsubscribeRoutes(deps.digests));
  api.use(requireAuth(deps.auth));
  api.use('/me', preferenceRoutes(deps.digests));
  api.post('/digests/run', digestRunRoute(deps.digests));
  api.use('/initiatives', initiativeFigureRoutes(deps.analytics, deps.exports));
  api.use('/funders', funderFigureRoutes(deps.analytics, deps.exports));
  api.use('/stats', statsRoutes(deps.analytics, deps.exports));
  api.post('/scans', startScanRoute(deps.scans));
  api.use('/imports', importRoutes(deps.imports));
  api.use('/exports', grantExportRoutes(deps.exports));
  api.use('/notifications', notificationRoutes(deps.notifications));
  api.use('/webhooks', webhookRoutes(deps.webhooks));
  api.use('/initiatives', initiativeBurdenRoutes(deps.reporting));
  api.use('/stats', statsBurdenRoutes(deps.reporting));
  api.use('/obligations', obligationActionRoutes(deps.reporting));
  api.use('/reports', reportSubmitRoutes(deps.reporting));
  api.use('/report-files', reportFileContentRoutes(deps.reporting));
  api.use('/pledges', pledgeActionRoutes(deps.cofinancing));
  api.use('/simulations', startSimulationRoute(deps.simulations));
  for (const def of Object.values(RESOURCES)) api.use(`/${def.name}`, resourceRoutes(def, deps.crud, deps.exports));
  app.use('/api', api);
  if (deps.queues) app.use(DASHBOARD_PATH, queueDashboard(deps.auth, deps.queues));
  const consoleRouter = deps.consoleDir ? consoleRoutes(deps.consoleDir) : null;
  if (consoleRouter) app.use(consoleRouter);

  app.use(notFoundHandler);
  app.use(errorHandler(deps.logger));
  return app;
}
