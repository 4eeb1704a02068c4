// Serves the built react-admin console (admin/dist) at `/`, with every unknown non-API path
// answered by index.html so the console's own routes survive a reload.
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';

/** Vite names every file under assets/ by a hash of its content: a new build means new names. */
const ASSETS = '/assets';

export function consoleRoutes(dir: string): Router | null {
  const index = path.join(dir, 'index.html');
  if (!existsSync(index)) return null;
  const router = express.Router();
  router.use(ASSETS, express.static(path.join(dir, 'assets'), { index: false, maxAge: '1y', immutable: true }));
  router.use(
    express.static(dir, {
      index: false,
      maxAge: '1h',
      // index.html names the current assets, so a browser must ask again after every build.
      setHeaders: (res, file) => {
        if (file === index) res.setHeader('Cache-Control', 'no-cache');
      },
    }),
  );
  // A missing asset (an old build's, say) is a 404, never index.html served as a script.
  router.get(/^\/(?!api\/|api$|healthz$|readyz$|admin\/queues|assets\/).*/, (_req, res, next) => {
    // While a rebuild replaces the files, index.html may be gone for a moment.
    res.set('Cache-Control', 'no-cache').sendFile(index, (err) => {
      if (err && !res.headersSent) next();
    });
  });
  return router;
}
