import { Router, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import { zodReason } from '../contract/errorCodes.js';
import { password } from '../contract/users.js';
import type { Actor } from '../services/actor.js';
import { toActor, type AuthService } from '../services/auth.js';
import { parseInput } from './parse.js';

const BEARER = /^Bearer\s+(\S+)$/i;

export function bearerToken(req: Request): string | undefined {
  return BEARER.exec(req.get('authorization') ?? '')?.[1];
}

export function actorOf(res: Response): Actor {
  const actor = res.locals.actor as Actor | undefined;
  if (!actor) throw new Error('route is missing requireAuth');
  return actor;
}

export function requireAuth(auth: AuthService): RequestHandler {
  return async (req, res, next) => {
    const user = await auth.authenticate(bearerToken(req));
    res.locals.actor = toActor(user);
    next();
  };
}


const given = (max: number) =>
  z
    .string({ error: zodReason('field.required') })
    .min(1, { error: zodReason('field.required') })
    .max(max, { error: zodReason('field.max_chars', { max }) });

export const loginBody = z.object({
  email: given(320),
  password: given(200),
});

export const passwordBody = z.object({
  oldPassword: given(200),
  newPassword: password(),
});

export function authRoutes(auth: AuthService): Router {
  const router = Router();
  router.post('/login', async (req, res) => {
    const { email, password } = parseInput(loginBody, req.body);
    res.json(await auth.login(email, password, req.ip ?? 'unknown'));
  });
  router.use(requireAuth(auth));
  router.post('/logout', async (req, res) => {
    await auth.logout(bearerToken(req)!);
    res.status(204).end();
  });
  router.get('/me', async (req, res) => {
    res.json(await auth.authenticate(bearerToken(req)));
  });
  router.put('/password', async (req, res) => {
    const { oldPassword, newPassword } = parseInput(passwordBody, req.body);
    await auth.changePassword(actorOf(res), oldPassword, newPassword, bearerToken(req)!);
    res.status(204).end();
  });
  return router;
}
