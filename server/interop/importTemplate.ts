// The template workbook (`GET /api/imports/template.xlsx`): a sheet "Uitleg" explaining every
// column, one sheet per resource with the Dutch headers, an example row and drop-down lists of the
// Dutch labels for every enumeration (kept on a hidden sheet "Lijsten", since a label may hold a comma).
import type ExcelJS from 'exceljs';
import { loadExcelJs } from './excel.js';
import { DUTCH_LABELS, IMPORT_COLUMNS, IMPORT_SHEETS, SHEET_TITLES, type ImportColumn, type LabelSet } from '../contract/imports.js';
import { readDate, readEuros } from './cellValues.js';

/** Rows of each sheet that carry the drop-downs. */
const VALIDATED_ROWS = 2000;

/** The worksheet's range validations, which exceljs has but does not declare. */
interface WithValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

/** An example as Excel holds it: euros as a number, dates as a date cell. */
function exampleCell(c: ImportColumn): ExcelJS.CellValue {
  if (c.example === '' || typeof c.example === 'boolean') return c.example === '' ? null : c.example;
  if (c.type === 'euros') {
    const cents = readEuros(c.example);
    return cents.ok ? cents.value / 100 : c.example;
  }
  if (c.type === 'date') {
    const date = readDate(c.example);
    return date.ok ? new Date(`${date.value}T00:00:00Z`) : c.example;
  }
  return c.example;
}

const NUMBER_FORMAT: Partial<Record<ImportColumn['type'], string>> = { euros: '#,##0.00', date: 'dd-mm-yyyy' };

const columnLetter = (n: number): string => (n <= 26 ? String.fromCharCode(64 + n) : columnLetter(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));

export async function importTemplate(): Promise<Buffer> {
  const { Workbook } = await loadExcelJs();
  const wb = new Workbook();
  wb.creator = 'Vangnet';
  const uitleg = wb.addWorksheet('Uitleg');
  uitleg.columns = [
    { header: 'Blad', width: 16 },
    { header: 'Kolom', width: 28 },
    { header: 'Engelse naam', width: 20 },
    { header: 'Verplicht', width: 10 },
    { header: 'Uitleg', width: 90 },
  ];
  uitleg.getRow(1).font = { bold: true };
  uitleg.addRow([]);
  uitleg.addRow([
    'Algemeen',
    '',
    '',
    '',
    'Vul per blad één regel per record in. Bedragen in euro’s (1.234,56), datums als 31-12-2027; kies soorten en statussen uit de lijst. Een record dat al in Vangnet staat wordt bijgewerkt, niet dubbel aangemaakt. Verwijzingen tussen bladen gaan op naam, KvK-nummer, org-id of kenmerk.',
  ]);

  const lists = wb.addWorksheet('Lijsten', { state: 'hidden' });
  const listRange: Partial<Record<LabelSet, string>> = {};
  (Object.keys(DUTCH_LABELS) as LabelSet[]).forEach((set, i) => {
    const labels = Object.values(DUTCH_LABELS[set]);
    const letter = columnLetter(i + 1);
    lists.getCell(`${letter}1`).value = set;
    labels.forEach((label, j) => {
      lists.getCell(`${letter}${j + 2}`).value = label;
    });
    listRange[set] = `Lijsten!$${letter}$2:$${letter}$${labels.length + 1}`;
  });

  for (const sheet of IMPORT_SHEETS) {
    const columns = IMPORT_COLUMNS[sheet];
    const ws = wb.addWorksheet(SHEET_TITLES[sheet].nl, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = columns.map((c) => {
      const numFmt = NUMBER_FORMAT[c.type];
      return { header: c.nl, key: c.key, width: Math.max(14, c.nl.length + 4), ...(numFmt ? { style: { numFmt } } : {}) };
    });
    ws.getRow(1).font = { bold: true };
    ws.addRow(Object.fromEntries(columns.map((c) => [c.key, exampleCell(c)])));
    columns.forEach((c, i) => {
      const choices = c.labels ? ` Keuzes: ${Object.values(DUTCH_LABELS[c.labels]).join('; ')}.` : '';
      uitleg.addRow([SHEET_TITLES[sheet].nl, c.nl, c.key, c.required ? 'ja' : 'nee', c.help + choices]);
      const range = c.type === 'enum' && c.labels ? listRange[c.labels] : c.type === 'bool' ? '"ja,nee"' : undefined;
      if (!range) return;
      const letter = columnLetter(i + 1);
      (ws as unknown as WithValidations).dataValidations.add(`${letter}2:${letter}${VALIDATED_ROWS}`, {
        type: 'list',
        allowBlank: !c.required,
        formulae: [range],
        showErrorMessage: true,
        errorTitle: c.nl,
        error: 'Kies een waarde uit de lijst.',
      });
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
