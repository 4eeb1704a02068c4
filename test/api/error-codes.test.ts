// Errors with codes (DESIGN.md "HTTP API", README "Errors"): every error names itself with a
// stable `code` of the catalogue (server/contract/errorCodes.ts) and every field reason with `codes[field]`
// = { code, params }, beside the unchanged English texts — which the catalogue makes from the same
// code and parameters. The console translates the codes, so each must have a Dutch and an English text.
import { expect } from 'chai';
import { COMMITMENT_KINDS } from '../../server/domain/enums.js';
import { ERROR_CODES, ERROR_STATUS, FIELD_CODES, FIELD_REASONS, type ErrorBody, type FieldCode } from '../../server/contract/errorCodes.js';
import { startTestApp, type Response, type TestApp } from '../support/app.js';
import { adminToken, makeBudget, makeCommitment, makeFunder, makeInitiative, makeTranche, makeUser, TEST_PASSWORD, tokenFor } from '../support/factories.js';

/** The status, code and field codes an answer must carry, and its English texts made from them. */
function expectCoded(res: Response<ErrorBody>, status: number, code: string, codes: Record<string, { code: FieldCode; params?: object }> = {}): void {
  expect(res.status, JSON.stringify(res.body)).to.equal(status);
  expect(res.body.code).to.equal(code);
  expect(ERROR_STATUS).to.have.property(code, status);
  expect(res.body.message).to.be.a('string').and.not.equal('');
  expect(Object.keys(res.body.codes ?? {})).to.have.members(Object.keys(codes));
  expect(Object.keys(res.body.errors ?? {})).to.have.members(Object.keys(codes));
  for (const [field, expected] of Object.entries(codes)) {
    const sent = res.body.codes![field]!;
    expect(sent, field).to.deep.equal({ code: expected.code, params: expected.params ?? {} });
    const english = (FIELD_REASONS[sent.code] as (p: object) => string)(sent.params);
    expect(res.body.errors![field], field).to.equal(english);
  }
}

describe('errors with codes', () => {
  let app: TestApp;
  let token: string;
  let initiativeId: number;
  let funderId: number;

  before(async () => {
    app = await startTestApp();
    token = await adminToken(app.db);
    initiativeId = await makeInitiative(app.db);
    funderId = await makeFunder(app.db);
  });
  after(() => app.close());

  const send = (method: string, path: string, body?: unknown, as = token) => app.request<ErrorBody>(method, path, { token: as, body });

  it('400: names each wrong field with its code and parameters', async () => {
    const res = await send('POST', '/api/commitments', {
      initiativeId,
      funderId,
      title: 'x'.repeat(201),
      kind: 'gift',
      status: 'committed',
      startDate: '2027-02-30',
      endDate: '2027-12-31',
      amountCents: 12.5,
    });
    expectCoded(res, 400, 'validation', {
      title: { code: 'field.max_chars', params: { max: 200 } },
      kind: { code: 'field.one_of', params: { values: [...COMMITMENT_KINDS] } },
      startDate: { code: 'field.calendar_date' },
      amountCents: { code: 'field.whole_cents' },
    });
  });

  it('400: a field the resource does not have', async () => {
    const res = await send('POST', '/api/funders', { name: 'Onbekend veld', type: 'foundation', nonsense: true });
    expectCoded(res, 400, 'validation', { nonsense: { code: 'field.unknown', params: { resource: 'funders' } } });
  });

  it('400: a field that was not sent is field.required, a reference to nothing field.existing_record', async () => {
    const res = await send('POST', '/api/budgets', { initiativeId: 2_147_483_647, amountCents: 100 });
    expectCoded(res, 400, 'validation', { year: { code: 'field.required' } });
    const missing = await send('POST', '/api/budgets', { initiativeId: 2_147_483_647, year: 2027, amountCents: 100 });
    expectCoded(missing, 400, 'validation', { initiativeId: { code: 'field.existing_record', params: { resource: 'initiatives' } } });
  });

  it('400: the list parameters and a NUL character carry codes too', async () => {
    const sort = await send('GET', `/api/funders?sort=${encodeURIComponent('["secret","ASC"]')}`);
    expect(sort.body.codes?.sort?.code).to.equal('list.not_sortable');
    expect(sort.body.codes?.sort?.params).to.include({ resource: 'funders', field: 'secret' });
    const nul = await send('POST', '/api/funders', { name: 'a\u0000b', type: 'foundation' });
    expectCoded(nul, 400, 'validation', { name: { code: 'field.no_nul' } });
  });

  it('401: not logged in, an ended session and wrong credentials each have their code', async () => {
    expectCoded(await app.request<ErrorBody>('GET', '/api/funders'), 401, 'auth.required');
    expectCoded(await send('GET', '/api/funders', undefined, 'not-a-token'), 401, 'auth.session_ended');
    const wrong = await app.request<ErrorBody>('POST', '/api/auth/login', { body: { email: 'nobody@test.example', password: 'wrong' } });
    expectCoded(wrong, 401, 'auth.invalid_credentials');
  });

  it('403: a role that may not, and a record of another tenant named by field', async () => {
    const otherFunder = await makeFunder(app.db);
    const funderToken = await tokenFor(app.db, await makeUser(app.db, 'funder', { funderId: funderId }));
    expectCoded(await send('POST', '/api/funders', { name: 'Nieuw', type: 'foundation' }, funderToken), 403, 'forbidden');
    const shared = await makeInitiative(app.db, { sharedWithFunders: true });
    const res = await send(
      'POST',
      '/api/commitments',
      { initiativeId: shared, funderId: otherFunder, title: 'Niet van mij', kind: 'subsidy', status: 'committed', startDate: '2027-01-01', endDate: '2027-12-31', amountCents: 100 },
      funderToken,
    );
    expectCoded(res, 403, 'forbidden', { funderId: { code: 'access.own_funder' } });
  });

  it('404 and 405', async () => {
    expectCoded(await send('GET', '/api/funders/2147483647'), 404, 'not_found');
    expectCoded(await send('GET', '/api/nothing-here'), 404, 'not_found');
    expectCoded(await send('POST', '/api/gaps', {}), 405, 'method_not_allowed');
  });

  it('409: a stale version names `version`, a second budget for a year names `year` with the year', async () => {
    const id = await makeFunder(app.db);
    const stale = await send('PUT', `/api/funders/${id}`, { version: 7, name: 'Verouderd', type: 'foundation' });
    expectCoded(stale, 409, 'conflict.version', { version: { code: 'version.stale' } });
    await makeBudget(app.db, initiativeId, { year: 2031 });
    const twice = await send('POST', '/api/budgets', { initiativeId, year: 2031, amountCents: 100 });
    expectCoded(twice, 409, 'conflict.duplicate', { year: { code: 'budget.duplicate', params: { year: 2031 } } });
  });

  it('413: a body over 1 MB', async () => {
    const rawBody = JSON.stringify({ name: 'Te groot', type: 'foundation', website: 'x'.repeat(2 * 1024 * 1024) });
    const res = await app.request<ErrorBody>('POST', '/api/funders', { token, rawBody });
    expectCoded(res, 413, 'payload_too_large', { body: { code: 'body.too_large' } });
  });

  it("422: a tranche outside its commitment's period gives both dates; one over the amount gives the amounts", async () => {
    const commitmentId = await makeCommitment(app.db, initiativeId, funderId, { startDate: '2027-01-01', endDate: '2027-12-31', amountCents: 1_000_000 });
    await makeTranche(app.db, commitmentId, { periodStart: '2027-01-01', periodEnd: '2027-06-30', amountCents: 600_000 });
    const period = { startDate: '2027-01-01', endDate: '2027-12-31' };
    const outside = await send('POST', '/api/tranches', { commitmentId, periodStart: '2026-12-01', periodEnd: '2028-01-31', amountCents: 100 });
    expectCoded(outside, 422, 'rule', {
      periodStart: { code: 'tranche.starts_before_commitment', params: period },
      periodEnd: { code: 'tranche.ends_after_commitment', params: period },
    });
    expect(outside.body.errors).to.deep.equal({ periodStart: 'must be on or after 2027-01-01', periodEnd: 'must be on or before 2027-12-31' });
    const over = await send('POST', '/api/tranches', { commitmentId, periodStart: '2027-07-01', periodEnd: '2027-12-31', amountCents: 500_000 });
    expectCoded(over, 422, 'rule', {
      amountCents: { code: 'tranche.exceeds_commitment', params: { availableCents: 400_000, scheduledCents: 600_000, amountCents: 1_000_000 } },
    });
    expect(over.body.errors?.amountCents).to.equal('must be at most 400000 cents: the other tranches already schedule 600000 of 1000000');
  });

  it('429: too many logins, with the seconds to wait as a parameter', async () => {
    const email = `throttled-${Date.now()}@test.example`;
    const ip = '192.0.2.201';
    await app.db('login_attempts').insert(Array.from({ length: 10 }, () => ({ email, ip, success: false })));
    const res = await app.request<ErrorBody>('POST', '/api/auth/login', { body: { email, password: TEST_PASSWORD }, headers: { 'x-forwarded-for': ip } });
    expectCoded(res, 429, 'auth.too_many_attempts');
    expect(res.body.params?.retryAfter).to.equal(Number(res.headers.get('retry-after')));
  });
});

describe('the error catalogue in the console', () => {
  type Messages = { vangnet: { errors: Record<string, unknown> } };
  /** The console's messages, loaded as the console's own build would (its module settings differ from the server's). */
  const messagesOf = async (language: 'nl' | 'en') => ((await import(`../../admin/src/i18n/${language}.ts`)) as { default: Messages }).default;
  const allCodes: readonly string[] = [...ERROR_CODES, ...FIELD_CODES];

  for (const language of ['nl', 'en'] as const) {
    it(`has ${language === 'nl' ? 'a Dutch' : 'an English'} text for every code the server can send`, async () => {
      const texts = (await messagesOf(language)).vangnet.errors;
      const missing = allCodes.filter((code) => typeof texts[code] !== 'string' || texts[code] === '');
      expect(missing, 'codes without a text').to.deep.equal([]);
    });

    it(`has no ${language === 'nl' ? 'Dutch' : 'English'} text for a code the server does not send`, async () => {
      const texts = (await messagesOf(language)).vangnet.errors;
      expect(Object.keys(texts).filter((code) => !allCodes.includes(code))).to.deep.equal([]);
    });
  }
});
