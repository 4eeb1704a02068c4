// Sends an export as a file: the format and language from the query, a Dutch (or English) file
// name with today's date, and the rows streamed as they come.
import type { Request, Response } from 'express';
import { CONTENT_TYPES, writeCsv, writeXlsx } from '../export/sheets.js';
import { fileName } from '../export/labels.js';
import { today } from '../services/clock.js';
import { exportQuery, type Export, type ExportQuery } from '../services/exports.js';
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
  res.set('Content-Type', CONTENT_TYPES[format]);
  // The name is plain ASCII (fileName), so it needs no RFC 5987 encoding.
  res.set('Content-Disposition', `attachment; filename="${fileName(title, today(), format)}"`);
  try {
    if (format === 'xlsx') await writeXlsx(res, sheets);
    else await writeCsv(res, sheets[0]!);
    res.end();
  } catch (err) {
    if (!res.headersSent) {
      res.removeHeader('Content-Disposition');
      throw err;
    }
    res.destroy(err as Error);
  }
}
