// exceljs, loaded when a workbook is first read or written: it is large (some 25 MB of a process's
// memory), and the workers and most API requests never touch a workbook.
import type ExcelJS from 'exceljs';

let loaded: Promise<typeof ExcelJS> | null = null;

export function loadExcelJs(): Promise<typeof ExcelJS> {
  loaded ??= import('exceljs').then((m) => m.default);
  return loaded;
}
