// Downloads an export over real HTTP and reads it back as people's tools would: xlsx with exceljs,
// CSV with csv-parse in Dutch Excel's dialect.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { TestApp } from '../support/app.js';

export interface Download {
  status: number;
  headers: Headers;
  body: Buffer;
}

export async function download(app: TestApp, path: string, token: string): Promise<Download> {
  const res = await fetch(app.url + path, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

/** The workbook's sheets as rows of cell values (the first row the headers). */
export async function readXlsx(body: Buffer): Promise<{ workbook: ExcelJS.Workbook; sheets: Map<string, ExcelJS.CellValue[][]> }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheets = new Map<string, ExcelJS.CellValue[][]>();
  workbook.eachSheet((sheet) => {
    const rows: ExcelJS.CellValue[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      rows.push(Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).value));
    });
    sheets.set(sheet.name, rows);
  });
  return { workbook, sheets };
}

/** CSV rows as Dutch Excel reads them: `;` separated, BOM and CRLF checked by the caller. */
export function readCsv(body: Buffer): string[][] {
  return parse(body.toString('utf8'), { delimiter: ';', bom: true, record_delimiter: '\r\n' }) as string[][];
}

/** The records of a sheet as header → value. */
export function recordsOf<T>(rows: T[][]): Record<string, T>[] {
  const [header, ...rest] = rows;
  return rest.map((row) => Object.fromEntries(header!.map((h, i) => [String(h), row[i]!])));
}
