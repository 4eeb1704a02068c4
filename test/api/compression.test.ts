import { expect } from 'chai';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listQuery, startTestApp, type TestApp } from '../support/app.js';
import { adminToken, makeFunder } from '../support/factories.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** A console build as vite writes it: index.html naming a content-hashed script under assets/. */
function fakeConsoleBuild(): { dir: string; script: string; source: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'vangnet-console-'));
  mkdirSync(path.join(dir, 'assets'));
  const script = 'index-Cq3x9Z1a.js';
  const source = `export const labels = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `label ${i}`))};\n`;
  writeFileSync(path.join(dir, 'assets', script), source);
  writeFileSync(path.join(dir, 'index.html'), `<!doctype html><html><head><script type="module" src="/assets/${script}"></script></head><body><div id="root"></div></body></html>`);
  return { dir, script, source };
}

describe('compressed and cached responses', () => {
  let app: TestApp;
  let build: ReturnType<typeof fakeConsoleBuild>;
  let token: string;

  before(async () => {
    build = fakeConsoleBuild();
    app = await startTestApp({}, { consoleDir: build.dir });
    token = await adminToken(app.db);
    for (let i = 0; i < 20; i++) await makeFunder(app.db);
  });
  after(async () => {
    await app.close();
    rmSync(build.dir, { recursive: true, force: true });
  });

  it('sends the console’s hashed scripts brotli-compressed, cached for a year and never revalidated', async () => {
    const res = await app.request<string>('GET', `/assets/${build.script}`, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-encoding')).to.equal('br');
    expect(res.headers.get('cache-control')).to.equal(IMMUTABLE);
    expect(res.headers.get('vary')).to.match(/Accept-Encoding/i);
    expect(res.body).to.equal(build.source);
  });

  it('sends gzip to a client that accepts only gzip, and plain bytes to one that accepts neither', async () => {
    const gzip = await app.request('GET', `/assets/${build.script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers.get('content-encoding')).to.equal('gzip');
    const plain = await app.request('GET', `/assets/${build.script}`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).to.equal(null);
    expect(plain.headers.get('cache-control')).to.equal(IMMUTABLE);
  });

  it('makes the browser revalidate index.html, under any path of the console', async () => {
    for (const page of ['/', '/index.html', '/commitments/12']) {
      const res = await app.request<string>('GET', page);
      expect(res.status, page).to.equal(200);
      expect(res.headers.get('cache-control'), page).to.equal('no-cache');
      expect(res.body, page).to.contain(`/assets/${build.script}`);
    }
  });

  it('answers a missing asset with 404 rather than index.html', async () => {
    const res = await app.request('GET', '/assets/index-OldBuild1.js');
    expect(res.status).to.equal(404);
  });

  it('compresses the API’s JSON answers', async () => {
    const res = await app.request<unknown[]>('GET', `/api/funders${listQuery({ range: [0, 19] })}`, { token, headers: { 'accept-encoding': 'gzip, br' } });
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-encoding')).to.equal('br');
    expect(res.headers.get('content-type')).to.match(/^application\/json/);
    expect(res.body).to.have.length(20);
  });
});
