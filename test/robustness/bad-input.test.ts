// Bad input that once reached a 500 (and logged a stack): each answers a 4xx naming what is wrong.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { expect } from 'chai';
import express from 'express';
import { errorHandler } from '../../server/http/errorHandler.js';
import { createLogger } from '../../server/logger.js';
import { listQuery, startTestApp, type TestApp } from '../support/app.js';
import { makeUser, tokenFor } from '../support/factories.js';
import type { ApiErrorBody } from '../support/records.js';

describe('bad input answers 4xx, never 500', () => {
  let app: TestApp;
  let token: string;

  before(async () => {
    app = await startTestApp();
    token = await tokenFor(app.db, await makeUser(app.db, 'admin'));
  });
  after(() => app.close());

  const NUL = 'must not contain the NUL character (\\u0000)';

  it('refuses a NUL character in the login email with 400 naming the field', async () => {
    const res = await app.request<ApiErrorBody>('POST', '/api/auth/login', { body: { email: 'a\u0000b@x.nl', password: 'whatever it is' } });
    expect(res.status).to.equal(400);
    expect(res.body.errors).to.deep.equal({ email: NUL });
  });

  it('refuses a NUL character in a q filter, a text filter and a text field', async () => {
    const q = await app.request<ApiErrorBody>('GET', '/api/initiatives' + listQuery({ filter: { q: 'eten\u0000' } }), { token });
    expect([q.status, q.body.errors]).to.deep.equal([400, { 'filter.q': NUL }]);
    const name = await app.request<ApiErrorBody>('GET', '/api/funders' + listQuery({ filter: { name: ['a', 'b\u0000'] } }), { token });
    expect([name.status, name.body.errors]).to.deep.equal([400, { 'filter.name.1': NUL }]);
    const created = await app.request<ApiErrorBody>('POST', '/api/funders', { token, body: { name: 'Fonds\u0000', type: 'foundation' } });
    expect([created.status, created.body.errors]).to.deep.equal([400, { name: NUL }]);
    const risk = await app.request<ApiErrorBody>('GET', '/api/stats/risk' + listQuery({ filter: { q: '\u0000' } }), { token });
    expect(risk.status).to.equal(400);
  });

  it('answers 400 for a path id that is not valid percent-encoding', async () => {
    for (const id of ['%E0%A4%A', '%', '%ZZ']) {
      const res = await app.request<ApiErrorBody>('GET', `/api/initiatives/${id}`, { token });
      expect(res.status, id).to.equal(400);
      expect(res.body.message).to.equal('The address holds malformed percent-encoding.');
    }
    expect((await app.request('GET', '/api/funders/%E0%A4%A/cofunding', { token })).status).to.equal(400);
  });

  it('answers 400 for a body whose compression is corrupt', async () => {
    for (const encoding of ['gzip', 'br', 'deflate']) {
      const res = await app.request<ApiErrorBody>('POST', '/api/funders', { token, rawBody: 'not compressed at all', headers: { 'content-encoding': encoding } });
      expect(res.status, encoding).to.equal(400);
      expect(res.body.errors).to.deep.equal({ body: 'could not be read' });
    }
    // A body that is compressed as it says is read.
    const funderName = `Gzipfonds ${Date.now()}`;
    const ok = await fetch(`${app.url}/api/funders`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync(JSON.stringify({ name: funderName, type: 'foundation' })),
    });
    expect(ok.status).to.equal(201);
  });

  it('answers 401 for a dashboard cookie that is not valid percent-encoding', async () => {
    const res = await app.request('GET', '/admin/queues', { headers: { cookie: 'vangnet_dashboard=%' } });
    expect(res.status).to.equal(401);
  });

  it('maps a NUL that still reaches PostgreSQL (22021) to 400: the error handler is the safety net', async () => {
    const pgError = await app.db.raw('SELECT ?::text', ['a\u0000b']).then(
      () => null,
      (e: unknown) => e,
    );
    expect((pgError as { code?: string }).code).to.equal('22021');
    const bare = express();
    bare.get('/', () => {
      throw pgError;
    });
    bare.use(errorHandler(createLogger('silent')));
    const server = await new Promise<Server>((resolve) => {
      const s = bare.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      expect(res.status).to.equal(400);
    } finally {
      server.close();
    }
  });
});
