// The stock ra-data-simple-rest provider on /api with the bearer token, plus the figures the API
// serves beside its resources (runway, coverage, statistics, co-funding, starting a scan).
import { addDays, format, parseISO } from 'date-fns';
import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, type DataProvider, type GetListParams, type GetListResult, type RaRecord } from 'react-admin';
import { localizeHttpError, localizeMessage } from './api/serverMessages';
import type { ErrorBody } from '../../server/contract/errorCodes';
import type {
  BurdenAnswer,
  Cofunding,
  Coverage,
  InitiativeFragmentation,
  Obligation,
  Pledge,
  PortfolioBurden,
  PortfolioFragmentation,
  PortfolioFunding,
  Runway,
  Scan,
  ScenarioChangesInput,
  WhatIfAnswer,
} from './api/types';
import { getToken } from './authProvider';
import { yearsAgoIso } from './format/dates';

export const API_URL = '/api';

export async function httpClient(url: string, options: fetchUtils.Options = {}) {
  const headers = new Headers(options.headers ?? { Accept: 'application/json' });
  const token = getToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  try {
    return await fetchUtils.fetchJson(url, { ...options, headers });
  } catch (error) {
    throw localizeHttpError(error, /\/api\/([\w-]+)/.exec(url)?.[1]);
  }
}

async function getJson<T>(path: string, query: Record<string, string | number | undefined> = {}): Promise<T> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const search = params.toString();
  const { json } = await httpClient(`${API_URL}${path}${search ? `?${search}` : ''}`);
  return json as T;
}

export type AgeBand = 'under2' | 'from2to4' | 'from4to6' | 'from6';
export const AGE_BANDS: readonly AgeBand[] = ['under2', 'from2to4', 'from4to6', 'from6'];

/** An age band as founding dates: an age of at least `from` and under `to` whole years. */
function ageBandFilter(band: AgeBand): Record<string, string> {
  const bounds: Record<AgeBand, [number, number | null]> = { under2: [0, 2], from2to4: [2, 4], from4to6: [4, 6], from6: [6, null] };
  const [from, to] = bounds[band];
  return { ...(from > 0 ? { foundedOn_lte: yearsAgoIso(from) } : {}), ...(to !== null ? { foundedOn_gt: yearsAgoIso(to) } : {}) };
}

/** "Through 24-11-2026" on a timestamp means before 25-11-2026, not before its first moment. */
function throughDay(filter: Record<string, unknown>, field: string): Record<string, unknown> {
  const { [`${field}_lte`]: through, ...rest } = filter;
  if (typeof through !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(through)) return filter;
  return { ...rest, [`${field}_lt`]: format(addDays(parseISO(through), 1), 'yyyy-MM-dd') };
}

const RISK_PAGE = 1000;

export interface VangnetDataProvider extends DataProvider {
  runway(initiativeId: number, scenario: 'committed' | 'pipeline'): Promise<Runway & { initiativeId: number }>;
  coverage(initiativeId: number, options?: { from?: number; years?: number }): Promise<Coverage>;
  fragmentation(initiativeId: number, year?: number): Promise<InitiativeFragmentation>;
  portfolioFragmentation(options: { year?: number; years?: number; groupBy?: 'funderType' | 'municipality' | 'domain' }): Promise<PortfolioFragmentation>;
  cofunding(funderId: number, options: { page: number; perPage: number; years?: number }): Promise<Cofunding>;
  /** Need and funding of the visible active initiatives over the coming `months` months (default 12). */
  portfolioFunding(options?: { asOf?: string; months?: number }): Promise<PortfolioFunding>;
  /** `full`: every initiative evaluated, also those a scan for the day would leave out. */
  startScan(options?: { asOf?: string; full?: boolean }): Promise<Scan>;
  /** Base and scenario side by side: the initiative's figures as they are and with the changes. */
  whatIf(initiativeId: number, changes: ScenarioChangesInput & { asOf?: string }): Promise<WhatIfAnswer>;
  /** Confirms a pledge: the API creates its commitment; answers the pledge. */
  confirmPledge(pledgeId: number, body: { version: number; trancheSchedule: string }): Promise<Pledge>;
  /** Marks every notification of the user read; answers how many were unread. */
  readAllNotifications(): Promise<{ read: number }>;
  /** How many records of a resource match a filter (the Content-Range total). */
  count(resource: string, filter?: Record<string, unknown>): Promise<number>;
  /** A list's filter as the API takes it (the console's own filters, such as an age band, turned into the API's). */
  apiFilter(resource: string, filter: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** Downloads a file the API makes (an export) under the name the API gives it. */
  download(path: string, query: Record<string, string | number | undefined>): Promise<void>;
  /** A funder's accept, reject (with a note) or waive of one of its obligations. */
  decideObligation(id: number, decision: 'accept' | 'reject' | 'waive', body: { version: number; note?: string }): Promise<Obligation>;
  /** The reporting burden of an initiative per year. */
  burden(initiativeId: number, options?: { from?: number; years?: number }): Promise<BurdenAnswer>;
  /** The reporting burden per funder type in a year. */
  portfolioBurden(year?: number): Promise<PortfolioBurden>;
}

/** A file a form's FileInput holds. */
interface PickedFile {
  rawFile?: File;
}

/** Uploads a report's files one by one (multipart, field `file`), after the report itself. */
async function uploadReportFiles(reportId: number, files: readonly PickedFile[]): Promise<void> {
  for (const { rawFile } of files) {
    if (!rawFile) continue;
    const form = new FormData();
    form.append('file', rawFile, rawFile.name);
    await httpClient(`${API_URL}/reports/${reportId}/files`, { method: 'POST', body: form });
  }
}

/** Saves a downloaded file as the browser saves a link's target. */
function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function createDataProvider(): VangnetDataProvider {
  const base = simpleRestProvider(API_URL, httpClient);

  /** The initiatives list takes two filters the API does not: an age band and "at five-year risk" (none at risk: `id: []`). */
  async function initiativeFilter(raw: Record<string, unknown>): Promise<Record<string, unknown>> {
    const { ageBand, atRisk, ...filter } = raw as Record<string, unknown> & { ageBand?: AgeBand; atRisk?: boolean };
    if (ageBand && AGE_BANDS.includes(ageBand)) Object.assign(filter, ageBandFilter(ageBand));
    if (atRisk) {
      const risk = await base.getList<RaRecord>('stats/risk', { pagination: { page: 1, perPage: RISK_PAGE }, sort: { field: 'riskScore', order: 'DESC' }, filter: {} });
      filter.id = risk.data.map((r) => r.id);
    }
    return filter;
  }

  async function listInitiatives(params: GetListParams): Promise<GetListResult> {
    const filter = await initiativeFilter(params.filter ?? {});
    if (Array.isArray(filter.id) && filter.id.length === 0) return { data: [], total: 0 };
    return base.getList('initiatives', { ...params, filter });
  }

  const apiFilter = async (resource: string, filter: Record<string, unknown>) =>
    resource === 'initiatives' ? initiativeFilter(filter) : resource === 'audit-events' ? throughDay(filter, 'at') : filter;

  return {
    ...base,
    // A report is submitted with its obligations, then its files go up one by one.
    create: async (resource, params) => {
      if (resource !== 'reports') return base.create(resource, params);
      const { files, ...report } = params.data as Record<string, unknown> & { files?: PickedFile[] | PickedFile };
      const created = await base.create(resource, { ...params, data: report });
      await uploadReportFiles(Number(created.data.id), Array.isArray(files) ? files : files ? [files] : []);
      return created;
    },
    getList: (resource, params) => {
      if (resource === 'risk') return base.getList('stats/risk', params);
      if (resource === 'initiatives') return listInitiatives(params);
      if (resource === 'audit-events') return base.getList(resource, { ...params, filter: throughDay(params.filter ?? {}, 'at') });
      return base.getList(resource, params);
    },
    runway: (id, scenario) => getJson(`/initiatives/${id}/runway`, { scenario }),
    coverage: (id, { from, years } = {}) => getJson(`/initiatives/${id}/coverage`, { from, years }),
    fragmentation: (id, year) => getJson(`/initiatives/${id}/fragmentation`, { year }),
    portfolioFragmentation: ({ year, years, groupBy }) => getJson('/stats/fragmentation', { year, years, groupBy }),
    cofunding: (funderId, { page, perPage, years }) =>
      getJson(`/funders/${funderId}/cofunding`, { range: JSON.stringify([(page - 1) * perPage, page * perPage - 1]), years }),
    portfolioFunding: ({ asOf, months } = {}) => getJson('/stats/funding', { asOf, months }),
    startScan: async ({ asOf, full } = {}) => {
      const { json } = await httpClient(`${API_URL}/scans`, { method: 'POST', body: JSON.stringify({ ...(asOf ? { asOf } : {}), ...(full ? { full } : {}) }) });
      return json as Scan;
    },
    whatIf: async (id, changes) => {
      const { json } = await httpClient(`${API_URL}/initiatives/${id}/what-if`, { method: 'POST', body: JSON.stringify(changes) });
      return json as WhatIfAnswer;
    },
    confirmPledge: async (id, body) => {
      const { json } = await httpClient(`${API_URL}/pledges/${id}/confirm`, { method: 'POST', body: JSON.stringify(body) });
      return json as Pledge;
    },
    readAllNotifications: async () => {
      const { json } = await httpClient(`${API_URL}/notifications/read-all`, { method: 'POST', body: '{}' });
      return json as { read: number };
    },
    decideObligation: async (id, decision, body) => {
      const { json } = await httpClient(`${API_URL}/obligations/${id}/${decision}`, { method: 'POST', body: JSON.stringify(body) });
      return json as Obligation;
    },
    burden: (id, { from, years } = {}) => getJson(`/initiatives/${id}/burden`, { from, years }),
    portfolioBurden: (year) => getJson('/stats/burden', { year }),
    apiFilter,
    download: async (path, query) => {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
      const token = getToken();
      const res = await fetch(`${API_URL}${path}?${params.toString()}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
      if (!res.ok) {
        const body = (await res.json().catch(() => ({}))) as Partial<ErrorBody>;
        throw new Error(localizeMessage(body, res.statusText));
      }
      const name = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? 'export';
      save(await res.blob(), name);
    },
    count: async (resource, filter = {}) => {
      const { total } = await base.getList(resource === 'risk' ? 'stats/risk' : resource, { pagination: { page: 1, perPage: 1 }, sort: { field: 'id', order: 'ASC' }, filter });
      return total ?? 0;
    },
  };
}

export const dataProvider = createDataProvider();
