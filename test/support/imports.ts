// Uploading a file to POST /api/imports as a browser's form does (multipart, field `file`).
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
