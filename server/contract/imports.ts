// Spreadsheet imports (docs: design/interop.md): the sheets and columns a file may hold, under
// their Dutch and English titles, with the Dutch labels people type for enumerations; and the
// import record the API answers. The template workbook, the file reader and the console's
// preview table all read them from here.
import { z } from 'zod';
import { COMMITMENT_KINDS, COMMITMENT_STATUSES, DOMAINS, FUNDER_TYPES, INITIATIVE_STATUSES, OBLIGATION_KINDS, REPORTING_SCHEDULES, TRANCHE_SCHEDULES, TRANCHE_STATUSES, type Role } from '../domain/enums.js';
import { FIELD_CODES, type FieldCode } from './errorCodes.js';
import { recordId, timestamp } from './values.js';
import { ENUM_LABELS } from './labels.js';

/** The sheets in the order they are applied: a row may refer to rows of the sheets before it. */
export const IMPORT_SHEETS = ['funders', 'initiatives', 'budgets', 'commitments', 'tranches', 'obligations'] as const;
export type ImportSheet = (typeof IMPORT_SHEETS)[number];

/** Who may import which sheet (README "Who may see and do what"); other rows are row errors. */
export const SHEETS_BY_ROLE: Readonly<Record<Role, readonly ImportSheet[]>> = {
  admin: IMPORT_SHEETS,
  funder: ['commitments', 'tranches', 'obligations'],
  initiative: ['budgets', 'commitments', 'tranches'],
};

/** The template's sheet titles; English titles (the resource names, any case) are accepted too. */
export const SHEET_TITLES: Readonly<Record<ImportSheet, { nl: string; en: string }>> = {
  funders: { nl: 'Financiers', en: 'Funders' },
  initiatives: { nl: 'Initiatieven', en: 'Initiatives' },
  budgets: { nl: 'Begrotingen', en: 'Budgets' },
  commitments: { nl: 'Toezeggingen', en: 'Commitments' },
  tranches: { nl: 'Tranches', en: 'Tranches' },
  obligations: { nl: 'Verplichtingen', en: 'Obligations' },
};

/**
 * The Dutch label of every value of the enumerations a file may hold: what the template's
 * drop-downs offer and the import reads: the console's own labels (labels.ts).
 */
export const DUTCH_LABELS = {
  funderType: ENUM_LABELS.nl.funderType,
  domain: ENUM_LABELS.nl.domain,
  initiativeStatus: ENUM_LABELS.nl.initiativeStatus,
  commitmentKind: ENUM_LABELS.nl.commitmentKind,
  commitmentStatus: ENUM_LABELS.nl.commitmentStatus,
  trancheStatus: ENUM_LABELS.nl.trancheStatus,
  trancheSchedule: ENUM_LABELS.nl.trancheSchedule,
  reportingSchedule: ENUM_LABELS.nl.reportingSchedule,
  obligationKind: ENUM_LABELS.nl.obligationKind,
} as const;

export type LabelSet = keyof typeof DUTCH_LABELS;

/** How a cell is read: as typed by people (README "Import"). */
export type ColumnType = 'text' | 'int' | 'euros' | 'date' | 'bool' | 'enum' | 'enumList' | 'ref';

export interface ImportColumn {
  /** The column's English name, accepted as a header. */
  key: string;
  /** The template's Dutch header. */
  nl: string;
  type: ColumnType;
  /** The API field the value goes to (`amount` → `amountCents`); a `ref` names the sheet it points into. */
  field: string;
  values?: readonly string[];
  labels?: LabelSet;
  required?: boolean;
  /** What the Uitleg sheet says about the column. */
  help: string;
  /** The template's example row. */
  example: string | number | boolean;
}

const col = (key: string, nl: string, type: ColumnType, field: string, help: string, example: ImportColumn['example'], more: Partial<ImportColumn> = {}): ImportColumn => ({
  key,
  nl,
  type,
  field,
  help,
  example,
  ...more,
});
const enumCol = (key: string, nl: string, labels: LabelSet, values: readonly string[], help: string, example: string, more: Partial<ImportColumn> = {}) =>
  col(key, nl, 'enum', key, help, example, { labels, values, ...more });

export const IMPORT_COLUMNS: Readonly<Record<ImportSheet, readonly ImportColumn[]>> = {
  funders: [
    col('name', 'Naam', 'text', 'name', 'Naam van de financier. Met de soort samen herkent de import een financier zonder org-id.', 'Fonds Buurtkracht', { required: true }),
    enumCol('type', 'Soort', 'funderType', FUNDER_TYPES, 'Soort financier: kies uit de lijst.', 'fonds', { required: true }),
    col('orgId', 'Org-id', 'text', 'orgId', 'Org-id zoals NL-KVK-41202535; wie er een heeft, wordt daaraan herkend.', 'NL-KVK-41202535'),
    col('municipalityCode', 'CBS-gemeentecode', 'text', 'municipalityCode', 'Alleen voor gemeenten: de CBS-code, bijvoorbeeld GM0344.', ''),
    col('maxFundingYears', 'Financiert hoogstens (jaren)', 'int', 'maxFundingYears', 'Hoeveel jaar deze financier een initiatief hoogstens steunt (leeg: geen grens).', 3),
    col('website', 'Website', 'text', 'website', 'Website van de financier.', 'https://buurtkracht.example'),
  ],
  initiatives: [
    col('name', 'Naam', 'text', 'name', 'Naam van het initiatief; zonder KvK-nummer herkend aan naam en gemeente.', 'De Gedeelde Pan', { required: true }),
    col('kvkNumber', 'KvK-nummer', 'text', 'kvkNumber', 'KvK-nummer van 8 cijfers; wie er een heeft, wordt daaraan herkend.', '12345678'),
    col('foundedOn', 'Opgericht op', 'date', 'foundedOn', 'Oprichtingsdatum, bijvoorbeeld 1-3-2021.', '01-03-2021', { required: true }),
    col('municipality', 'Gemeente', 'text', 'municipality', 'Gemeente waar het initiatief werkt.', 'Utrecht', { required: true }),
    col('municipalityCode', 'CBS-gemeentecode', 'text', 'municipalityCode', 'CBS-code van die gemeente, bijvoorbeeld GM0344.', 'GM0344'),
    col('domains', 'Domeinen', 'enumList', 'domains', 'Een of meer domeinen, gescheiden door komma’s: zorg, welzijn, participatie, klimaat, voedsel, wonen, onderwijs.', 'welzijn, voedsel', {
      labels: 'domain',
      values: DOMAINS,
    }),
    col('reserves', 'Reserves', 'euros', 'reservesCents', 'Reserves in euro’s, bijvoorbeeld 1.234,56.', '2.500,00'),
    col('sharedWithFunders', 'Gedeeld met alle financiers', 'bool', 'sharedWithFunders', 'ja of nee: mogen alle financiers het initiatief zien?', 'nee'),
    enumCol('status', 'Status', 'initiativeStatus', INITIATIVE_STATUSES, 'actief of gestopt (leeg: actief).', 'actief'),
    col('description', 'Omschrijving', 'text', 'description', 'Korte omschrijving.', 'Buren koken voor elkaar'),
  ],
  budgets: [
    col('initiative', 'Initiatief', 'ref', 'initiatives', 'KvK-nummer of naam van het initiatief (van dit bestand of al in Vangnet).', 'De Gedeelde Pan', { required: true }),
    col('year', 'Jaar', 'int', 'year', 'Het begrotingsjaar; één begroting per initiatief en jaar.', 2027, { required: true }),
    col('amount', 'Begroot bedrag', 'euros', 'amountCents', 'Begroot bedrag in euro’s.', '12.000,00', { required: true }),
    col('note', 'Toelichting', 'text', 'note', 'Toelichting.', ''),
  ],
  commitments: [
    col('initiative', 'Initiatief', 'ref', 'initiatives', 'KvK-nummer of naam van het initiatief.', 'De Gedeelde Pan', { required: true }),
    col('funder', 'Financier', 'ref', 'funders', 'Org-id of naam van de financier.', 'Fonds Buurtkracht', { required: true }),
    col('title', 'Titel', 'text', 'title', 'Titel van de toezegging.', 'Werkbijdrage 2027', { required: true }),
    col('reference', 'Kenmerk', 'text', 'reference', 'Kenmerk van de financier; wie er een heeft, wordt daaraan herkend.', 'FB-2027-001'),
    col('programme', 'Programma of afdeling', 'text', 'programme', 'Programma of afdeling van de financier.', ''),
    enumCol('kind', 'Soort', 'commitmentKind', COMMITMENT_KINDS, 'Soort toezegging: kies uit de lijst.', 'fondsbijdrage', { required: true }),
    enumCol('status', 'Status', 'commitmentStatus', COMMITMENT_STATUSES, 'Status: kies uit de lijst.', 'toegezegd', { required: true }),
    col('startDate', 'Begindatum', 'date', 'startDate', 'Eerste dag, bijvoorbeeld 1-1-2027.', '01-01-2027', { required: true }),
    col('endDate', 'Einddatum', 'date', 'endDate', 'Laatste dag, bijvoorbeeld 31-12-2027.', '31-12-2027', { required: true }),
    col('amount', 'Bedrag', 'euros', 'amountCents', 'Toegezegd bedrag in euro’s.', '12.000,00', { required: true }),
    col('decisionDate', 'Besluitdatum', 'date', 'decisionDate', 'Datum van het besluit.', ''),
    col('renewable', 'Verlengbaar', 'bool', 'renewable', 'ja of nee.', 'nee'),
    col('conditionNote', 'Voorwaarden', 'text', 'conditionNote', 'Voorwaarden en verplichtingen.', ''),
    // The example leaves it empty: the example tranche on the Tranches sheet is its schedule.
    enumCol('trancheSchedule', 'Tranches aanmaken', 'trancheSchedule', TRANCHE_SCHEDULES, 'Alleen bij een nieuwe toezegging: maak de tranches op dit schema (laat leeg als u ze op het blad Tranches invult).', ''),
    // The example leaves it empty too: the example obligation on the Verplichtingen sheet is asked by hand.
    enumCol('reportingSchedule', 'Verplichtingen aanmaken', 'reportingSchedule', REPORTING_SCHEDULES, 'Alleen bij een nieuwe toezegging: maak de verantwoordingsverplichtingen op dit schema (per tranche vraagt ook Tranches aanmaken). Op het blad Verplichtingen kunt u ze daarna aanpassen; ze worden niet dubbel aangemaakt.', ''),
    col('reportDueMonths', 'Verslag uiterlijk (maanden na periode)', 'int', 'reportDueMonths', 'Alleen bij een nieuwe toezegging met Verplichtingen aanmaken: hoeveel maanden na het eind van de periode een verslag uiterlijk binnen is (0 tot 24; leeg: 3).', ''),
  ],
  tranches: [
    col('commitment', 'Toezegging', 'ref', 'commitments', 'Kenmerk van de toezegging, anders haar titel.', 'FB-2027-001', { required: true }),
    col('funder', 'Financier', 'ref', 'funders', 'Org-id of naam van de financier, als de toezegging anders niet eenduidig is.', 'Fonds Buurtkracht'),
    col('initiative', 'Initiatief', 'ref', 'initiatives', 'KvK-nummer of naam van het initiatief, als de toezegging anders niet eenduidig is.', 'De Gedeelde Pan'),
    col('periodStart', 'Periode van', 'date', 'periodStart', 'Eerste dag van de periode; herkend aan toezegging en deze dag.', '01-01-2027', { required: true }),
    col('periodEnd', 'Periode tot en met', 'date', 'periodEnd', 'Laatste dag van de periode.', '30-06-2027', { required: true }),
    col('amount', 'Bedrag', 'euros', 'amountCents', 'Bedrag in euro’s.', '6.000,00', { required: true }),
    col('dueOn', 'Verwacht op', 'date', 'dueOn', 'Wanneer het geld verwacht wordt.', ''),
    enumCol('status', 'Status', 'trancheStatus', TRANCHE_STATUSES, 'Status: kies uit de lijst (leeg: gepland).', 'gepland'),
    col('receivedOn', 'Ontvangen op', 'date', 'receivedOn', 'Wanneer het geld binnenkwam.', ''),
  ],
  // The titles are the obligations export's headers, so an exported list imports again.
  obligations: [
    col('commitment', 'Toezegging', 'ref', 'commitments', 'Kenmerk van de toezegging, anders haar titel.', 'FB-2027-001', { required: true }),
    col('funder', 'Financier', 'ref', 'funders', 'Org-id of naam van de financier, als de toezegging anders niet eenduidig is.', 'Fonds Buurtkracht'),
    col('initiative', 'Initiatief', 'ref', 'initiatives', 'KvK-nummer of naam van het initiatief, als de toezegging anders niet eenduidig is.', 'De Gedeelde Pan'),
    enumCol('kind', 'Soort', 'obligationKind', OBLIGATION_KINDS, 'Soort verantwoording: kies uit de lijst. Herkend aan toezegging, soort en Periode van.', 'inhoudelijk verslag', { required: true }),
    col('title', 'Titel', 'text', 'title', 'Titel van de verplichting.', 'Tussenverslag', { required: true }),
    col('periodStart', 'Periode van', 'date', 'periodStart', 'Eerste dag van de periode waarover verantwoord wordt.', '01-01-2027', { required: true }),
    col('periodEnd', 'Periode tot en met', 'date', 'periodEnd', 'Laatste dag van die periode.', '30-06-2027', { required: true }),
    col('dueOn', 'Uiterlijk op', 'date', 'dueOn', 'Wanneer het verslag uiterlijk binnen moet zijn.', '30-09-2027', { required: true }),
    col('note', 'Toelichting', 'text', 'note', 'Toelichting, bijvoorbeeld wat de financier precies vraagt.', ''),
  ],
};

export const IMPORT_KINDS = ['xlsx', 'csv', '360giving-json', '360giving-csv'] as const;
export const IMPORT_STATUSES = ['previewing', 'previewed', 'applying', 'applied', 'failed'] as const;
export const ROW_ACTIONS = ['create', 'update', 'unchanged', 'error'] as const;
export type RowAction = (typeof ROW_ACTIONS)[number];

const paramValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()).readonly()]);

/** What is wrong with one cell (or, column `row`, the row as a whole), in the API's code + params form. */
export const cellIssueSchema = z.object({
  column: z.string().describe('the column as titled in the file, or `row` for the row as a whole'),
  code: z.enum(FIELD_CODES as [FieldCode, ...FieldCode[]]),
  params: z.record(z.string(), paramValue),
  text: z.string().describe('English, for people'),
});
export type CellIssue = z.infer<typeof cellIssueSchema>;

export const previewRowSchema = z.object({
  sheet: z.enum(IMPORT_SHEETS),
  row: z.number().int().describe('the row number in the file (1 is the header)'),
  action: z.enum(ROW_ACTIONS),
  key: z.string().describe('the natural key the row is matched by'),
  recordId: z.number().int().nullable().describe('the record it updates or leaves unchanged (after apply: also the one it created)'),
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })).describe('field → the value before and after (updates)'),
  errors: z.array(cellIssueSchema),
});
export type PreviewRow = z.infer<typeof previewRowSchema>;

export const importCountsSchema = z.object({
  create: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int(),
  error: z.number().int(),
});
export type ImportCounts = z.infer<typeof importCountsSchema>;

const idsPerSheet = z.partialRecord(z.enum(IMPORT_SHEETS), z.array(recordId));

export const importResultSchema = z.object({
  created: idsPerSheet.describe('sheet → the ids of the records the import created'),
  updated: idsPerSheet.describe('sheet → the ids of the records it updated'),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const importRecordSchema = z.object({
  id: recordId,
  userId: recordId,
  fileName: z.string(),
  kind: z.enum(IMPORT_KINDS),
  status: z.enum(IMPORT_STATUSES),
  counts: importCountsSchema.nullable(),
  warnings: z.array(cellIssueSchema.extend({ sheet: z.string() })).describe('unknown columns and the like: nothing is refused for them'),
  rows: z.array(previewRowSchema).nullable().describe('the preview per sheet and row; null while it is being made'),
  progress: z.number().int().describe('rows done of `total` while a job previews or applies'),
  total: z.number().int(),
  skipErrors: z.boolean(),
  result: importResultSchema.nullable().describe('what applying did; null before'),
  error: z.string().nullable().describe('why applying or previewing failed'),
  createdAt: timestamp,
  appliedAt: timestamp.nullable(),
});
export type ImportRecord = z.infer<typeof importRecordSchema>;

export const applyImportBody = z.object({ skipErrors: z.boolean().optional() }).strict();
