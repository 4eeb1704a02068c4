// GET /api/openapi.json and /api/docs: the document is OpenAPI 3.1 whose every reference
// resolves, lists exactly the routes the app serves, and describes what the app really answers.
import { expect } from 'chai';
import { z } from 'zod';
import type { JsonSchema, OpenApiDocument, Operation } from '../../server/http/openapi.js';
import { METHODS } from '../../server/http/openapi.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { adminToken, makeBudget, makeCommitment, makeFunder, makeInitiative, makeTranche, TEST_PASSWORD } from '../support/factories.js';
import { collectRoutes } from '../support/routes.js';

/** Every `$ref` in the document, with where it sits. */
function refsOf(value: unknown, at: string, out: { at: string; ref: string }[] = []): { at: string; ref: string }[] {
  if (Array.isArray(value)) value.forEach((v, i) => refsOf(v, `${at}/${i}`, out));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === '$ref' && typeof v === 'string') out.push({ at, ref: v });
      else refsOf(v, `${at}/${key}`, out);
    }
  }
  return out;
}

function resolve(doc: OpenApiDocument, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = doc;
  for (const segment of ref.slice(2).split('/')) {
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[segment.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  }
  return node;
}

/** A schema of the document as a validator: its references to components become `$defs`. */
function validator(doc: OpenApiDocument, schema: JsonSchema): z.ZodType {
  const local = <T>(s: T) => JSON.parse(JSON.stringify(s).replaceAll('"#/components/schemas/', '"#/$defs/')) as T;
  return z.fromJSONSchema({ ...local(schema), $defs: local(doc.components.schemas) } as z.core.JSONSchema.JSONSchema);
}

function operations(doc: OpenApiDocument): { method: string; path: string; op: Operation }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) => METHODS.flatMap((m) => (item[m] ? [{ method: m, path, op: item[m] }] : [])));
}

function answerSchema(doc: OpenApiDocument, method: 'get' | 'post', path: string, status: string): JsonSchema {
  const response = doc.paths[path]?.[method]?.responses[status];
  const schema = response && 'content' in response ? response.content?.['application/json']?.schema : undefined;
  if (!schema) throw new Error(`no ${status} JSON answer for ${method} ${path}`);
  return schema;
}

describe('api: the OpenAPI document and reference page', () => {
  let app: TestApp;
  let doc: OpenApiDocument;

  before(async () => {
    app = await startTestApp();
    const res = await app.request<OpenApiDocument>('GET', '/api/openapi.json');
    expect(res.status).to.equal(200);
    doc = res.body;
  });

  after(async () => {
    await app.close();
  });

  it('is an OpenAPI 3.1 document with a bearer scheme and an error body', () => {
    expect(doc.openapi).to.equal('3.1.0');
    expect(doc.info.title).to.be.a('string').and.not.empty;
    expect(doc.info.version).to.be.a('string').and.not.empty;
    expect(doc.components.securitySchemes.bearer).to.deep.include({ type: 'http', scheme: 'bearer' });
    expect(doc.security).to.deep.equal([{ bearer: [] }]);
    expect(Object.keys((doc.components.schemas.Error ?? {}).properties as object)).to.include.members(['message', 'code', 'errors', 'codes']);
    const ids = operations(doc).map(({ op }) => op.operationId);
    expect(new Set(ids).size, 'operationIds are unique').to.equal(ids.length);
    for (const { method, path, op } of operations(doc)) {
      const where = `${method} ${path}`;
      expect(path, where).to.match(/^\//);
      expect(Object.keys(op.responses).some((s) => /^2\d\d$/.test(s)), `${where} answers a 2xx`).to.equal(true);
      for (const status of Object.keys(op.responses)) expect(status, where).to.match(/^[1-5]\d\d$/);
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const inPath = (op.parameters ?? []).filter((p) => p.in === 'path');
      expect(inPath.map((p) => p.name), `${where}: its path parameters`).to.deep.equal(templated);
      for (const p of inPath) expect(p.required, `${where}: ${p.name} is required`).to.equal(true);
      for (const p of op.parameters ?? []) expect(Boolean(p.schema) !== Boolean(p.content), `${where}: ${p.name} has a schema or a content`).to.equal(true);
    }
  });

  it('resolves every $ref and every component schema is a usable JSON Schema', () => {
    const refs = refsOf(doc, '#');
    expect(refs.length).to.be.greaterThan(50);
    for (const { at, ref } of refs) expect(resolve(doc, ref), `${ref} at ${at}`).to.not.equal(undefined);
    for (const [name, schema] of Object.entries(doc.components.schemas)) expect(() => validator(doc, schema), name).to.not.throw();
  });

  it('documents every route the app serves under /api, and no route it does not serve', () => {
    const served = collectRoutes(app.app)
      .filter((r) => / \/api(\/|$)/.test(r) || / \/(healthz|readyz)$/.test(r))
      .map((r) => r.replace(/:(\w+)/g, '{$1}'));
    // `ALL` routes answer 405 to the writes of a read-only resource: their paths must be documented.
    const documentedPaths = new Set(Object.keys(doc.paths));
    for (const route of served.filter((r) => r.startsWith('ALL '))) expect(documentedPaths.has(route.slice(4)), route).to.equal(true);
    const servedOps = served.filter((r) => !r.startsWith('ALL ')).sort();
    const documentedOps = operations(doc)
      .map(({ method, path }) => `${method.toUpperCase()} ${path}`)
      .sort();
    expect(documentedOps).to.deep.equal(servedOps);
  });

  it('is public, and so is a reference page that loads only files of this server', async () => {
    const page = await app.request<string>('GET', '/api/docs', { headers: { accept: 'text/html' } });
    expect(page.status).to.equal(200);
    expect(page.headers.get('content-type')).to.match(/^text\/html/);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).to.match(/script-src 'self'(;|$)/);
    const urls = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(urls).to.have.length.greaterThan(2);
    for (const url of urls) {
      expect(url, 'a file of this server').to.match(/^\/api\/docs\//);
      const res = await fetch(app.url + url);
      expect(res.status, url).to.equal(200);
      await res.arrayBuffer();
    }
    const init = await fetch(`${app.url}/api/docs/init.js`).then((r) => r.text());
    expect(init).to.include("url: '/api/openapi.json'");
    expect(init).to.include('validatorUrl: null');
  });

  describe('real answers fit the document', () => {
    let admin: string;
    let initiativeId: number;
    let funderId: number;

    before(async () => {
      admin = await adminToken(app.db);
      funderId = await makeFunder(app.db);
      initiativeId = await makeInitiative(app.db, { reservesCents: 50_000 });
      await makeBudget(app.db, initiativeId, { year: 2028, amountCents: 366_000 });
      const commitmentId = await makeCommitment(app.db, initiativeId, funderId);
      await makeTranche(app.db, commitmentId);
    });

    const fits = (schema: JsonSchema, body: unknown) => {
      const result = validator(doc, schema).safeParse(body);
      expect(result.success, JSON.stringify(result.error?.issues.slice(0, 3))).to.equal(true);
    };

    it('a runway answers the Runway schema', async () => {
      const res = await app.request('GET', `/api/initiatives/${initiativeId}/runway?asOf=2028-01-15`, { token: admin });
      expect(res.status).to.equal(200);
      const schema = answerSchema(doc, 'get', '/api/initiatives/{id}/runway', '200');
      fits(schema, res.body);
      const { runwayMonths: _dropped, ...missing } = res.body as Record<string, unknown>;
      expect(validator(doc, schema).safeParse(missing).success, 'a runway without runwayMonths').to.equal(false);
      expect(validator(doc, schema).safeParse({ ...missing, runwayMonths: 1.5 }).success, 'a runway of 1.5 months').to.equal(false);
    });

    it('a commitment list answers an array of the Commitment schema', async () => {
      const res = await app.request<unknown[]>('GET', `/api/commitments?filter=${encodeURIComponent(JSON.stringify({ initiativeId }))}`, { token: admin });
      expect(res.status).to.equal(200);
      expect(res.body).to.have.length(1);
      fits(answerSchema(doc, 'get', '/api/commitments', '200'), res.body);
    });

    it('a record as read is a valid update, and a create the API takes is a valid create', async () => {
      const list = await app.request<Record<string, unknown>[]>('GET', `/api/commitments?filter=${encodeURIComponent(JSON.stringify({ initiativeId }))}`, { token: admin });
      fits({ $ref: '#/components/schemas/CommitmentUpdate' }, { ...list.body[0], title: 'Renamed' });
      const body = { initiativeId, funderId, title: 'Second', kind: 'grant', status: 'committed', startDate: '2027-01-01', endDate: '2027-12-31', amountCents: 1000 };
      fits({ $ref: '#/components/schemas/CommitmentCreate' }, body);
      expect((await app.request('POST', '/api/commitments', { token: admin, body })).status).to.equal(201);
      expect(validator(doc, { $ref: '#/components/schemas/CommitmentCreate' }).safeParse({ ...body, colour: 'red' }).success, 'an unknown field').to.equal(false);
    });

    it('every resource list answers its schema', async () => {
      for (const path of Object.keys(doc.paths).filter((p) => /^\/api\/[a-z-]+$/.test(p) && doc.paths[p]?.get?.tags.includes(p.slice(5)))) {
        const res = await app.request('GET', `${path}?range=[0,49]`, { token: admin });
        expect(res.status, path).to.equal(200);
        fits(answerSchema(doc, 'get', path, '200'), res.body);
      }
    });

    it('the other figures, the risk list and the co-financing table answer their schemas', async () => {
      const figures = [
        ['/api/initiatives/{id}/coverage', `/api/initiatives/${initiativeId}/coverage?from=2028`],
        ['/api/initiatives/{id}/fragmentation', `/api/initiatives/${initiativeId}/fragmentation?year=2028`],
        ['/api/funders/{id}/cofunding', `/api/funders/${funderId}/cofunding`],
        ['/api/stats/fragmentation', '/api/stats/fragmentation'],
        ['/api/stats/funding', '/api/stats/funding'],
        ['/api/stats/risk', '/api/stats/risk'],
        ['/api/auth/me', '/api/auth/me'],
      ] as const;
      for (const [documented, url] of figures) {
        const res = await app.request('GET', url, { token: admin });
        expect(res.status, url).to.equal(200);
        fits(answerSchema(doc, 'get', documented, '200'), res.body);
      }
    });

    it('a login and an error answer their schemas', async () => {
      const email = (await app.db('users').where({ role: 'admin' }).first<{ email: string }>('email')).email;
      const login = await app.request('POST', '/api/auth/login', { body: { email, password: TEST_PASSWORD } });
      expect(login.status).to.equal(200);
      fits(answerSchema(doc, 'post', '/api/auth/login', '200'), login.body);
      const refused = await app.request('POST', '/api/commitments', { token: admin, body: { title: '' } });
      expect(refused.status).to.equal(400);
      fits({ $ref: '#/components/schemas/Error' }, refused.body);
      expect(doc.paths['/api/commitments']?.post?.responses['400']).to.deep.equal({ $ref: '#/components/responses/400' });
    });
  });
});
