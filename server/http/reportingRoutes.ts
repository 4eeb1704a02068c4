// Reporting (design/reporting.md) beyond the plain resource routes: submitting a report
// (`POST /api/reports`), a funder's decision on an obligation, a report's files (upload as
// multipart, download as an attachment) and the reporting burden figures.
import busboy from 'busboy';
import { Router, type Request } from 'express';
import { OBLIGATION_DECISIONS } from '../contract/obligations.js';
import { ApiError, badRequest, reason } from '../errors.js';
import { MAX_REPORT_FILE_BYTES, portfolioBurdenQuery, type ReportingService, type UploadedReportFile } from '../services/reporting.js';
import { figureQueries } from '../services/analytics.js';
import { actorOf } from './authRoutes.js';
import { parseId, parseInput } from './parse.js';

const tooLarge = () =>
  new ApiError('payload_too_large', `The file is larger than ${MAX_REPORT_FILE_BYTES} bytes.`, { fields: { file: reason('file.too_large', { maxBytes: MAX_REPORT_FILE_BYTES }) } });
const noFile = () => badRequest(`file: ${reason('file.required').text}`, { file: reason('file.required') });

/** The one file of a multipart request (field `file`), refused past 10 MB while it streams in. */
function readFile(req: Request): Promise<UploadedReportFile> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { fileSize: MAX_REPORT_FILE_BYTES, files: 1, fields: 5, fieldSize: 1000, parts: 6 } });
    } catch {
      return reject(new ApiError('unsupported_media_type', 'Send the file as multipart/form-data, in the field `file`.'));
    }
    let file: UploadedReportFile | null = null;
    let failed: ApiError | null = null;
    parser.on('file', (_name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => {
        failed ??= tooLarge();
      });
      stream.on('end', () => {
        file = { name: info.filename || 'upload', buffer: Buffer.concat(chunks) };
      });
    });
    parser.on('filesLimit', () => {
      failed ??= noFile();
    });
    parser.on('partsLimit', () => {
      failed ??= badRequest('Too many parts in this form.');
    });
    parser.on('error', () => reject(badRequest(`file: ${reason('body.unreadable').text}`, { file: reason('body.unreadable') })));
    parser.on('close', () => {
      if (failed) return reject(failed);
      if (!file) return reject(noFile());
      resolve(file);
    });
    req.pipe(parser);
  });
}

/** `attachment; filename="..."` with the name in plain ASCII and in full (RFC 6266). */
function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function obligationActionRoutes(reporting: ReportingService): Router {
  const router = Router();
  for (const decision of OBLIGATION_DECISIONS) {
    router.post(`/:id/${decision}`, async (req, res) => {
      res.json(await reporting.decide(actorOf(res), parseId(req.params.id), decision, req.body));
    });
  }
  return router;
}

export function reportSubmitRoutes(reporting: ReportingService): Router {
  const router = Router();
  router.post('/', async (req, res) => {
    res.status(201).json(await reporting.submit(actorOf(res), req.body));
  });
  router.post('/:id/files', async (req, res) => {
    const id = parseId(req.params.id);
    res.status(201).json(await reporting.addFile(actorOf(res), id, await readFile(req)));
  });
  return router;
}

export function reportFileContentRoutes(reporting: ReportingService): Router {
  const router = Router();
  router.get('/:id/content', async (req, res) => {
    const { record, content } = await reporting.file(actorOf(res), parseId(req.params.id));
    res.set('Content-Disposition', attachment(record.fileName as string));
    res.set('X-Content-Type-Options', 'nosniff');
    res.type(record.contentType as string).send(content);
  });
  return router;
}

export function initiativeBurdenRoutes(reporting: ReportingService): Router {
  const router = Router();
  router.get('/:id/burden', async (req, res) => {
    res.json(await reporting.burden(actorOf(res), parseId(req.params.id), parseInput(figureQueries.coverage, req.query)));
  });
  return router;
}

export function statsBurdenRoutes(reporting: ReportingService): Router {
  const router = Router();
  router.get('/burden', async (req, res) => {
    res.json(await reporting.portfolioBurden(actorOf(res), parseInput(portfolioBurdenQuery, req.query)));
  });
  return router;
}
