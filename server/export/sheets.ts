// Tables as files people open in Excel: xlsx with real numbers and dates, and CSV in Dutch Excel's
// dialect (`;`, decimal comma, UTF-8 with BOM, CRLF). Rows arrive as an async iterable and leave
// as they come, so an export of a national list never holds it in memory. Knows nothing of HTTP
// or of what the rows are about.
import { once } from 'node:events';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type ExcelJS from 'exceljs';
import { loadExcelJs } from '../interop/excel.js';

/**
 * How a column's values are written. `money` takes euro cents, `date` an ISO date, `month` an ISO
 * month (`2027-03`), `timestamp` an ISO date and time, `ratio` a fraction (0.45 is 45%); `number`
 * any number; `int` a whole one.
 */
export type ColumnKind = 'text' | 'int' | 'number' | 'money' | 'date' | 'month' | 'timestamp' | 'ratio';

export interface Column {
  header: string;
  kind: ColumnKind;
  /** Width in characters; a default by kind otherwise. */
  width?: number;
}

export type Cell = string | number | boolean | Date | null | undefined;

export interface Sheet {
  /** The worksheet's name (an xlsx tab; not written in CSV). */
  name: string;
  columns: readonly Column[];
  rows: AsyncIterable<readonly Cell[]> | Iterable<readonly Cell[]>;
}

export type FileFormat = 'xlsx' | 'csv';

export const CONTENT_TYPES: Record<FileFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

// Excel's number formats are written in its locale-neutral form; Dutch Excel shows € 1.234,56 and 31-12-2027.
const NUM_FMT: Partial<Record<ColumnKind, string>> = {
  money: '"€ "#,##0.00',
  date: 'dd-mm-yyyy',
  month: 'mm-yyyy',
  timestamp: 'dd-mm-yyyy hh:mm',
  ratio: '0.0%',
  number: '0.00',
  int: '0',
};

const WIDTH: Record<ColumnKind, number> = { text: 24, int: 10, number: 12, money: 16, date: 12, month: 10, timestamp: 17, ratio: 10 };

/** `2027-12-31` as the Date Excel stores for that day (dates in xlsx carry no time zone). */
function excelDate(iso: string): Date {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}

const amsterdam = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A moment as the wall-clock time in the Netherlands: `[YYYY-MM-DD, HH:MM]`. */
function dutchTime(value: string | Date): [string, string] {
  const parts = Object.fromEntries(amsterdam.formatToParts(new Date(value)).map((p) => [p.type, p.value]));
  return [`${parts.year}-${parts.month}-${parts.day}`, `${parts.hour}:${parts.minute}`];
}

/** The value an xlsx cell holds. */
function xlsxValue(kind: ColumnKind, value: Cell): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  switch (kind) {
    case 'money':
      return Number(value) / 100;
    case 'date':
      return excelDate(String(value));
    case 'month':
      return excelDate(`${String(value).slice(0, 7)}-01`);
    case 'timestamp': {
      const [day, time] = dutchTime(value instanceof Date ? value : String(value));
      return new Date(`${day}T${time}:00Z`);
    }
    case 'int':
    case 'number':
    case 'ratio':
      return Number(value);
    case 'text':
      return typeof value === 'boolean' || value instanceof Date ? String(value) : value;
  }
}

const decimalComma = (n: number, decimals: number) => n.toFixed(decimals).replace('.', ',');

/** The text a CSV field holds, as Dutch Excel reads it. */
export function csvValue(kind: ColumnKind, value: Cell): string {
  if (value === null || value === undefined) return '';
  switch (kind) {
    case 'money':
      return decimalComma(Number(value) / 100, 2);
    case 'date': {
      const [y, m, d] = (value instanceof Date ? value.toISOString() : String(value)).slice(0, 10).split('-');
      return `${d}-${m}-${y}`;
    }
    case 'month': {
      const [y, m] = String(value).split('-');
      return `${m}-${y}`;
    }
    case 'timestamp': {
      const [day, time] = dutchTime(value instanceof Date ? value : String(value));
      return `${csvValue('date', day)} ${time}`;
    }
    case 'ratio':
      return `${decimalComma(Number(value) * 100, 1)}%`;
    case 'number':
      return decimalComma(Number(value), 2).replace(/,00$/, '');
    case 'int':
    case 'text':
      return String(value);
  }
}

/** An xlsx sheet name: at most 31 characters, none of `[]:*?/\`. */
const sheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

/**
 * Waits while the destination's buffer is full, so a slow client slows the reading down. A client
 * that went away ends the export: the error stops the rows' iteration, which closes its cursor.
 */
async function drained(stream: Writable, full = stream.writableNeedDrain): Promise<void> {
  if (full && !stream.destroyed) {
    // Whichever comes first; the other listener goes with it.
    const settled = new AbortController();
    const { signal } = settled;
    await Promise.race([once(stream, 'drain', { signal }), once(stream, 'close', { signal })]).finally(() => settled.abort());
  }
  if (stream.destroyed) throw new Error('The download was cancelled.');
}

/** What exceljs keeps of a streamed worksheet: its XML stream, piped into the zip once the zip takes it. */
interface StreamedWorksheet {
  // The zip's input is a readable-stream v2 stream: its buffered length is only in _writableState.
  _stream?: { pipes?: { writableLength?: number; _writableState?: { length?: number } }[] };
}

/** How much of a worksheet's XML may wait for the zip before the rows wait. */
const ZIP_BACKLOG_BYTES = 1 << 20;

/**
 * Waits until the zip has taken in the worksheet's XML written so far (up to ZIP_BACKLOG_BYTES).
 * exceljs's streaming writer does not pass the zip's back-pressure on (exceljs issues #1894,
 * #2916): a worksheet written without pausing is held whole in memory (some 700 MB for 800,000
 * commitments) and only compressed at the end. Pausing here lets the zip compress as the rows
 * come, so memory stays flat whatever the list's length. Without the stream exceljs keeps
 * internally (another exceljs version), it only yields to the event loop.
 */
async function zipped(worksheet: unknown): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  const pipe = (worksheet as StreamedWorksheet)._stream?.pipes?.[0];
  const backlog = () => pipe?.writableLength ?? pipe?._writableState?.length ?? 0;
  while (backlog() > ZIP_BACKLOG_BYTES) await new Promise((resolve) => setTimeout(resolve, 1));
}

/** Writes the sheets as one workbook to `stream`, row by row. */
export async function writeXlsx(stream: Writable, sheets: readonly Sheet[]): Promise<void> {
  const { stream: xlsxStream } = await loadExcelJs();
  const workbook = new xlsxStream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheetName(sheet.name), { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.columns = sheet.columns.map((c, i) => ({ key: String(i), width: c.width ?? Math.max(WIDTH[c.kind], Math.min(c.header.length + 2, 40)), style: NUM_FMT[c.kind] ? { numFmt: NUM_FMT[c.kind]! } : {} }));
    const header = worksheet.addRow(sheet.columns.map((c) => c.header));
    header.font = { bold: true };
    header.commit();
    let count = 0;
    for await (const row of sheet.rows) {
      worksheet.addRow(sheet.columns.map((c, i) => xlsxValue(c.kind, row[i]))).commit();
      if (++count % 100 === 0) {
        await zipped(worksheet);
        await drained(stream);
      }
    }
    worksheet.commit();
  }
  await workbook.commit();
}

/** Writes one sheet as CSV in Dutch Excel's dialect to `stream`, row by row. */
export async function writeCsv(stream: Writable, sheet: Sheet): Promise<void> {
  async function* records() {
    yield sheet.columns.map((c) => c.header);
    for await (const row of sheet.rows) yield sheet.columns.map((c, i) => csvValue(c.kind, row[i]));
  }
  await pipeline(Readable.from(records()), stringify({ delimiter: ';', bom: true, record_delimiter: 'windows' }), stream);
}

/** Writes plain CSV (`,`, `.` decimals, ISO dates, UTF-8 without BOM, CRLF) for programs rather than people: 360Giving's flat form. */
export async function writePlainCsv(stream: Writable, header: readonly string[], rows: AsyncIterable<readonly Cell[]>): Promise<void> {
  async function* records() {
    yield header;
    for await (const row of rows) yield row.map((v) => (v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : String(v)));
  }
  await pipeline(Readable.from(records()), stringify({ record_delimiter: 'windows' }), stream);
}

/**
 * Writes `{ ...fields, "<key>": [ ...items ] }` as the items come, so a long array is never held
 * whole; piped, so a slow client slows the reading down (also through the response's compressor).
 */
export async function writeJsonArray(stream: Writable, fields: Readonly<Record<string, unknown>>, key: string, items: AsyncIterable<unknown>): Promise<void> {
  async function* text() {
    const head = JSON.stringify({ ...fields, [key]: [] });
    yield head.slice(0, -2);
    let first = true;
    for await (const item of items) {
      yield `${first ? '' : ','}\n${JSON.stringify(item)}`;
      first = false;
    }
    yield ']}\n';
  }
  await pipeline(Readable.from(text()), stream);
}
