// Values as people type them in a spreadsheet (README "Import"): Dutch and English amounts in euros,
// dates as Excel dates or text, yes/no in either language, enumerations by Dutch label or API value.
// Each answers the value or the reason it cannot be read.
import { DUTCH_LABELS, type LabelSet } from '../contract/imports.js';
import { reason, type FieldReason } from '../errors.js';

/** A cell as the readers hand it on: Excel dates are already `YYYY-MM-DD` text. */
export type Cell = string | number | boolean | null;

export type Read<T> = { ok: true; value: T } | { ok: false; reason: FieldReason };
const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = <T>(r: FieldReason): Read<T> => ({ ok: false, reason: r });

export const isBlank = (cell: Cell): boolean => cell === null || (typeof cell === 'string' && cell.trim() === '');

/** Text as typed; a number a spreadsheet made of it (a KvK number) back to its digits. */
export function readText(cell: Cell): string {
  return typeof cell === 'number' ? String(cell) : String(cell).trim();
}

/**
 * Euros to whole cents: `1.234,56`, `€ 1.234`, `1234.56`, `1,234.56`, `1234,5` or a number.
 * A dot or comma followed by exactly three digits is a thousands separator, never decimals.
 */
export function readEuros(cell: Cell): Read<number> {
  if (typeof cell === 'number') return Number.isFinite(cell) ? ok(Math.round(cell * 100)) : fail(reason('import.euros'));
  const s = String(cell).replace(/[€\s\u00a0]/g, '').replace(/^EUR/i, '');
  let normal: string | null = null;
  if (/^-?\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(s) || /^-?\d+(,\d{1,2})?$/.test(s)) normal = s.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(s)) normal = s.replace(/,/g, '');
  else if (/^-?\d+\.\d{1,2}$/.test(s)) normal = s;
  if (normal === null) return fail(reason('import.euros'));
  const [whole, fraction = ''] = normal.split('.');
  const sign = whole!.startsWith('-') ? -1 : 1;
  return ok(sign * (Math.abs(Number(whole)) * 100 + Number(fraction.padEnd(2, '0'))));
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Days since 1899-12-30: what a date is in an Excel cell that is not formatted as one. */
function excelSerial(n: number): string {
  const d = new Date(Date.UTC(1899, 11, 30) + Math.round(n) * 86_400_000);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** A date as `YYYY-MM-DD`: from `31-12-2027`, `31/12/2027`, `31.12.2027`, `2027-12-31` or an Excel date. */
export function readDate(cell: Cell): Read<string> {
  if (typeof cell === 'number') return cell > 0 && cell < 200_000 ? ok(excelSerial(cell)) : fail(reason('import.date'));
  const s = String(cell).trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s);
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dutch ? [dutch[3], dutch[2], dutch[1]] : [];
  // Years before 1000 are typing errors; PostgreSQL has no year 0 to look them up by.
  if (!y || !m || !d || Number(y) < 1000) return fail(reason('import.date'));
  const date = `${y}-${pad(Number(m))}-${pad(Number(d))}`;
  const check = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== date) return fail(reason('field.calendar_date'));
  return ok(date);
}

const TRUE = new Set(['ja', 'j', 'yes', 'y', 'true', 'waar', '1', 'x']);
const FALSE = new Set(['nee', 'n', 'no', 'false', 'onwaar', '0']);

export function readBool(cell: Cell): Read<boolean> {
  if (typeof cell === 'boolean') return ok(cell);
  const s = readText(cell).toLowerCase();
  if (TRUE.has(s)) return ok(true);
  if (FALSE.has(s)) return ok(false);
  return fail(reason('import.bool'));
}

export function readWholeNumber(cell: Cell): Read<number> {
  const n = typeof cell === 'number' ? cell : /^-?\d{1,10}$/.test(readText(cell)) ? Number(readText(cell)) : NaN;
  // Within PostgreSQL's integer, so a year can be looked up before the schema checks its range.
  return Number.isInteger(n) && Math.abs(n) < 2 ** 31 ? ok(n) : fail(reason('import.whole_number'));
}

const fold = (s: string) => s.trim().toLowerCase().replace(/[\s_-]+/g, ' ');

/** An enumeration value from its Dutch label or its API value (any case, `_` or space). */
export function readLabel(text: string, labels: LabelSet): Read<string> {
  const set = DUTCH_LABELS[labels] as Readonly<Record<string, string>>;
  const wanted = fold(text);
  const found = Object.entries(set).find(([value, label]) => fold(value) === wanted || fold(label) === wanted);
  return found ? ok(found[0]) : fail(reason('import.label', { values: Object.values(set) }));
}

export function readLabelCell(cell: Cell, labels: LabelSet): Read<string> {
  return readLabel(readText(cell), labels);
}

/** A comma- or semicolon-separated list of labels. */
export function readLabelList(cell: Cell, labels: LabelSet): Read<string[]> {
  const out: string[] = [];
  for (const part of readText(cell).split(/[,;]/).map((p) => p.trim()).filter(Boolean)) {
    const one = readLabel(part, labels);
    if (!one.ok) return one;
    out.push(one.value);
  }
  return ok(out);
}
