// bull-board at /admin/queues, for admins only. A browser cannot send a bearer header on a page
// load, so the console first calls POST /api/auth/dashboard-cookie, which puts the same session
// token in an HttpOnly cookie scoped to this path. The board is read-only: its actions (pause,
// retry, clean, ...) would change the queues without an audit row, so they are not offered.
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import express, { type Express, type Request, type RequestHandler, type Router } from 'express';
import type { Queues } from '../queues/queues.js';
import { ApiError, forbidden, methodNotAllowed, notFound, unauthorized } from '../errors.js';
import type { AuthService } from '../services/auth.js';
import { bearerToken } from './authRoutes.js';

export const DASHBOARD_PATH = '/admin/queues';
export const DASHBOARD_COOKIE = 'vangnet_dashboard';

function cookieToken(req: Request): string | undefined {
  const header = req.get('cookie') ?? '';
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name !== DASHBOARD_COOKIE) continue;
    try {
      return decodeURIComponent(value.join('='));
    } catch {
      return undefined; // malformed percent-encoding: no token, so 401
    }
  }
  return undefined;
}

/** A browser loading the page itself, rather than a client or the board's own scripts asking for data. */
function opensPage(req: Request): boolean {
  return req.method === 'GET' && !req.path.startsWith('/api/') && req.accepts(['json', 'html']) === 'html';
}

function requireAdmin(auth: AuthService): RequestHandler {
  return async (req, res, next) => {
    let user;
    try {
      user = await auth.authenticate(bearerToken(req) ?? cookieToken(req));
    } catch (err) {
      // Opened from a bookmark or after the session ended: the console's login, whose menu
      // ("Wachtrijen") brings an admin back here with a fresh cookie, rather than a bare 401.
      if (err instanceof ApiError && err.status === 401 && opensPage(req)) return res.redirect(303, '/');
      throw err;
    }
    if (user.role !== 'admin') throw forbidden('The queue dashboard is for admins only.');
    next();
  };
}

/** Only reads reach the board: besides its read-only mode, none of its write routes can slip through. */
const readOnly: RequestHandler = (req, _res, next) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') throw methodNotAllowed('The queue dashboard is read-only.');
  next();
};

/** Sets the dashboard cookie for the caller's session (admins only). */
export function dashboardCookieRoute(auth: AuthService): RequestHandler {
  return async (req, res) => {
    const token = bearerToken(req);
    const user = await auth.authenticate(token);
    if (user.role !== 'admin') throw forbidden('The queue dashboard is for admins only.');
    const expires = await auth.sessionExpiry(token!);
    if (!expires) throw unauthorized('auth.session_ended', 'Your session has ended or is not valid: log in again.');
    // Lives exactly as long as the session; Secure whenever the request came over HTTPS (trust proxy).
    res.cookie(DASHBOARD_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: DASHBOARD_PATH, secure: req.secure, maxAge: expires.getTime() - Date.now() });
    res.status(204).end();
  };
}

export const NO_DASHBOARD = "The queue dashboard shows queues on Redis only, and these run on PostgreSQL: the console's scans page shows every scan and its progress.";

/**
 * bull-board reads Redis itself (its adapter asks each queue for a Redis client), so on the
 * PostgreSQL backend it cannot show the queues: the path then answers an admin 404 saying where to look.
 */
export function queueDashboard(auth: AuthService, queues: Pick<Queues, 'redis'>): Router {
  const router = express.Router();
  router.use(requireAdmin(auth), readOnly);
  if (!queues.redis) {
    router.use(() => {
      throw notFound(NO_DASHBOARD);
    });
    return router;
  }
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(DASHBOARD_PATH);
  createBullBoard({ queues: queues.redis.map((q) => new BullMQAdapter(q, { readOnlyMode: true })), serverAdapter });
  // bull-board serves through an Express app of its own, which would announce itself.
  const board = serverAdapter.getRouter() as Express;
  board.disable('x-powered-by');
  router.use(board);
  return router;
}
