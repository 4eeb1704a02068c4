// What a report's attachment is, read from its content, never from its name: PDF, PNG and JPEG by
// their first bytes; DOCX, XLSX and ODT (zip files) by the entry inside that names the document's
// type (`[Content_Types].xml` for Office, `mimetype` for OpenDocument). Anything else is refused,
// so an executable renamed `verslag.pdf` never reaches a funder.
import yauzl from 'yauzl';
import type { ReportFileType } from '../domain/enums.js';

/** The extensions a file of each type may carry in its name. */
export const FILE_EXTENSIONS: Record<ReportFileType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
};

const startsWith = (buffer: Buffer, bytes: readonly number[]): boolean => bytes.every((b, i) => buffer[i] === b);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** The entries read to tell a zip's type, each at most this large unpacked. */
const MAX_TYPE_ENTRY_BYTES = 1024 * 1024;
const MAX_ENTRIES = 10_000;

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<string | null> {
  return new Promise((resolve) => {
    if (entry.uncompressedSize > MAX_TYPE_ENTRY_BYTES) return resolve(null);
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return resolve(null);
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_TYPE_ENTRY_BYTES) stream.destroy();
        else chunks.push(chunk);
      });
      stream.on('error', () => resolve(null));
      stream.on('close', () => resolve(size > MAX_TYPE_ENTRY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    });
  });
}

/** The type a zip file is a document of, from its `mimetype` or `[Content_Types].xml` entry. */
function zipType(buffer: Buffer): Promise<ReportFileType | null> {
  return new Promise((resolve) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return resolve(null);
      let entries = 0;
      let done = false;
      const finish = (type: ReportFileType | null) => {
        if (done) return;
        done = true;
        zip.close();
        resolve(type);
      };
      zip.on('error', () => finish(null));
      zip.on('end', () => finish(null));
      zip.on('entry', (entry: yauzl.Entry) => {
        entries += 1;
        if (entries > MAX_ENTRIES) return finish(null);
        if (entry.fileName === 'mimetype') {
          void readEntry(zip, entry).then((text) => {
            if (text?.trim() === 'application/vnd.oasis.opendocument.text') finish('application/vnd.oasis.opendocument.text');
            else finish(null);
          });
        } else if (entry.fileName === '[Content_Types].xml') {
          void readEntry(zip, entry).then((text) => {
            if (text?.includes('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml')) finish('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
            else if (text?.includes('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml')) finish('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
            else finish(null);
          });
        } else {
          zip.readEntry();
        }
      });
      zip.readEntry();
    });
  });
}

/** The file's type from its content, or null when it is none of the types a report takes. */
export async function sniffFileType(buffer: Buffer): Promise<ReportFileType | null> {
  if (startsWith(buffer, PDF)) return 'application/pdf';
  if (startsWith(buffer, PNG)) return 'image/png';
  if (startsWith(buffer, JPEG)) return 'image/jpeg';
  if (startsWith(buffer, ZIP)) return zipType(buffer);
  return null;
}

/** Whether a file name's extension fits the type its content shows. */
export function nameFits(fileName: string, type: ReportFileType): boolean {
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return extension !== undefined && FILE_EXTENSIONS[type].includes(extension);
}
