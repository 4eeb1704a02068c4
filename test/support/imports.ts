// Uploading a file to POST /api/imports as a browser's form does (multipart, field `file`).
import ExcelJS from 'exceljs';
import type { ImportRecord } from '../../server/contract/imports.js';
import type { TestApp } from './app.js';

export type UploadAnswer = ImportRecord & { code?: string; message?: string; codes?: Record<string, { code: string }> };

export async function upload(app: TestApp, token: string, name: string, content: Buffer | string, sheet?: string): Promise<{ status: number; body: UploadAnswer }> {
  const form = new FormData();
  form.append('file', new Blob([content]), name);
  if (sheet) form.append('sheet', sheet);
  const res = await fetch(`${app.url}/api/imports`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: res.status, body: (await res.json()) as UploadAnswer };
}

export type Sheet = { name: string; header: string[]; rows: unknown[][] };

/** A workbook as a person fills in the template: one worksheet per sheet, its header row first. */
export async function workbook(sheets: Sheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    ws.addRow(s.header);
    for (const r of s.rows) ws.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
