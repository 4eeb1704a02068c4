// `/api/imports`: the template workbook, uploading a file (multipart, one file of at most 20 MB)
// for a preview, the importer's imports, and applying one. The work is the import service's.
import busboy from 'busboy';
import { Router, type Request } from 'express';
import { applyImportBody } from '../contract/imports.js';
import { ApiError, badRequest, reason } from '../errors.js';
import { importTemplate } from '../interop/importTemplate.js';
import type { ImportService, UploadedFile } from '../services/imports.js';
import { actorOf } from './authRoutes.js';
import { parseId, parseInput } from './parse.js';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

const tooLarge = () =>
  new ApiError('payload_too_large', `The file is larger than ${MAX_IMPORT_BYTES} bytes.`, { fields: { file: reason('import.file_too_large', { maxBytes: MAX_IMPORT_BYTES }) } });
const noFile = () => badRequest(`file: ${reason('import.file_type').text}`, { file: reason('import.file_type') });

/** The one file of a multipart request, and its `sheet` field. */
function readUpload(req: Request): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 10, fieldSize: 1000, parts: 12 } });
    } catch {
      return reject(new ApiError('unsupported_media_type', 'Send the file as multipart/form-data, in the field `file`.'));
    }
    let file: UploadedFile | null = null;
    let sheet: string | undefined;
    let failed: ApiError | null = null;
    const fail = (err: ApiError) => {
      failed ??= err;
    };
    parser.on('file', (_name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => fail(tooLarge()));
      stream.on('end', () => {
        file = { name: info.filename || 'upload', buffer: Buffer.concat(chunks) };
      });
    });
    parser.on('field', (name, value) => {
      if (name === 'sheet') sheet = value;
    });
    parser.on('filesLimit', () => fail(noFile()));
    parser.on('partsLimit', () => fail(badRequest('Too many parts in this form.')));
    parser.on('error', () => reject(badRequest(`file: ${reason('body.unreadable').text}`, { file: reason('body.unreadable') })));
    parser.on('close', () => {
      if (failed) return reject(failed);
      if (!file) return reject(noFile());
      resolve(sheet ? { ...(file as UploadedFile), sheet } : file);
    });
    req.pipe(parser);
  });
}

export function importRoutes(imports: ImportService): Router {
  const router = Router();
  router.get('/template.xlsx', async (_req, res) => {
    res.set('Content-Disposition', 'attachment; filename="vangnet-import.xlsx"');
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await importTemplate());
  });
  router.get('/', async (_req, res) => {
    res.json(await imports.list(actorOf(res)));
  });
  router.post('/', async (req, res) => {
    res.status(201).json(await imports.upload(actorOf(res), await readUpload(req)));
  });
  router.get('/:id', async (req, res) => {
    res.json(await imports.get(actorOf(res), parseId(req.params.id)));
  });
  router.post('/:id/apply', async (req, res) => {
    const { skipErrors } = parseInput(applyImportBody, req.body ?? {});
    res.json(await imports.apply(actorOf(res), parseId(req.params.id), skipErrors ?? false));
  });
  return router;
}
