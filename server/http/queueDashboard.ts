// bull-board at /admin/queues, for admins only. A browser cannot send a bearer header on a page
// load, so the console first calls POST /api/auth/dashboard-cookie, which puts the same session
// token in an HttpOnly cookie scoped to this path.
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import express, { type Request, type RequestHandler, type Router } from 'express';
import type { Queues } from '../../jobs/queues.js';
import { forbidden } from '../errors.js';
import type { AuthService } from '../services/auth.js';
import { bearerToken } from './authRoutes.js';

export const DASHBOARD_PATH = '/admin/queues';
export const DASHBOARD_COOKIE = 'vangnet_dashboard';

function cookieToken(req: Request): string | undefined {
  const header = req.get('cookie') ?? '';
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === DASHBOARD_COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

function requireAdmin(auth: AuthService): RequestHandler {
  return async (req, _res, next) => {
    const user = await auth.authenticate(bearerToken(req) ?? cookieToken(req));
    if (user.role !== 'admin') throw forbidden('The queue dashboard is for admins only.');
    next();
  };
}

/** Sets the dashboard cookie for the caller's session (admins only). */
export function dashboardCookieRoute(auth: AuthService): RequestHandler {
  return async (req, res) => {
    const token = bearerToken(req);
    const user = await auth.authenticate(token);
    if (user.role !== 'admin') throw forbidden('The queue dashboard is for admins only.');
    res.cookie(DASHBOARD_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: DASHBOARD_PATH, secure: req.secure });
    res.status(204).end();
  };
}

export function queueDashboard(auth: AuthService, queues: Pick<Queues, 'scan' | 'rescan'>): Router {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(DASHBOARD_PATH);
  createBullBoard({ queues: [new BullMQAdapter(queues.scan), new BullMQAdapter(queues.rescan)], serverAdapter });
  const router = express.Router();
  router.use(requireAdmin(auth), serverAdapter.getRouter() as Router);
  return router;
}
