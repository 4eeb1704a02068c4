// Reads an uploaded .xlsx (exceljs) or .csv (csv-parse) into rows of cells per sheet, keyed by the
// column's English name; which sheet and column is told by the Dutch or English titles, in any
// order and case. Values stay as typed: the import plan reads them per column.
import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { loadExcelJs } from './excel.js';
import yauzl from 'yauzl';
import { IMPORT_COLUMNS, IMPORT_SHEETS, SHEET_TITLES, type CellIssue, type ImportSheet } from '../contract/imports.js';
import { badRequest, reason, type FieldReason } from '../errors.js';
import type { Cell } from './cellValues.js';

export interface RawRow {
  /** The row number in the file, 1 being the header. */
  row: number;
  cells: Record<string, Cell>;
}

export interface RawSheet {
  sheet: ImportSheet;
  /** Column key → its title as in the file, for naming the column of an error. */
  titles: Record<string, string>;
  rows: RawRow[];
}

export type SheetWarning = CellIssue & { sheet: string };

export interface ReadSheets {
  sheets: RawSheet[];
  warnings: SheetWarning[];
}

/** What an .xlsx may unpack to, by the sizes its zip directory declares: far above any real workbook of 20 MB. */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
const MAX_ZIP_ENTRIES = 10_000;
/** The template's sheets that hold no records (importTemplate.ts). */
const TEMPLATE_SHEETS = ['uitleg', 'lijsten'];

const fileError = (r: FieldReason) => badRequest(`file: ${r.text}`, { file: r });
const fold = (s: string) => s.trim().toLowerCase().replace(/[\s_-]+/g, ' ');

/** The sheet a title names (Dutch or English, any case), if any. */
export function sheetNamed(title: string): ImportSheet | undefined {
  const wanted = fold(title);
  return IMPORT_SHEETS.find((s) => fold(SHEET_TITLES[s].nl) === wanted || fold(SHEET_TITLES[s].en) === wanted || fold(s) === wanted);
}

function columnNamed(sheet: ImportSheet, title: string): string | undefined {
  const wanted = fold(title);
  return IMPORT_COLUMNS[sheet].find((c) => fold(c.key) === wanted || fold(c.nl) === wanted)?.key;
}

/** The rows under a header row, with a warning per unknown column. */
function sheetOf(sheet: ImportSheet, header: Cell[], body: { row: number; cells: Cell[] }[], warnings: SheetWarning[]): RawSheet {
  const keys = header.map((h) => (h === null ? undefined : columnNamed(sheet, String(h))));
  const titles: Record<string, string> = {};
  header.forEach((h, i) => {
    const key = keys[i];
    if (key) titles[key] = String(h).trim();
    else if (h !== null && String(h).trim() !== '') warnings.push({ sheet, column: String(h).trim(), ...reason('import.unknown_column') });
  });
  const rows = body
    .map(({ row, cells }) => ({ row, cells: Object.fromEntries(keys.flatMap((key, i) => (key ? [[key, cells[i] ?? null]] : []))) as Record<string, Cell> }))
    .filter((r) => Object.values(r.cells).some((c) => c !== null && String(c).trim() !== ''));
  return { sheet, titles, rows };
}

/** The zip directory's declared sizes, checked before anything unpacks the workbook. */
function checkZip(buffer: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(fileError(reason('import.file_unreadable', { kind: 'xlsx' })));
      let total = 0;
      let entries = 0;
      zip.on('error', () => reject(fileError(reason('import.file_unreadable', { kind: 'xlsx' }))));
      zip.on('entry', (entry: yauzl.Entry) => {
        total += entry.uncompressedSize;
        entries += 1;
        if (total > MAX_UNPACKED_BYTES || entries > MAX_ZIP_ENTRIES) {
          zip.close();
          return reject(fileError(reason('import.zip_bomb', { maxBytes: MAX_UNPACKED_BYTES })));
        }
        zip.readEntry();
      });
      zip.on('end', () => resolve());
      zip.readEntry();
    });
  });
}

/** An exceljs cell value as a plain cell: dates as `YYYY-MM-DD`, formulas as their result, rich text as its text. */
function plainCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('result' in value) return plainCell((value.result ?? null) as ExcelJS.CellValue);
  if ('text' in value && typeof value.text === 'string') return value.text;
  return null;
}

export async function readXlsx(buffer: Buffer): Promise<ReadSheets> {
  await checkZip(buffer);
  const { Workbook } = await loadExcelJs();
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw fileError(reason('import.file_unreadable', { kind: 'xlsx' }));
  }
  const warnings: SheetWarning[] = [];
  const sheets: RawSheet[] = [];
  workbook.eachSheet((ws) => {
    const sheet = sheetNamed(ws.name);
    if (!sheet) {
      // The template's own explanation and lists are no data.
      if (!TEMPLATE_SHEETS.includes(ws.name.trim().toLowerCase())) warnings.push({ sheet: ws.name, column: '', ...reason('import.unknown_sheet') });
      return;
    }
    const header: Cell[] = [];
    ws.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
      header[col - 1] = plainCell(cell.value);
    });
    const body: { row: number; cells: Cell[] }[] = [];
    ws.eachRow((row, number) => {
      if (number === 1) return;
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = plainCell(cell.value);
      });
      body.push({ row: number, cells: Array.from(cells, (c) => c ?? null) });
    });
    sheets.push(sheetOf(sheet, Array.from(header, (c) => c ?? null), body, warnings));
  });
  if (!sheets.some((s) => s.rows.length)) throw fileError(reason('import.no_rows'));
  sheets.sort((a, b) => IMPORT_SHEETS.indexOf(a.sheet) - IMPORT_SHEETS.indexOf(b.sheet));
  return { sheets, warnings };
}

/** A CSV record and the line of the file it ends on (empty lines are skipped, yet counted). */
export interface CsvRecord {
  cells: string[];
  line: number;
}

/** CSV rows as text: `;` or `,` (whichever the header row uses more), UTF-8 with or without BOM. */
export function csvRecords(buffer: Buffer): CsvRecord[] {
  const text = buffer.toString('utf8').replace(/^\uFEFF/, '');
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  try {
    const records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
    return records.map(({ record, info }) => ({ cells: record, line: info.lines }));
  } catch {
    throw fileError(reason('import.file_unreadable', { kind: 'csv' }));
  }
}

/** The sheet a CSV holds: the one named, else the one whose columns its header row names most of. */
function csvSheet(header: string[], named: string | undefined): ImportSheet {
  if (named) {
    const sheet = sheetNamed(named);
    if (!sheet) throw badRequest(`sheet: ${reason('import.label', { values: IMPORT_SHEETS.map((s) => SHEET_TITLES[s].nl) }).text}`, { sheet: reason('import.label', { values: IMPORT_SHEETS.map((s) => SHEET_TITLES[s].nl) }) });
    return sheet;
  }
  const scored = IMPORT_SHEETS.map((sheet) => ({ sheet, known: header.filter((h) => columnNamed(sheet, h)).length, all: header.every((h) => !h.trim() || columnNamed(sheet, h)) }));
  const best = Math.max(...scored.map((s) => s.known));
  const winners = scored.filter((s) => s.known === best);
  // Prefer a sheet that knows every column; a tie between sheets knowing all of them goes to the smaller (more specific) one.
  const complete = winners.filter((s) => s.all);
  const pick = (complete.length ? complete : winners).sort((a, b) => IMPORT_COLUMNS[a.sheet].length - IMPORT_COLUMNS[b.sheet].length)[0];
  if (!pick || best === 0) throw fileError(reason('import.sheet_unknown'));
  return pick.sheet;
}

export function readCsv(buffer: Buffer, named?: string): ReadSheets {
  const [header, ...body] = csvRecords(buffer);
  if (!header || !body.length) throw fileError(reason('import.no_rows'));
  const sheet = csvSheet(header.cells, named);
  const warnings: SheetWarning[] = [];
  const raw = sheetOf(
    sheet,
    header.cells,
    body.map(({ cells, line }) => ({ row: line, cells })),
    warnings,
  );
  if (!raw.rows.length) throw fileError(reason('import.no_rows'));
  return { sheets: [raw], warnings };
}
