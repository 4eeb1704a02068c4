// 360Giving (schema 1.4.3) into the import's sheets: the inverse of the export mapping in
// design/interop.md. Each grant becomes a commitment (committed, or completed when its planned end
// has passed), with its funder (fundingOrganization: id → orgId, name) and its initiative
// (recipientOrganization: `NL-KVK-…` → kvkNumber, addressLocality → municipality) matched or
// created. Grants in another currency than EUR, to individuals or without dates are row errors;
// fields Vangnet has no place for are ignored. Never throws for a grant, only for a file that is
// no 360Giving file at all.
import { COMMITMENT_KINDS } from '../contract/enums.js';
import type { CellIssue } from '../contract/imports.js';
import { addDays, addMonths, isIsoDate } from '../domain/dates.js';
import { badRequest, reason } from '../errors.js';
import type { Cell } from './cellValues.js';
import { csvRecords, type ReadSheets } from './spreadsheetRead.js';

type Json = Record<string, unknown>;

interface GrantRows {
  funders: { row: number; cells: Record<string, Cell>; defaults: Record<string, Cell> }[];
  initiatives: { row: number; cells: Record<string, Cell>; defaults: Record<string, Cell> }[];
  commitments: { row: number; cells: Record<string, Cell>; issues?: CellIssue[] }[];
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const first = (v: unknown): Json => (Array.isArray(v) && isObject(v[0]) ? v[0] : isObject(v) ? v : {});
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : null);
const day = (v: unknown): string | null => str(v)?.slice(0, 10) ?? null;
const issue = (column: string, r: ReturnType<typeof reason>): CellIssue => ({ column, ...r });

/** A funder's org-id, unless it is an export's stand-in for a funder without one. */
const orgIdOf = (id: string | null) => (id && /^[A-Z]{2}-[A-Z0-9]{2,}-.+$/.test(id) && !id.startsWith('360G-') ? id : null);

/** Today in the Netherlands, for "its planned end lies in the past". */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());

function mapGrants(grants: unknown[], rowOf: (index: number) => number): ReadSheets {
  const out: GrantRows = { funders: [], initiatives: [], commitments: [] };
  const funders = new Set<string>();
  const initiatives = new Set<string>();
  grants.forEach((grant, index) => {
    const row = rowOf(index);
    if (!isObject(grant)) {
      out.commitments.push({ row, cells: {}, issues: [issue('grant', reason('field.json_object'))] });
      return;
    }
    const recipient = first(grant.recipientOrganization);
    const funder = first(grant.fundingOrganization);
    const planned = first(grant.plannedDates);
    const location = first(grant.beneficiaryLocation);
    const currency = str(grant.currency)?.toUpperCase() ?? null;
    const startDate = day(planned.startDate);
    // A planned period may be given as a start and a duration in months: it ends the day before start + duration.
    const months = typeof planned.duration === 'number' && Number.isInteger(planned.duration) && planned.duration > 0 && planned.duration <= 1200 ? planned.duration : null;
    const endDate = day(planned.endDate) ?? (startDate && months && isIsoDate(startDate) ? addDays(addMonths(startDate, months), -1) : null);
    const recipientName = str(recipient.name);
    const funderName = str(funder.name);
    const issues: CellIssue[] = [];
    if (currency !== 'EUR') issues.push(issue('currency', currency ? reason('import.currency', { currency }) : reason('field.required')));
    if (grant.recipientIndividual !== undefined && grant.recipientIndividual !== null) issues.push(issue('recipientIndividual', reason('import.individual')));
    else if (!recipientName) issues.push(issue('recipientOrganization', reason('field.required')));
    if (!funderName) issues.push(issue('fundingOrganization', reason('field.required')));
    if (!startDate) issues.push(issue('plannedDates.startDate', reason('field.required')));
    if (!endDate) issues.push(issue('plannedDates.endDate', reason('field.required')));
    if (typeof grant.amountAwarded !== 'number' && str(grant.amountAwarded) === null) issues.push(issue('amountAwarded', reason('field.required')));
    if (issues.length) {
      out.commitments.push({ row, cells: { title: str(grant.title), reference: str(grant.id) }, issues });
      return;
    }
    const recipientId = str(recipient.id);
    const kvk = /^NL-KVK-(\d{8})$/.exec(recipientId ?? '')?.[1] ?? null;
    const municipality = str(recipient.addressLocality) ?? str(location.name);
    const orgId = orgIdOf(str(funder.id));
    const funderKey = (orgId ?? funderName!).toLowerCase();
    if (!funders.has(funderKey)) {
      funders.add(funderKey);
      out.funders.push({ row, cells: { name: funderName, orgId }, defaults: { type: 'other' } });
    }
    const initiativeKey = (kvk ?? `${recipientName}|${municipality ?? ''}`).toLowerCase();
    if (!initiatives.has(initiativeKey)) {
      initiatives.add(initiativeKey);
      const geoCode = str(location.geoCode);
      out.initiatives.push({
        row,
        cells: { name: recipientName, kvkNumber: kvk, municipality, municipalityCode: geoCode && /^GM\d{4}$/.test(geoCode) ? geoCode : null },
        // 360Giving has no founding date: a new initiative is taken to start with its first grant.
        defaults: { foundedOn: startDate },
      });
    }
    const title = str(grant.title) ?? `${funderName} ${startDate}`;
    const description = str(grant.description);
    const kindCode = str(first(grant.fundingType).code);
    out.commitments.push({
      row,
      cells: {
        initiative: kvk ?? recipientName,
        funder: orgId ?? funderName,
        title,
        reference: str(grant.id),
        programme: str(first(grant.grantProgramme).title) ?? str(funder.department),
        kind: kindCode && (COMMITMENT_KINDS as readonly string[]).includes(kindCode) ? kindCode : 'grant',
        status: endDate! < today() ? 'completed' : 'committed',
        startDate,
        endDate,
        amount: typeof grant.amountAwarded === 'number' ? grant.amountAwarded : str(grant.amountAwarded),
        decisionDate: day(grant.awardDate),
        conditionNote: description && description !== title ? description : null,
      },
    });
  });
  const titles = (keys: string[]) => Object.fromEntries(keys.map((k) => [k, k]));
  return {
    sheets: [
      { sheet: 'funders', titles: titles(['name', 'orgId', 'type']), rows: out.funders },
      { sheet: 'initiatives', titles: titles(['name', 'kvkNumber', 'municipality', 'municipalityCode', 'foundedOn']), rows: out.initiatives },
      {
        sheet: 'commitments',
        titles: { initiative: 'recipientOrganization', funder: 'fundingOrganization', amount: 'amountAwarded', startDate: 'plannedDates.startDate', endDate: 'plannedDates.endDate', decisionDate: 'awardDate', reference: 'id', kind: 'fundingType' },
        rows: out.commitments,
      },
    ].filter((s) => s.rows.length) as ReadSheets['sheets'],
    warnings: [],
  };
}

const unreadable = (kind: string) => badRequest(`file: ${reason('import.file_unreadable', { kind }).text}`, { file: reason('import.file_unreadable', { kind }) });

/** A 360Giving package: `{ grants: [...] }`. */
export function readThreeSixtyGivingJson(buffer: Buffer): ReadSheets {
  let doc: unknown;
  try {
    doc = JSON.parse(buffer.toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    throw unreadable('360Giving JSON');
  }
  if (!isObject(doc) || !Array.isArray(doc.grants)) throw unreadable('360Giving JSON');
  if (!doc.grants.length) throw badRequest(`file: ${reason('import.no_rows').text}`, { file: reason('import.no_rows') });
  return mapGrants(doc.grants, (i) => i + 1);
}

/** Whether a CSV is 360Giving's flat form (its titles joined by ":"). */
export function isThreeSixtyGivingCsv(buffer: Buffer): boolean {
  const head = buffer.subarray(0, 4096).toString('utf8');
  return /Recipient Org:|Funding Org:|Amount Awarded/i.test(head);
}

/** The flat CSV: `Recipient Org:Identifier`, `Amount Awarded`, `Planned Dates:Start Date`, ... back into grants. */
export function readThreeSixtyGivingCsv(buffer: Buffer): ReadSheets {
  const [header, ...body] = csvRecords(buffer);
  if (!header || !body.length) throw badRequest(`file: ${reason('import.no_rows').text}`, { file: reason('import.no_rows') });
  const paths = header.cells.map((h) => h.replace(/:\d+:/g, ':').trim().toLowerCase());
  const grants = body.map(({ cells }) => {
    const at = (title: string) => {
      const i = paths.indexOf(title.toLowerCase());
      return i >= 0 ? (cells[i]?.trim() ?? '') || undefined : undefined;
    };
    const individual = paths.some((p, i) => p.startsWith('recipient ind:') && (cells[i] ?? '').trim() !== '');
    const amount = at('Amount Awarded');
    return {
      id: at('Identifier'),
      title: at('Title'),
      description: at('Description'),
      currency: at('Currency'),
      amountAwarded: amount !== undefined && /^-?\d+(\.\d+)?$/.test(amount) ? Number(amount) : amount,
      awardDate: at('Award Date'),
      plannedDates: [{ startDate: at('Planned Dates:Start Date'), endDate: at('Planned Dates:End Date') }],
      recipientOrganization: [{ id: at('Recipient Org:Identifier'), name: at('Recipient Org:Name'), addressLocality: at('Recipient Org:City') }],
      recipientIndividual: individual ? {} : undefined,
      fundingOrganization: [{ id: at('Funding Org:Identifier'), name: at('Funding Org:Name'), department: at('Funding Org:Department') }],
      grantProgramme: [{ title: at('Grant Programme:Title') }],
      beneficiaryLocation: [{ name: at('Beneficiary Location:Name'), geoCode: at('Beneficiary Location:Geographic Code') }],
      fundingType: [{ code: at('Funding Type:Code') }],
    };
  });
  return mapGrants(grants, (i) => body[i]!.line);
}
