// The ra-data-simple-rest routes of one resource, over the generic service.
import { Router } from 'express';
import { methodNotAllowed } from '../errors.js';
import type { ResourceDef } from '../resources/resource.js';
import { isReadOnly } from '../services/access.js';
import type { CrudService } from '../services/crud.js';
import type { ExportService } from '../services/exports.js';
import { actorOf } from './authRoutes.js';
import { contentRange } from './contentRange.js';
import { sendExport, splitExportQuery } from './exportRoutes.js';
import { parseListParams } from './listParams.js';
import { parseId, parseVersion } from './parse.js';

export function resourceRoutes(def: ResourceDef, crud: CrudService, exports: ExportService): Router {
  const router = Router();
  router.get('/export', async (req, res) => {
    const { options, rest } = splitExportQuery(req);
    const { sort, filter } = parseListParams(def, rest);
    await sendExport(res, options.format, exports.resource(def, actorOf(res), { sort, filter }, options.lang));
  });
  router.get('/', async (req, res) => {
    const { records, first, total } = await crud.list(def, actorOf(res), parseListParams(def, req.query));
    contentRange(res, def.name, first, records.length, total);
    res.json(records);
  });
  router.get('/:id', async (req, res) => {
    res.json(await crud.get(def, actorOf(res), parseId(req.params.id)));
  });
  if (isReadOnly(def.name) || !def.create) {
    router.all(['/', '/:id'], () => {
      throw methodNotAllowed(`${def.name} are read-only here.`);
    });
    return router;
  }
  router.post('/', async (req, res) => {
    res.status(201).json(await crud.create(def, actorOf(res), req.body));
  });
  router.put('/:id', async (req, res) => {
    res.json(await crud.update(def, actorOf(res), parseId(req.params.id), req.body));
  });
  router.delete('/:id', async (req, res) => {
    const body = req.body as { version?: unknown } | undefined;
    res.json(await crud.remove(def, actorOf(res), parseId(req.params.id), parseVersion(req.query.version ?? body?.version)));
  });
  return router;
}
