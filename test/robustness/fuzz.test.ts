// A bounded fuzzer: thousands of generated requests through real HTTP to a server on 127.0.0.1 —
// odd bytes and encodings, wrong types, sizes and nesting, prototype keys, corrupt compressed
// bodies, bad cookies — on every route the app serves, with and without a token. Bad input is
// the client's fault: any 5xx fails the test (with the request that caused it).
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { expect } from 'chai';
import fc from 'fast-check';
import type { Role } from '../../server/domain/enums.js';
import { RESOURCES } from '../../server/resources/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { makeBudget, makeCommitment, makeFunder, makeInitiative, makeTranche, makeUser, tokenFor } from '../support/factories.js';
import { collectRoutes } from '../support/routes.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);

interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

/** Texts that have broken servers before: NUL, lone surrogates, percent junk, SQL, very long. */
const oddText = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'a\u0000b@x.nl',
  '\ud800',
  '\udfff x',
  '\u202eRTL',
  '💸💸',
  '%',
  '%E0%A4%A',
  '%ZZ',
  '%00',
  "'; DROP TABLE funders; --",
  '\\',
  '"',
  '{"a":',
  '../../etc/passwd',
  '2027-02-30',
  '0000-01-01',
  '+275760-09-13',
  '1e309',
  'NaN',
  'x'.repeat(10_000),
);
const text = fc.oneof(oddText, fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 10 }));
const number = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -0, -1, 1.5, 2 ** 31, 2 ** 31 - 1, 2 ** 53 + 2, Number.MAX_VALUE, 1e21, -1e21),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map((b) => Number(b)),
);
const scalar = fc.oneof(text, number, fc.boolean(), fc.constant(null));
/** JSON values with prototype keys among the ordinary ones, written as JSON text. */
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];
const FIELD_NAMES = [...new Set([...Object.values(RESOURCES).flatMap((d) => Object.keys(d.fields)), 'password', 'oldPassword', 'newPassword', 'email', 'trancheSchedule', 'asOf', 'q'])];
const key = fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.constantFrom(...PROTO_KEYS), text);
const { json } = fc.letrec<{ json: string }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar.map((v) => JSON.stringify(v) ?? 'null'),
    fc.array(tie('json'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
    fc.array(fc.tuple(key, tie('json')), { maxLength: 6 }).map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
  ),
}));
/** A plausible record with some fields replaced: gets past the first checks to the deeper ones. */
const recordish = fc
  .array(fc.tuple(fc.constantFrom(...FIELD_NAMES, ...PROTO_KEYS), fc.oneof(scalar.map((v) => JSON.stringify(v) ?? 'null'), json)), { minLength: 1, maxLength: 12 })
  .map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`);
const deep = fc.integer({ min: 1, max: 200_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`);

const bodyBytes = fc.oneof(
  { weight: 5, arbitrary: fc.oneof(json, recordish).map((s) => Buffer.from(s)) },
  { weight: 1, arbitrary: deep.map((s) => Buffer.from(s)) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((a) => Buffer.from(a)) },
  { weight: 1, arbitrary: fc.constantFrom(Buffer.from([0xff, 0xfe, 0x7b]), Buffer.from('{"a":"\xc3\x28"}', 'latin1'), Buffer.alloc(1_100_000, 0x20)) },
);

/** Percent-encodes the UTF-8 bytes of any text, lone surrogates included (as U+FFFD). */
const pct = (s: string) => [...Buffer.from(s)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

const encodings = fc.constantFrom('gzip', 'br', 'deflate', 'identity', 'compress', 'gzip, br', 'x-junk');
function encode(body: Buffer, encoding: string, corrupt: boolean): Buffer {
  if (corrupt) return body;
  if (encoding === 'gzip') return gzipSync(body);
  if (encoding === 'deflate') return deflateSync(body);
  if (encoding === 'br') return brotliCompressSync(body);
  return body;
}

const idSegment = fc.oneof(
  fc.constantFrom('1', '2', '3', '0', '-1', '1.5', '1e3', '2147483648', '99999999999999999999', '%', '%E0%A4%A', '%ZZ', '%00', '%2F', '..', '%C0%AE', '💸', 'null', '[]', '{}'),
  fc.integer({ min: 1, max: 60 }).map(String),
  fc.string({ unit: 'binary', maxLength: 12 }).map(pct),
);

const QUERY_KEYS = ['sort', 'range', 'filter', 'asOf', 'scenario', 'from', 'years', 'year', 'groupBy', 'months', 'version', '__proto__', 'constructor'];
const queryValue = fc.oneof(json, text, fc.constantFrom('%', '%E0%A4%A', '%ZZ', '%00', '["id","ASC"]', '[0,9]', '{"q":"a\\u0000b"}', '{"q":"eten"}'));
const queryString = fc.oneof(
  fc.array(fc.tuple(fc.constantFrom(...QUERY_KEYS), queryValue), { maxLength: 4 }).map((pairs) => pairs.map(([k, v]) => `${k}=${pct(v)}`).join('&')),
  fc.constantFrom('%', 'a=%', 'filter=%E0%A4%A', 'sort[0]=x', 'range=%5B0%2C1e400%5D', 'a=1&a=2', 'filter={"q":"a"}'),
);

describe('fuzzing every route with bad input', function () {
  this.timeout(600_000);
  let app: TestApp;
  let routes: string[];
  const tokens = {} as Record<Role, string>;

  before(async () => {
    app = await startTestApp();
    const { db } = app;
    const funder = await makeFunder(db);
    const initiative = await makeInitiative(db, { sharedWithFunders: true });
    await makeBudget(db, initiative);
    await makeTranche(db, await makeCommitment(db, initiative, funder));
    tokens.admin = await tokenFor(db, await makeUser(db, 'admin'));
    tokens.funder = await tokenFor(db, await makeUser(db, 'funder', { funderId: funder }));
    tokens.initiative = await tokenFor(db, await makeUser(db, 'initiative', { initiativeId: initiative }));
    routes = [...collectRoutes(app.app), 'GET /admin/queues', 'GET /admin/queues/api/queues', 'PUT /admin/queues/api/queues/scan/pause'];
  });
  after(() => app.close());

  const request = fc
    .record({
      route: fc.nat(),
      otherMethod: fc.option(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'), { freq: 5 }),
      id: idSegment,
      query: fc.option(queryString, { freq: 2 }),
      who: fc.constantFrom<Role | 'none' | 'junk' | 'cookie'>('admin', 'funder', 'initiative', 'none', 'junk', 'cookie'),
      body: fc.option(bodyBytes, { freq: 4 }),
      contentType: fc.constantFrom('application/json', 'application/json; charset=utf-16', 'application/json; charset=latin1', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=x-junk'),
      encoding: fc.option(encodings, { freq: 3 }),
      corrupt: fc.boolean(),
      cookie: fc.constantFrom('vangnet_dashboard=%', 'vangnet_dashboard=%E0%A4%A', 'vangnet_dashboard=', 'vangnet_dashboard="', 'a=b; vangnet_dashboard=%ZZ'),
    })
    .map((g): FuzzRequest => {
      const [routeMethod, routePath] = routes[g.route % routes.length]!.split(' ') as [string, string];
      const method = g.otherMethod ?? routeMethod;
      const path = routePath.replace(':id', g.id).replace('/*splat', '/x') + (g.query === null ? '' : `?${g.query}`);
      const headers: Record<string, string> = {};
      if (g.who === 'junk') headers.authorization = 'Bearer %00junk';
      else if (g.who === 'cookie') headers.cookie = g.cookie;
      else if (g.who !== 'none') headers.authorization = `Bearer ${tokens[g.who]}`;
      if (path.startsWith('/api/auth/login')) headers['x-forwarded-for'] = '10.123.0.1';
      let body: Buffer | undefined;
      if (g.body && method !== 'GET' && method !== 'HEAD') {
        headers['content-type'] = g.contentType;
        if (g.encoding) headers['content-encoding'] = g.encoding;
        body = g.encoding ? encode(g.body, g.encoding, g.corrupt) : g.body;
      }
      return { method, path, headers, body };
    });

  it(`answers ${RUNS} generated bad requests without a single 5xx`, async () => {
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const res = await fetch(app.url + r.path, { method: r.method, headers: r.headers, body: r.body });
        const text = await res.text();
        if (res.status >= 500) throw new Error(`${r.method} ${r.path} ${JSON.stringify(r.headers)} body ${r.body?.subarray(0, 200).toString('latin1')} → ${res.status} ${text.slice(0, 300)}`);
        expect(text).not.to.match(/at .*\.(ts|js):\d+/);
      }),
      { numRuns: RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined, endOnFailure: true },
    );
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'admin')).to.equal(false);
  });
});
