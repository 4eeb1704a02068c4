// Serves the built react-admin console (admin/dist) at `/`, with every unknown non-API path
// answered by index.html so the console's own routes survive a reload.
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';

export function consoleRoutes(dir: string): Router | null {
  const index = path.join(dir, 'index.html');
  if (!existsSync(index)) return null;
  const router = express.Router();
  router.use(express.static(dir, { index: false, maxAge: '1h', immutable: false }));
  router.get(/^\/(?!api\/|api$|healthz$|readyz$|admin\/queues).*/, (_req, res, next) => {
    // While a rebuild replaces the files, index.html may be gone for a moment.
    res.set('Cache-Control', 'no-cache').sendFile(index, (err) => {
      if (err && !res.headersSent) next();
    });
  });
  return router;
}
