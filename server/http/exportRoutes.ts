// Sends an export as a file: the format and language from the query, a Dutch (or English) file
// name with today's date, and the rows streamed as they come.
import { Router, type Request, type Response } from 'express';
import { CONTENT_TYPES, writeCsv, writeJsonArray, writePlainCsv, writeXlsx } from '../export/sheets.js';
import { fileName } from '../export/labels.js';
import { FLAT_COLUMNS, SCHEMA_VERSION } from '../interop/threeSixtyGiving.js';
import { today } from '../services/clock.js';
import { exportQuery, grantQuery, type Export, type ExportQuery, type ExportService } from '../services/exports.js';
import { actorOf } from './authRoutes.js';
import { parseInput } from './parse.js';

/** The export's own parameters (`format`, `lang`) and the rest of the query, for the list's or figure's parameters. */
export function splitExportQuery(req: Request): { options: ExportQuery; rest: Record<string, unknown> } {
  const { format, lang, ...rest } = req.query as Record<string, unknown>;
  return { options: parseInput(exportQuery, { format, lang }), rest };
}

/**
 * Writes the export to the response. Everything that can be refused is checked before the first
 * byte; a failure after it (the database went away) can only end the download, which the browser
 * shows as failed rather than as a complete file.
 */
export async function sendExport(res: Response, format: ExportQuery['format'], made: Export | Promise<Export>): Promise<void> {
  const { title, sheets } = await made;
  await sendFile(res, CONTENT_TYPES[format], fileName(title, today(), format), () => (format === 'xlsx' ? writeXlsx(res, sheets) : writeCsv(res, sheets[0]!)));
}

/** Sends what `write` writes as a download named `name`; see sendExport for failures. */
async function sendFile(res: Response, contentType: string, name: string, write: () => Promise<void>): Promise<void> {
  res.set('Content-Type', contentType);
  // The name is plain ASCII (fileName), so it needs no RFC 5987 encoding.
  res.set('Content-Disposition', `attachment; filename="${name}"`);
  try {
    await write();
    res.end();
  } catch (err) {
    if (!res.headersSent) {
      res.removeHeader('Content-Disposition');
      throw err;
    }
    res.destroy(err as Error);
  }
}

/** `/api/exports`: the 360Giving package (JSON) and its flat CSV form. */
export function grantExportRoutes(exports: ExportService): Router {
  const router = Router();
  const title = `360giving-${exports.grantPrefix}`;
  router.get('/360giving.json', async (req, res) => {
    const grants = exports.grants(actorOf(res), parseInput(grantQuery, req.query));
    await sendFile(res, 'application/json; charset=utf-8', fileName(title, today(), 'json'), () => writeJsonArray(res, { version: SCHEMA_VERSION }, 'grants', grants));
  });
  router.get('/360giving.csv', async (req, res) => {
    const grants = exports.grants(actorOf(res), parseInput(grantQuery, req.query));
    async function* rows() {
      for await (const grant of grants) yield FLAT_COLUMNS.map((c) => c.value(grant));
    }
    await sendFile(res, 'text/csv; charset=utf-8', fileName(title, today(), 'csv'), () =>
      writePlainCsv(
        res,
        FLAT_COLUMNS.map((c) => c.title),
        rows(),
      ),
    );
  });
  return router;
}
