// The OpenAPI 3.1 document of every route the app serves under /api (and /healthz, /readyz),
// generated from the contract's answer and resource schemas and the request schemas
// the routes parse with — never written by hand, so it cannot drift from what the code does.
import { z } from 'zod';
import { errorBodySchema } from '../contract/errors.js';
import { ANSWER_SCHEMAS } from '../contract/figures.js';
import { RESOURCE_CONTRACTS } from '../contract/index.js';
import { inputFields, isWritable, type ResourceContract } from '../contract/resource.js';
import { filterSchema, rangeSchema, sortSchema, type ListFacts } from '../contract/resources.js';
import { ERROR_CODES, ERROR_STATUS } from '../contract/errorCodes.js';
import { isReadOnly } from '../services/access.js';
import { cofundingList, figureQueries, riskList } from '../services/analytics.js';
import { exportQuery, grantQuery, overviewQuery } from '../services/exports.js';
import { portfolioBurdenQuery } from '../services/reporting.js';
import { obligationDecision } from '../contract/obligations.js';
import { loginBody, passwordBody } from './authRoutes.js';
import { startScanBody } from './scanRoutes.js';
import { applyImportBody, importRecordSchema } from '../contract/imports.js';
import { notificationSchema, notificationUpdateSchema } from '../contract/notifications.js';
import { notificationList } from '../services/notifications.js';
import { createdWebhook, rolledSecret, webhooks } from '../contract/webhooks.js';
import { preferences } from '../contract/users.js';
import { whatIfRequest } from '../contract/scenarios.js';
import { confirmPledgeBody } from '../contract/cofinancing.js';
import { startSimulationBody } from '../contract/simulations.js';

export type JsonSchema = Record<string, unknown>;

interface Parameter {
  name: string;
  in: 'path' | 'query';
  required?: boolean;
  description?: string;
  schema?: JsonSchema;
  content?: Record<string, { schema: JsonSchema }>;
}

interface Response {
  description: string;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
  content?: Record<string, { schema: JsonSchema }>;
}

export interface Operation {
  operationId: string;
  summary: string;
  tags: string[];
  security?: Record<string, string[]>[];
  parameters?: Parameter[];
  requestBody?: { required: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, Response | { $ref: string }>;
}

export const METHODS = ['get', 'post', 'put', 'delete'] as const;
export type Method = (typeof METHODS)[number];
export type PathItem = Partial<Record<Method, Operation>> & { description?: string };

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  tags: { name: string; description: string }[];
  security: Record<string, string[]>[];
  paths: Record<string, PathItem>;
  components: {
    schemas: Record<string, JsonSchema>;
    responses: Record<string, Response>;
    securitySchemes: Record<string, JsonSchema>;
  };
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonSchema) => ({ 'application/json': { schema } });

function plain(schema: JsonSchema): JsonSchema {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
}

/**
 * A tuple's `items: false` says what its `maxItems` already says, and Swagger UI cannot render a
 * boolean schema: dropped.
 */
function openTuples(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(openTuples);
  if (!value || typeof value !== 'object') return value;
  const entries = Object.entries(value).filter(([key, v]) => !(key === 'items' && v === false && 'prefixItems' in value && 'maxItems' in value));
  return Object.fromEntries(entries.map(([key, v]) => [key, openTuples(v)]));
}

/** A request schema as JSON Schema: what a client may send (defaults make a field optional). */
function inputSchema(schema: z.ZodType): JsonSchema {
  return openTuples(plain(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', override: withoutUndefined }) as JsonSchema)) as JsonSchema;
}

/**
 * A union with `undefined` (a field whose absence has a reason of its own, a new user's password)
 * is, in JSON, its other options: absence is what `required` says.
 */
function withoutUndefined(ctx: { zodSchema: z.core.$ZodTypes; jsonSchema: JsonSchema }): void {
  const def = ctx.zodSchema._zod.def;
  if (def.type !== 'union' || !def.options.some((o) => o._zod.def.type === 'undefined')) return;
  const kept = (ctx.jsonSchema.anyOf as JsonSchema[]).filter((_, k) => def.options[k]!._zod.def.type !== 'undefined');
  delete ctx.jsonSchema.anyOf;
  Object.assign(ctx.jsonSchema, kept.length === 1 ? kept[0] : { anyOf: kept });
}

/** `funders` → `Funder`, `audit-events` → `AuditEvent`. */
const pascal = (name: string) =>
  name
    .split('-')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');

/** A resource's record schema: its name in the singular (`webhook-deliveries` → `WebhookDelivery`). */
export function schemaName(def: ResourceContract): string {
  return pascal(def.name.replace(/ies$/, 'y').replace(/s$/, ''));
}

/** The record schemas: the contract's answers and each resource's read shape, with references between them. */
function answerSchemas(): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [name, schema] of Object.entries(ANSWER_SCHEMAS)) registry.add(schema, { id: name });
  // A scan is one shape: the resource's list and POST /api/scans answer the contract's Scan.
  for (const def of RESOURCE_CONTRACTS) if (def.name !== 'scans') registry.add(def.record, { id: schemaName(def) });
  registry.add(errorBodySchema, { id: 'Error' });
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}`, unrepresentable: 'any' });
  return Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, plain(schema as JsonSchema)]));
}

function readName(def: ResourceContract): string {
  return def.name === 'scans' ? 'Scan' : schemaName(def);
}

/** What a write takes: the input fields and, ignored, the record's read-only ones; nothing else. */
function writeSchema(def: ResourceContract, input: z.ZodType, read: JsonSchema, required: string[]): JsonSchema {
  const properties = { ...(inputSchema(input).properties as Record<string, JsonSchema>) };
  const readProperties = (read.properties ?? {}) as Record<string, JsonSchema>;
  const taken = inputFields(input);
  for (const field of Object.keys(def.fields).filter((f) => !taken.includes(f))) properties[field] = { ...readProperties[field], readOnly: true };
  return { type: 'object', properties, required, additionalProperties: false };
}

/** Create: the input fields, those without a default or an "absent means not set" required. */
function createSchema(def: ResourceContract, input: z.ZodType, read: JsonSchema): JsonSchema {
  const shape = input instanceof z.ZodObject ? (input.shape as Record<string, z.ZodType>) : {};
  return writeSchema(def, input, read, inputFields(input).filter((f) => !shape[f]!.safeParse(undefined).success));
}

/** Update: the whole record as read, `version` required; fields left out keep their value. */
function updateSchema(def: ResourceContract, input: z.ZodType, read: JsonSchema): JsonSchema {
  const schema = writeSchema(def, input, read, ['version']);
  const properties = schema.properties as Record<string, JsonSchema>;
  properties.version = { type: 'integer', description: 'the version you read: a changed record answers 409' };
  return schema;
}

/** The error responses, one per status, each naming the codes it can carry. */
function errorResponses(): Record<string, Response> {
  const byStatus = new Map<number, string[]>();
  for (const code of ERROR_CODES) byStatus.set(ERROR_STATUS[code], [...(byStatus.get(ERROR_STATUS[code]) ?? []), code]);
  return Object.fromEntries(
    [...byStatus].map(([status, codes]) => [
      String(status),
      {
        description: `An error: ${codes.map((c) => `\`${c}\``).join(', ')}`,
        ...(status === 429 || status === 503 ? { headers: { 'Retry-After': { description: 'seconds to wait', schema: { type: 'integer' } } } } : {}),
        content: json({ allOf: [ref('Error')], properties: { code: { type: 'string', enum: codes } } }),
      },
    ]),
  );
}

/** Query parameters from a request schema's properties. */
function queryParameters(schema: z.ZodType): Parameter[] {
  const js = inputSchema(schema);
  const required = new Set((js.required as string[] | undefined) ?? []);
  return Object.entries((js.properties ?? {}) as Record<string, JsonSchema>).map(([name, s]) => ({ name, in: 'query', required: required.has(name), schema: s }));
}


/** `sort`, `range` and `filter` of react-admin's ra-data-simple-rest, JSON in the query string. */
function listParameters(def: ListFacts & Pick<ResourceContract, 'defaultSort'>): Parameter[] {
  const jsonParam = (name: string, schema: z.ZodType, description: string): Parameter => ({ name, in: 'query', description, content: json(inputSchema(schema)) });
  return [
    jsonParam('sort', sortSchema(def), `["field","ASC"|"DESC"]; default ${JSON.stringify(def.defaultSort)}`),
    jsonParam('range', rangeSchema, '[first, last], zero-based; default [0,999]'),
    jsonParam('filter', filterSchema(def), 'field → a value, an array of values (any of them) or null; dates and numbers also field_gte, field_lte, field_gt, field_lt'),
  ];
}

const contentRange = (name: string) => ({
  'Content-Range': { description: `\`${name} 0-24/319\`: the page and the total; \`${name} */0\` for an empty page`, schema: { type: 'string' } },
});

const FILE_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};

/** A download: an xlsx workbook or a CSV file in Dutch Excel's dialect, named in Content-Disposition. */
function fileAnswer(description: string, types: readonly (keyof typeof FILE_TYPES)[] = ['xlsx', 'csv']): Record<string, Response> {
  return {
    '200': {
      description,
      headers: { 'Content-Disposition': { description: '`attachment; filename="toezeggingen-2026-11-30.xlsx"`: a Dutch (or, with lang=en, English) name and today', schema: { type: 'string' } } },
      content: Object.fromEntries(types.map((t) => [FILE_TYPES[t], { schema: { type: 'string', contentMediaType: FILE_TYPES[t] } }])),
    },
  };
}

/** `format` and `lang` of every export. */
const exportParameters = (): Parameter[] => queryParameters(exportQuery);

const idParameter: Parameter = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } };

/** What every API route can answer besides its own: an unreadable path, a fault, a busy database. */
const ALWAYS = [400, 500, 503];
const AUTHED = [...ALWAYS, 401];
const WITH_BODY = [413, 415];

function errorsFor(statuses: readonly number[]): Record<string, { $ref: string }> {
  return Object.fromEntries([...new Set(statuses)].sort().map((s) => [String(s), { $ref: `#/components/responses/${s}` }]));
}

function operation(op: Omit<Operation, 'responses'> & { ok: Record<string, Response>; errors: readonly number[]; public?: boolean }): Operation {
  const { ok, errors, public: isPublic, ...rest } = op;
  return { ...rest, ...(isPublic ? { security: [] } : {}), responses: { ...ok, ...errorsFor(errors) } };
}

function resourcePaths(def: ResourceContract, read: JsonSchema, schemas: Record<string, JsonSchema>): Record<string, PathItem> {
  const tag = def.name;
  const name = readName(def);
  const record = ref(name);
  const adminOnly = isReadOnly(def.name) && def.name !== 'gaps' ? [403] : [];
  const list: PathItem = {
    get: operation({
      operationId: `list${pascal(def.name)}`,
      summary: `List ${def.name}`,
      tags: [tag],
      parameters: listParameters(def),
      ok: { '200': { description: `A page of ${def.name}`, headers: contentRange(def.name), content: json({ type: 'array', items: record }) } },
      errors: [...AUTHED, 403],
    }),
  };
  const one: PathItem = {
    get: operation({
      operationId: `get${schemaName(def)}`,
      summary: `One of ${def.name}`,
      tags: [tag],
      parameters: [idParameter],
      ok: { '200': { description: 'The record', content: json(record) } },
      errors: [...AUTHED, ...adminOnly, 404],
    }),
  };
  const exported: PathItem = {
    get: operation({
      operationId: `export${pascal(def.name)}`,
      summary: `Export the list of ${def.name} as xlsx or CSV (the list's filter, sort and access; Dutch or English headers and labels, euros, dates, names beside ids)`,
      tags: [tag],
      parameters: [...exportParameters(), ...listParameters(def).filter((p) => p.name !== 'range')],
      ok: fileAnswer(`Every ${def.name} record the list would show, streamed`),
      errors: [...AUTHED, 403],
    }),
  };
  const exportPath = { [`/api/${def.name}/export`]: exported };
  if (isReadOnly(def.name) || !isWritable(def)) {
    const readOnly = `${def.name} are read-only here: a write not listed answers 405.`;
    return { [`/api/${def.name}`]: { description: readOnly, ...list }, ...exportPath, [`/api/${def.name}/{id}`]: { description: readOnly, ...one } };
  }
  const create = `${schemaName(def)}Create`;
  const update = `${schemaName(def)}Update`;
  schemas[create] = createSchema(def, def.create, read);
  schemas[update] = updateSchema(def, def.update, read);
  list.post = operation({
    operationId: `create${schemaName(def)}`,
    summary: `Create one of ${def.name}`,
    tags: [tag],
    requestBody: { required: true, content: json(ref(create)) },
    ok: { '201': { description: 'The new record', content: json(record) } },
    errors: [...AUTHED, ...WITH_BODY, 403, 409, 422],
  });
  one.put = operation({
    operationId: `update${schemaName(def)}`,
    summary: `Update one of ${def.name}`,
    tags: [tag],
    parameters: [idParameter],
    requestBody: { required: true, content: json(ref(update)) },
    ok: { '200': { description: 'The record as it is now', content: json(record) } },
    errors: [...AUTHED, ...WITH_BODY, 403, 404, 409, 422],
  });
  one.delete = operation({
    operationId: `delete${schemaName(def)}`,
    summary: `Delete one of ${def.name}`,
    tags: [tag],
    parameters: [idParameter, { name: 'version', in: 'query', description: 'the version you read: a changed record answers 409 (also as a body `{"version":3}`)', schema: { type: 'integer' } }],
    ok: { '200': { description: 'The deleted record', content: json(record) } },
    errors: [...AUTHED, ...WITH_BODY, 403, 404, 409],
  });
  return { [`/api/${def.name}`]: list, ...exportPath, [`/api/${def.name}/{id}`]: one };
}

function figure(operationId: string, summary: string, tag: string, parameters: Parameter[], answer: JsonSchema, errors: readonly number[], headers?: Response['headers']): PathItem {
  return {
    get: operation({
      operationId,
      summary,
      tags: [tag],
      parameters,
      ok: { '200': { description: summary, ...(headers ? { headers } : {}), content: json(answer) } },
      errors: [...AUTHED, ...errors],
    }),
  };
}

function figurePaths(): Record<string, PathItem> {
  const initiative = (name: string, summary: string, query: z.ZodType, answer: string) =>
    figure(`${name}OfInitiative`, summary, 'figures', [idParameter, ...queryParameters(query)], ref(answer), [404]);
  const asOf = queryParameters(figureQueries.asOf);
  const download = (operationId: string, summary: string, parameters: Parameter[], errors: readonly number[], types?: readonly (keyof typeof FILE_TYPES)[]): PathItem => ({
    get: operation({ operationId, summary, tags: ['figures'], parameters, ok: fileAnswer(summary, types), errors: [...AUTHED, ...errors] }),
  });
  const withoutRange = (parameters: Parameter[]) => parameters.filter((p) => p.name !== 'range');
  return {
    '/api/initiatives/{id}/overview.xlsx': download(
      'overviewOfInitiative',
      "An initiative's multi-year overview workbook: funders by year (committed, pipeline), need (estimated years marked *) and coverage, runway by month, open gaps explained",
      [idParameter, ...queryParameters(overviewQuery)],
      [404],
      ['xlsx'],
    ),
    '/api/funders/{id}/cofunding/export': download(
      'exportCofundingOfFunder',
      "A funder's co-financing table as xlsx or CSV, every initiative",
      [idParameter, ...exportParameters(), ...queryParameters(figureQueries.cofunding), ...withoutRange(listParameters(cofundingList))],
      [404],
    ),
    '/api/stats/fragmentation/export': download(
      'exportPortfolioFragmentation',
      'Portfolio fragmentation per group and year, and of the whole portfolio, as xlsx or CSV',
      [...exportParameters(), ...queryParameters(figureQueries.portfolio)],
      [],
    ),
    '/api/stats/risk/export': download('exportRiskList', 'The risk list as xlsx or CSV, every entry', [...exportParameters(), ...asOf, ...withoutRange(listParameters(riskList))], []),
    '/api/initiatives/{id}/runway': initiative('runway', "An initiative's runway, month by month", figureQueries.runway, 'Runway'),
    '/api/initiatives/{id}/coverage': initiative('coverage', "An initiative's coverage per year and funder", figureQueries.coverage, 'Coverage'),
    '/api/initiatives/{id}/fragmentation': initiative('fragmentation', "An initiative's funding fragmentation in a year", figureQueries.fragmentation, 'Fragmentation'),
    '/api/funders/{id}/cofunding': figure(
      'cofundingOfFunder',
      "A funder's co-financing table: its initiatives, their other funders, coverage and open gaps",
      'figures',
      [idParameter, ...queryParameters(figureQueries.cofunding), ...listParameters(cofundingList)],
      ref('Cofunding'),
      [404],
      contentRange('cofunding'),
    ),
    '/api/stats/fragmentation': figure('portfolioFragmentation', 'Portfolio fragmentation per group and year', 'figures', queryParameters(figureQueries.portfolio), ref('PortfolioFragmentation'), []),
    '/api/stats/funding': figure('portfolioFunding', 'Need, committed and pipeline funding over the coming months', 'figures', queryParameters(figureQueries.funding), ref('PortfolioFunding'), []),
    '/api/stats/risk': figure(
      'riskList',
      'The initiatives at risk around year five, riskiest first',
      'figures',
      [...asOf, ...listParameters(riskList)],
      { type: 'array', items: ref('RiskEntry') },
      [],
      {
        ...contentRange('risk'),
        'Vangnet-Computed': {
          description: '`kept`: read from the figures the scans kept for this asOf; `live`: computed for this request (README "Kept figures")',
          schema: { type: 'string', enum: ['kept', 'live'] },
        },
      },
    ),
  };
}

function grantExportPaths(): Record<string, PathItem> {
  const grants = (format: 'json' | 'csv', summary: string, type: string): PathItem => ({
    get: operation({
      operationId: `threeSixtyGiving${format === 'json' ? 'Json' : 'Csv'}`,
      summary,
      tags: ['exports'],
      parameters: queryParameters(grantQuery),
      ok: {
        '200': {
          description: 'One grant per committed or completed commitment you may see whose period overlaps from..to, streamed',
          headers: { 'Content-Disposition': { description: '`attachment; filename="360giving-vangnet-2026-11-30.json"`', schema: { type: 'string' } } },
          content: { [type]: { schema: { type: format === 'json' ? 'object' : 'string' } } },
        },
      },
      errors: AUTHED,
    }),
  });
  return {
    '/api/exports/360giving.json': grants('json', 'The commitments as a 360Giving data package (schema 1.4.3)', 'application/json'),
    '/api/exports/360giving.csv': grants('csv', "The commitments in 360Giving's flat CSV form (schema titles joined by \":\")", 'text/csv'),
  };
}

function authPaths(schemas: Record<string, JsonSchema>): Record<string, PathItem> {
  schemas.LoginInput = inputSchema(loginBody);
  schemas.PasswordChange = inputSchema(passwordBody);
  const noContent = { '204': { description: 'Done' } };
  return {
    '/api/auth/login': {
      post: operation({
        operationId: 'login',
        summary: 'Log in: a bearer token and the user',
        tags: ['auth'],
        public: true,
        requestBody: { required: true, content: json(ref('LoginInput')) },
        ok: { '200': { description: 'The session', content: json(ref('Login')) } },
        errors: [...ALWAYS, ...WITH_BODY, 401, 429],
      }),
    },
    '/api/auth/logout': { post: operation({ operationId: 'logout', summary: 'End this session', tags: ['auth'], ok: noContent, errors: AUTHED }) },
    '/api/auth/me': {
      get: operation({ operationId: 'me', summary: 'The logged-in user', tags: ['auth'], ok: { '200': { description: 'The user', content: json(ref('SessionUser')) } }, errors: AUTHED }),
    },
    '/api/auth/password': {
      put: operation({
        operationId: 'changePassword',
        summary: 'Change your own password (ends your other sessions)',
        tags: ['auth'],
        requestBody: { required: true, content: json(ref('PasswordChange')) },
        ok: noContent,
        errors: [...AUTHED, ...WITH_BODY],
      }),
    },
    '/api/auth/dashboard-cookie': {
      post: operation({
        operationId: 'dashboardCookie',
        summary: "The session as an HttpOnly cookie for the admins' queue dashboard at /admin/queues",
        tags: ['auth'],
        ok: noContent,
        errors: [...AUTHED, 403],
      }),
    },
  };
}

function servicePaths(schemas: Record<string, JsonSchema>): Record<string, PathItem> {
  schemas.ScanStart = inputSchema(startScanBody);
  return {
    '/healthz': {
      get: operation({ operationId: 'health', summary: 'The process answers', tags: ['service'], public: true, ok: { '200': { description: 'Alive', content: json(ref('Health')) } }, errors: [500] }),
    },
    '/readyz': {
      get: operation({
        operationId: 'ready',
        summary: 'PostgreSQL and Redis answer',
        tags: ['service'],
        public: true,
        ok: { '200': { description: 'Ready', content: json(ref('Readiness')) }, '503': { description: 'Not ready', content: json(ref('Readiness')) } },
        errors: [500],
      }),
    },
    '/api/openapi.json': {
      get: operation({ operationId: 'openApi', summary: 'This document', tags: ['service'], public: true, ok: { '200': { description: 'OpenAPI 3.1', content: json({ type: 'object' }) } }, errors: ALWAYS }),
    },
    '/api/docs': {
      get: operation({ operationId: 'apiDocs', summary: 'The reference page of this document', tags: ['service'], public: true, ok: { '200': { description: 'HTML', content: { 'text/html': { schema: { type: 'string' } } } } }, errors: ALWAYS }),
    },
    '/api/docs/init.js': {
      get: operation({ operationId: 'apiDocsScript', summary: "The reference page's own script", tags: ['service'], public: true, ok: { '200': { description: 'JavaScript', content: { 'text/javascript': { schema: { type: 'string' } } } } }, errors: ALWAYS }),
    },
    '/api/scans': {
      post: operation({
        operationId: 'startScan',
        summary: 'Start a portfolio scan (admins)',
        tags: ['scans'],
        requestBody: { required: false, content: json(ref('ScanStart')) },
        ok: { '202': { description: 'The queued scan', content: json(ref('Scan')) } },
        errors: [...AUTHED, ...WITH_BODY, 403],
      }),
    },
  };
}

function planningPaths(schemas: Record<string, JsonSchema>): Record<string, PathItem> {
  schemas.WhatIfRequest = inputSchema(whatIfRequest);
  schemas.PledgeConfirm = inputSchema(confirmPledgeBody);
  schemas.SimulationStart = inputSchema(startSimulationBody);
  return {
    '/api/simulations': {
      post: operation({
        operationId: 'startSimulation',
        summary: 'Start a policy simulation over the whole portfolio (admins): extend_short_term, renew_expiring or raise_max_funding_years; its progress and result on the record',
        tags: ['simulations'],
        requestBody: { required: true, content: json(ref('SimulationStart')) },
        ok: { '202': { description: 'The queued simulation', content: json(ref('Simulation')) } },
        errors: [...AUTHED, ...WITH_BODY, 400, 403, 503],
      }),
    },
    '/api/pledges/{id}/confirm': {
      post: operation({
        operationId: 'confirmPledge',
        summary: "Confirm a pledge (its funder or an admin): creates the funder's commitment over the round's period in the same transaction; a match only after the pledge it matches",
        tags: ['pledges'],
        parameters: [idParameter],
        requestBody: { required: true, content: json(ref('PledgeConfirm')) },
        ok: { '200': { description: 'The confirmed pledge, naming its commitment', content: json(ref('Pledge')) } },
        errors: [...AUTHED, ...WITH_BODY, 400, 403, 404, 409, 422],
      }),
    },
    '/api/initiatives/{id}/what-if': {
      post: operation({
        operationId: 'whatIfOfInitiative',
        summary: "An initiative's runway, coverage and gaps as they are and with the changes of a scenario, side by side; nothing is saved",
        tags: ['figures'],
        parameters: [idParameter],
        requestBody: { required: false, content: json(ref('WhatIfRequest')) },
        ok: { '200': { description: 'Base and scenario', content: json(ref('WhatIf')) } },
        errors: [...AUTHED, ...WITH_BODY, 404],
      }),
    },
  };
}

function importPaths(schemas: Record<string, JsonSchema>): Record<string, PathItem> {
  schemas.Import = plain(z.toJSONSchema(importRecordSchema, { unrepresentable: 'any' }) as JsonSchema);
  schemas.ImportApply = inputSchema(applyImportBody);
  const tags = ['imports'];
  return {
    '/api/imports/template.xlsx': {
      get: operation({
        operationId: 'importTemplate',
        summary: 'The import template: an explanation sheet and one sheet per resource with Dutch headers, an example row and drop-down lists',
        tags,
        ok: { '200': { description: 'The workbook', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } } } } },
        errors: AUTHED,
      }),
    },
    '/api/imports': {
      get: operation({
        operationId: 'listImports',
        summary: 'Your imports, newest first (an admin: everyone\'s), without their rows',
        tags,
        ok: { '200': { description: 'The imports', content: json({ type: 'array', items: ref('Import') }) } },
        errors: AUTHED,
      }),
      post: operation({
        operationId: 'uploadImport',
        summary: 'Upload an .xlsx, .csv or 360Giving .json/.csv file (multipart, field `file`, at most 20 MB; a CSV may name its sheet in the field `sheet`): the preview per sheet and row; nothing is written yet',
        tags,
        requestBody: {
          required: true,
          content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' }, sheet: { type: 'string' } }, required: ['file'] } } },
        },
        ok: { '201': { description: 'The import with its preview (status `previewing` while a job reads a large file)', content: json(ref('Import')) } },
        errors: [...AUTHED, ...WITH_BODY],
      }),
    },
    '/api/imports/{id}': {
      get: operation({
        operationId: 'getImport',
        summary: 'One of your imports with its preview or result, and its progress while a job runs',
        tags,
        parameters: [idParameter],
        ok: { '200': { description: 'The import', content: json(ref('Import')) } },
        errors: [...AUTHED, 404],
      }),
    },
    '/api/imports/{id}/apply': {
      post: operation({
        operationId: 'applyImport',
        summary: 'Apply a previewed import in one transaction, through the rules, access, audit and rescans of the API (`skipErrors`: only the good rows)',
        tags,
        parameters: [idParameter],
        requestBody: { required: false, content: json(ref('ImportApply')) },
        ok: { '200': { description: 'The import, applied (or `applying` while a job applies a large file)', content: json(ref('Import')) } },
        errors: [...AUTHED, ...WITH_BODY, 403, 404, 409, 422],
      }),
    },
  };
}

function notificationPaths(schemas: Record<string, JsonSchema>): Record<string, PathItem> {
  schemas.Notification = plain(z.toJSONSchema(notificationSchema, { unrepresentable: 'any' }) as JsonSchema);
  schemas.NotificationUpdate = inputSchema(notificationUpdateSchema);
  const tags = ['notifications'];
  return {
    '/api/notifications': {
      get: operation({
        operationId: 'listNotifications',
        summary: 'Your notifications, newest first: the events you are told of (`filter={"read":false}` for the unread ones)',
        tags,
        parameters: listParameters(notificationList),
        ok: { '200': { description: 'The notifications', headers: contentRange('notifications'), content: json({ type: 'array', items: ref('Notification') }) } },
        errors: AUTHED,
      }),
    },
    '/api/notifications/read-all': {
      post: operation({
        operationId: 'readAllNotifications',
        summary: 'Mark every notification you have now read; answers how many were unread',
        tags,
        ok: { '200': { description: 'How many were unread', content: json({ type: 'object', properties: { read: { type: 'integer' } }, required: ['read'] }) } },
        errors: AUTHED,
      }),
    },
    '/api/notifications/{id}': {
      get: operation({
        operationId: 'getNotification',
        summary: 'One of your notifications',
        tags,
        parameters: [idParameter],
        ok: { '200': { description: 'The notification', content: json(ref('Notification')) } },
        errors: [...AUTHED, 404],
      }),
      put: operation({
        operationId: 'readNotification',
        summary: 'Mark one of your notifications read (`{"read":true}`; the other fields of the record are ignored)',
        tags,
        parameters: [idParameter],
        requestBody: { required: true, content: json(ref('NotificationUpdate')) },
        ok: { '200': { description: 'The notification, read', content: json(ref('Notification')) } },
        errors: [...AUTHED, ...WITH_BODY, 404],
      }),
    },
  };
}

/** The webhook routes beyond the resource's own: the create answers the secret once, the test event, the roll of the secret. */
function webhookPaths(schemas: Record<string, JsonSchema>, resourceItem: PathItem | undefined): Record<string, PathItem> {
  schemas.CreatedWebhook = plain(z.toJSONSchema(createdWebhook, { unrepresentable: 'any' }) as JsonSchema);
  schemas.RolledSecret = plain(z.toJSONSchema(rolledSecret, { unrepresentable: 'any' }) as JsonSchema);
  const tags = [webhooks.name];
  const urlRule = 'the URL must be https and must not name a loopback, private, link-local or metadata address (400 `webhook.https_only`, `webhook.private_address`) unless the server runs with WEBHOOK_ALLOW_PRIVATE=true';
  return {
    '/api/webhooks': {
      ...resourceItem,
      post: operation({
        operationId: 'createWebhook',
        summary: `Create a webhook; the answer holds its signing secret, this once: keep it now. As on update, ${urlRule}`,
        tags,
        requestBody: { required: true, content: json(ref('WebhookCreate')) },
        ok: { '201': { description: 'The new webhook and its secret', content: json(ref('CreatedWebhook')) } },
        errors: [...AUTHED, ...WITH_BODY, 403, 409, 422],
      }),
    },
    '/api/webhooks/{id}/test': {
      post: operation({
        operationId: 'sendWebhookTest',
        summary: 'Send a test event (type `webhook.test`) to the webhook once, even when it is switched off; answers the delivery, whose status shows how it went',
        tags,
        parameters: [idParameter],
        ok: { '202': { description: 'The queued delivery', content: json(ref('WebhookDelivery')) } },
        errors: [...AUTHED, 403, 404],
      }),
    },
    '/api/webhooks/{id}/secret': {
      post: operation({
        operationId: 'rollWebhookSecret',
        summary: 'Give the webhook a new signing secret, answered this once; the old one stops signing at once',
        tags,
        parameters: [idParameter],
        ok: { '200': { description: 'The new secret', content: json(ref('RolledSecret')) } },
        errors: [...AUTHED, 403, 404],
      }),
    },
  };
}

function digestPaths(schemas: Record<string, JsonSchema>): Record<string, PathItem> {
  schemas.Preferences = inputSchema(preferences);
  const tags = ['digests'];
  const token: Parameter = { name: 'token', in: 'query', required: true, description: 'The signed token of the link in the e-mail', schema: { type: 'string' } };
  const html = (description: string) => ({ description, content: { 'text/html': { schema: { type: 'string' } } } });
  return {
    '/api/me/preferences': {
      get: operation({ operationId: 'getPreferences', summary: 'Your own language and e-mail digest (daily, weekly, off)', tags, ok: { '200': { description: 'Your preferences', content: json(ref('Preferences')) } }, errors: AUTHED }),
      put: operation({
        operationId: 'setPreferences',
        summary: 'Change your own language and e-mail digest',
        tags,
        requestBody: { required: true, content: json(ref('Preferences')) },
        ok: { '200': { description: 'Your preferences', content: json(ref('Preferences')) } },
        errors: [...AUTHED, ...WITH_BODY],
      }),
    },
    '/api/unsubscribe': {
      get: operation({
        operationId: 'unsubscribePage',
        summary: "The unsubscribe link of a digest: a page in the user's language with a confirm button (no login)",
        tags,
        public: true,
        parameters: [token],
        ok: { '200': html('The page'), '400': html('The token is not valid (`unsubscribe.invalid_token`)') },
        errors: [500, 503],
      }),
      post: operation({
        operationId: 'unsubscribe',
        summary: 'One-click unsubscribe (RFC 8058, body `List-Unsubscribe=One-Click`): the digest is switched off, no login',
        tags,
        public: true,
        parameters: [token],
        ok: { '200': { description: 'Unsubscribed (an HTML page when a browser asks for one)', content: json({ type: 'object', properties: { digest: { const: 'off' } }, required: ['digest'] }) } },
        errors: [...ALWAYS, ...WITH_BODY],
      }),
    },
    '/api/digests/run': {
      post: operation({
        operationId: 'runDigests',
        summary: "Send the digests of the present period now (admins; the scheduled run of the period then finds them made)",
        tags,
        ok: { '202': { description: 'Queued', content: json({ type: 'object', properties: { queued: { type: 'boolean' } }, required: ['queued'] }) } },
        errors: [...AUTHED, 403],
      }),
    },
  };
}

function reportingPaths(schemas: Record<string, JsonSchema>): Record<string, PathItem> {
  schemas.ObligationDecision = inputSchema(obligationDecision);
  const decide = (decision: string, summary: string): PathItem => ({
    post: operation({
      operationId: `${decision}Obligation`,
      summary,
      tags: ['obligations'],
      parameters: [idParameter],
      requestBody: { required: true, content: json(ref('ObligationDecision')) },
      ok: { '200': { description: 'The obligation', content: json(ref('Obligation')) } },
      errors: [...AUTHED, ...WITH_BODY, 403, 404, 409, 422],
    }),
  });
  return {
    '/api/obligations/{id}/accept': decide('accept', 'Accept a submitted obligation (its funder or an admin)'),
    '/api/obligations/{id}/reject': decide('reject', 'Reject a submitted obligation, saying why in `note` (its funder or an admin); the initiative answers it again'),
    '/api/obligations/{id}/waive': decide('waive', 'Waive an obligation still owed or submitted (its funder or an admin)'),
    '/api/reports/{id}/files': {
      post: operation({
        operationId: 'addReportFile',
        summary: "Attach a file to a report (multipart, field `file`, at most 10 MB): PDF, DOCX, XLSX, ODT, PNG or JPEG, the type checked from the content; the name's extension must fit it",
        tags: ['reports'],
        parameters: [idParameter],
        requestBody: { required: true, content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } } } },
        ok: { '201': { description: 'The file record', content: json(ref('ReportFile')) } },
        errors: [...AUTHED, ...WITH_BODY, 403, 404],
      }),
    },
    '/api/report-files/{id}/content': {
      get: operation({
        operationId: 'downloadReportFile',
        summary: "A report's file as an attachment, under the report's access rule",
        tags: ['report-files'],
        parameters: [idParameter],
        ok: { '200': { description: 'The file', headers: { 'Content-Disposition': { description: '`attachment; filename="verslag.pdf"`', schema: { type: 'string' } } }, content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } } },
        errors: [...AUTHED, 404],
      }),
    },
    '/api/initiatives/{id}/burden': figure('burdenOfInitiative', "An initiative's reporting burden per year: obligations due, funders asking them, obligations per € 10.000 committed", 'figures', [idParameter, ...queryParameters(figureQueries.coverage)], ref('Burden'), [404]),
    '/api/stats/burden': figure('portfolioBurden', 'The reporting burden per funder type over the active initiatives you may see, in a year', 'figures', queryParameters(portfolioBurdenQuery), ref('PortfolioBurden'), []),
  };
}

function build(): OpenApiDocument {
  const schemas = answerSchemas();
  const paths: Record<string, PathItem> = {
    ...servicePaths(schemas),
    ...authPaths(schemas),
    ...figurePaths(),
    ...importPaths(schemas),
    ...notificationPaths(schemas),
    ...digestPaths(schemas),
    ...grantExportPaths(),
    ...reportingPaths(schemas),
    ...planningPaths(schemas),
  };
  for (const def of RESOURCE_CONTRACTS) {
    for (const [path, item] of Object.entries(resourcePaths(def, schemas[readName(def)] ?? {}, schemas))) paths[path] = { ...paths[path], ...item };
  }
  Object.assign(paths, webhookPaths(schemas, paths['/api/webhooks']));
  return {
    openapi: '3.1.0',
    info: {
      title: 'Vangnet API',
      version: '1',
      description:
        "JSON in the conventions of react-admin's ra-data-simple-rest. Money is integer euro cents, dates `YYYY-MM-DD`. Log in with `POST /api/auth/login` and send `Authorization: Bearer <token>`. Errors carry stable codes (`code`, `codes`); branch on those, never on the English texts.",
    },
    servers: [{ url: '/' }],
    tags: [
      ...RESOURCE_CONTRACTS.map((d) => ({ name: d.name, description: `The ${d.name} resource` })),
      { name: 'figures', description: 'Runway, coverage, fragmentation, co-financing and portfolio statistics' },
      { name: 'imports', description: 'Spreadsheet and 360Giving imports: template, preview, apply' },
      { name: 'exports', description: 'Files for other systems: 360Giving' },
      { name: 'auth', description: 'Sessions and passwords' },
      { name: 'service', description: 'Health, readiness and this reference' },
    ],
    security: [{ bearer: [] }],
    paths,
    components: {
      schemas,
      responses: errorResponses(),
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'the token `POST /api/auth/login` answers' } },
    },
  };
}

let cached: OpenApiDocument | undefined;

/** The document, built once per process. */
export function openApiDocument(): OpenApiDocument {
  cached ??= build();
  return cached;
}
