// The access matrix, generated: every resource × verb × role × tenant, each with the exact status
// DESIGN.md's "Who may see and do what" implies, and for every refused write the proof that
// nothing changed and no audit row was written. The expectations below restate the rules
// independently of server/services/access.ts, so a change to either shows up here.
import { expect } from 'chai';
import type { Knex } from 'knex';
import type { Role } from '../../server/domain/enums.js';
import { RESOURCES } from '../../server/resources/index.js';
import { listQuery, startTestApp, type TestApp } from '../support/app.js';
import { makeCommitment, makeFunder, makeIndicator, makeInitiative, makeObligation, makeReport, makeReportFile, makeTranche, makeUser, tokenFor } from '../support/factories.js';
import { collectRoutes } from '../support/routes.js';

type Reach = 'all' | 'tenant' | 'none';
type Verb = 'list' | 'get' | 'create' | 'update' | 'delete';
type TenantKey = 'own' | 'cofunded' | 'other';
interface Rule {
  read: Reach;
  create: Reach;
  update: Reach;
  delete: Reach;
}

const rule = (read: Reach, create: Reach, update: Reach = create, del: Reach = create): Rule => ({ read, create, update, delete: del });
/** Writes a resource does not offer at all: 405 for everyone. */
const NOT_OFFERED: Record<string, readonly Verb[]> = {
  gaps: ['create', 'update', 'delete'],
  scans: ['update', 'delete'],
  'audit-events': ['create', 'update', 'delete'],
  'webhook-deliveries': ['create', 'update', 'delete'],
  'outbound-emails': ['create', 'update', 'delete'],
  'report-files': ['create', 'update', 'delete'],
  simulations: ['update', 'delete'],
};

/** Resources a funder user sees and writes only its own funder's records of (not those of initiatives it co-funds). */
const FUNDER_OWNED = ['webhooks', 'webhook-deliveries'];

const EXPECTED_RULES: Record<string, Record<Role, Rule>> = {
  funders: { admin: rule('all', 'all'), funder: rule('all', 'none'), initiative: rule('all', 'none') },
  initiatives: { admin: rule('all', 'all'), funder: rule('tenant', 'none'), initiative: rule('tenant', 'none', 'tenant', 'none') },
  budgets: { admin: rule('all', 'all'), funder: rule('tenant', 'none'), initiative: rule('tenant', 'tenant') },
  commitments: { admin: rule('all', 'all'), funder: rule('tenant', 'tenant'), initiative: rule('tenant', 'tenant') },
  tranches: { admin: rule('all', 'all'), funder: rule('tenant', 'tenant'), initiative: rule('tenant', 'tenant') },
  gaps: { admin: rule('all', 'none'), funder: rule('tenant', 'none'), initiative: rule('tenant', 'none') },
  scans: { admin: rule('all', 'all', 'none', 'none'), funder: rule('none', 'none'), initiative: rule('none', 'none') },
  users: { admin: rule('all', 'all', 'all', 'none'), funder: rule('none', 'none'), initiative: rule('none', 'none') },
  'audit-events': { admin: rule('all', 'none'), funder: rule('none', 'none'), initiative: rule('none', 'none') },
  webhooks: { admin: rule('all', 'all'), funder: rule('tenant', 'tenant'), initiative: rule('none', 'none') },
  'webhook-deliveries': { admin: rule('all', 'none'), funder: rule('tenant', 'none'), initiative: rule('none', 'none') },
  'outbound-emails': { admin: rule('all', 'none'), funder: rule('none', 'none'), initiative: rule('none', 'none') },
  // design/reporting.md, "Access": a funder writes the obligations of its own commitments only,
  // and sees only those, and the reports and files that answer one of them (FUNDER_OWN_ONLY).
  obligations: { admin: rule('all', 'all'), funder: rule('tenant', 'tenant'), initiative: rule('tenant', 'none') },
  reports: { admin: rule('all', 'all', 'all', 'none'), funder: rule('tenant', 'none'), initiative: rule('tenant', 'tenant', 'tenant', 'none') },
  'report-files': { admin: rule('all', 'none'), funder: rule('tenant', 'none'), initiative: rule('tenant', 'none') },
  indicators: { admin: rule('all', 'all'), funder: rule('tenant', 'none'), initiative: rule('tenant', 'tenant') },
  'indicator-values': { admin: rule('all', 'all'), funder: rule('tenant', 'none'), initiative: rule('tenant', 'tenant') },
  scenarios: { admin: rule('all', 'all'), funder: rule('tenant', 'none'), initiative: rule('tenant', 'tenant') },
  'cofinancing-rounds': { admin: rule('all', 'all'), funder: rule('tenant', 'none'), initiative: rule('tenant', 'tenant') },
  simulations: { admin: rule('all', 'all', 'none', 'none'), funder: rule('none', 'none'), initiative: rule('none', 'none') },
  pledges: { admin: rule('all', 'all'), funder: rule('tenant', 'tenant', 'tenant', 'none'), initiative: rule('tenant', 'tenant', 'tenant', 'none') },
};

/** Resources a funder sees only of its own funder, not of the initiatives it co-funds. */
const FUNDER_OWN_ONLY = new Set(['obligations', 'reports', 'report-files']);

/**
 * Figures about one record follow the read rule of that record's resource; portfolio statistics
 * are open to every role and computed over what the role may see (test/analytics pins that).
 */
const FIGURE_ROUTES: Record<string, string | null> = {
  'GET /api/initiatives/:id/runway': 'initiatives',
  'GET /api/initiatives/:id/coverage': 'initiatives',
  'GET /api/initiatives/:id/fragmentation': 'initiatives',
  'GET /api/funders/:id/cofunding': 'funders',
  'GET /api/stats/fragmentation': null,
  'GET /api/stats/funding': null,
  'GET /api/stats/risk': null,
  // The exports of figures follow their figure (test/export/ pins what each holds for whom).
  'GET /api/initiatives/:id/overview.xlsx': 'initiatives',
  'GET /api/funders/:id/cofunding/export': 'funders',
  'GET /api/stats/fragmentation/export': null,
  'GET /api/stats/risk/export': null,
  'GET /api/exports/360giving.json': null,
  'GET /api/exports/360giving.csv': null,
  'GET /api/initiatives/:id/burden': 'initiatives',
  'GET /api/stats/burden': null,
  'POST /api/initiatives/:id/what-if': 'initiatives',
};

/** Routes that are not resource routes, each covered by its own tests (the public API reference: test/api/openapi.test.ts). */
const OTHER_ROUTES = [
  'POST /api/auth/dashboard-cookie',
  'POST /api/scans',
  'POST /api/simulations',
  'GET /healthz',
  'GET /readyz',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'GET /api/auth/me',
  'PUT /api/auth/password',
  // Confirming a pledge: its funder or an admin (test/planning/cofinancing.test.ts).
  'POST /api/pledges/:id/confirm',
  'GET /api/openapi.json',
  'GET /api/docs',
  'GET /api/docs/init.js',
  // Every role may import, each what its write rules allow, row by row (test/api/import.test.ts).
  'GET /api/imports/template.xlsx',
  'GET /api/imports',
  'POST /api/imports',
  'GET /api/imports/:id',
  'POST /api/imports/:id/apply',
  // Every role has its own notifications, and only those (test/api/notifications.test.ts).
  'GET /api/notifications',
  'POST /api/notifications/read-all',
  'GET /api/notifications/:id',
  'PUT /api/notifications/:id',
  // Who may send a webhook's test event or roll its secret: who may update it (test/webhooks/api.test.ts).
  'POST /api/webhooks/:id/test',
  'POST /api/webhooks/:id/secret',
  // Every role reads and changes its own digest preferences; the unsubscribe link needs no login but
  // a signed token; only admins send the digests now (test/mail/preferences.test.ts, digest-queue.test.ts).
  'GET /api/me/preferences',
  'PUT /api/me/preferences',
  'GET /api/unsubscribe',
  'POST /api/unsubscribe',
  'POST /api/digests/run',
  // Reporting: each role's decisions, uploads and downloads (test/api/reporting.test.ts).
  'POST /api/obligations/:id/accept',
  'POST /api/obligations/:id/reject',
  'POST /api/obligations/:id/waive',
  'POST /api/reports/:id/files',
  'GET /api/report-files/:id/content',
];

interface Fixture {
  funderA: number;
  funderB: number;
  /** Funded by A (and by B): the funder user's and the initiative user's own initiative. */
  i1: number;
  /** Funded by B only, not shared: nobody's but the admin's. */
  i2: number;
  tokens: Record<Role, string>;
}

/** The initiative and funder of each tenant: own = I1 with funder A; cofunded = I1 with funder B; other = I2 with B. */
function tenant(f: Fixture, key: TenantKey): { initiativeId: number; funderId: number } {
  if (key === 'own') return { initiativeId: f.i1, funderId: f.funderA };
  if (key === 'cofunded') return { initiativeId: f.i1, funderId: f.funderB };
  return { initiativeId: f.i2, funderId: f.funderB };
}

/** Whether a role sees, and owns (may write), a record of the tenant. */
function reach(role: Role, key: TenantKey, resource = ''): { sees: boolean; owns: boolean } {
  if (role === 'admin') return { sees: true, owns: true };
  if (FUNDER_OWNED.includes(resource)) return { sees: key === 'own', owns: key === 'own' };
  if (role === 'funder' && FUNDER_OWN_ONLY.has(resource)) return { sees: key === 'own', owns: key === 'own' };
  if (role === 'funder') return { sees: key !== 'other', owns: key === 'own' };
  return { sees: key !== 'other', owns: key !== 'other' };
}

function expectedStatus(resource: string, role: Role, verb: Verb, key: TenantKey): number {
  const r = EXPECTED_RULES[resource]![role];
  if (NOT_OFFERED[resource]?.includes(verb)) return 405;
  const given = verb === 'list' || verb === 'get' ? r.read : r[verb];
  if (given === 'none') return 403;
  // A scan is started, not made: the request is accepted (202) and runs on the queue.
  const ok = verb === 'create' ? (resource === 'scans' || resource === 'simulations' ? 202 : 201) : 200;
  if (given === 'all') return ok;
  const { sees, owns } = reach(role, key, resource);
  if (verb === 'list' || verb === 'get') return sees ? ok : 404;
  // A webhook for another funder names a funder everyone may see: refused as not its own.
  if (verb === 'create' && FUNDER_OWNED.includes(resource)) return owns ? ok : 403;
  // A reference to a record the role may not see answers like one to a record that does not exist
  // (an obligation refers to a commitment, which the usual rule shows).
  if (verb === 'create') return owns ? ok : reach(role, key).sees ? 403 : 400;
  if (!sees) return 404;
  return owns ? ok : 403;
}

let seq = 0;
const next = () => ++seq;

/** A fresh record of the resource in the tenant, made directly in the database. */
async function makeRecord(db: Knex, f: Fixture, resource: string, role: Role, key: TenantKey): Promise<number> {
  const { initiativeId, funderId } = tenant(f, key);
  const insert = async (table: string, row: Record<string, unknown>) => (await db(table).insert(row).returning<{ id: number }[]>('id'))[0]!.id;
  switch (resource) {
    case 'funders':
      return makeFunder(db);
    case 'initiatives':
      // The initiative user can only ever touch its own; the admin may delete a fresh one.
      return role === 'admin' ? makeInitiative(db) : initiativeId;
    case 'budgets':
      return insert('budgets', { initiative_id: initiativeId, year: 1900 + next(), amount_cents: 100 });
    case 'commitments':
      return makeCommitment(db, initiativeId, funderId);
    case 'tranches':
      return makeTranche(db, await makeCommitment(db, initiativeId, funderId));
    case 'gaps':
      return insert('gaps', { initiative_id: initiativeId, kind: 'cliff', subject_id: next(), period_start: '2027-01-01', period_end: '2027-01-31', severity: 'low' });
    case 'scans':
      return insert('scans', { trigger: 'manual', as_of: '2027-01-01' });
    case 'users':
      return makeUser(db, 'funder', { funderId: funderId });
    case 'audit-events':
      return insert('audit_events', { action: 'create', resource: 'funders', record_id: '0' });
    case 'webhooks':
      return insert('webhooks', { funder_id: funderId, url: 'https://hooks.example.org/matrix', secret: 'whsec_matrix', active: false });
    case 'webhook-deliveries': {
      const webhookId = await insert('webhooks', { funder_id: funderId, url: 'https://hooks.example.org/matrix', secret: 'whsec_matrix', active: false });
      const payload = { id: 'evt_test_matrix', type: 'webhook.test', createdAt: '2026-11-30T12:00:00.000Z', data: {} };
      return insert('webhook_deliveries', { webhook_id: webhookId, event_type: 'webhook.test', payload });
    }
    case 'outbound-emails':
      return insert('outbound_emails', { to: 'matrix@test.example', subject: 'Matrix', html: '<p>Matrix</p>', text: 'Matrix', status: 'not_sent' });
    case 'obligations':
      return makeObligation(db, await makeCommitment(db, initiativeId, funderId));
    case 'reports':
      return makeReport(db, initiativeId, [await makeObligation(db, await makeCommitment(db, initiativeId, funderId))]);
    case 'report-files':
      return makeReportFile(db, await makeReport(db, initiativeId, [await makeObligation(db, await makeCommitment(db, initiativeId, funderId))]));
    case 'indicators':
      return makeIndicator(db, initiativeId);
    case 'indicator-values':
      return insert('indicator_values', { indicator_id: await makeIndicator(db, initiativeId), year: 2000 + next(), value: 12 });
    case 'cofinancing-rounds':
      return insert('cofinancing_rounds', { initiative_id: initiativeId, title: `Ronde ${next()}`, period_start: '2027-01-01', period_end: '2027-12-31', target_cents: 1000 });
    case 'pledges':
      return insert('pledges', {
        round_id: await insert('cofinancing_rounds', { initiative_id: initiativeId, title: `Ronde ${next()}`, period_start: '2027-01-01', period_end: '2027-12-31', target_cents: 1000 }),
        funder_id: funderId,
        amount_cents: 100,
        status: 'proposed',
      });
    case 'simulations':
      return insert('simulations', { rule: 'extend_short_term', params: JSON.stringify({ funderTypes: ['municipality'], toMonths: 36 }), as_of: '2027-01-01' });
    case 'scenarios':
      return insert('scenarios', { initiative_id: initiativeId, name: `Plan ${next()}`, changes: JSON.stringify({ include: [], exclude: [], add: [], budgets: [], reservesCents: null }) });
    default:
      throw new Error(`no maker for ${resource}`);
  }
}

/** A valid create body for the resource in the tenant. */
async function createBody(db: Knex, f: Fixture, resource: string, key: TenantKey): Promise<Record<string, unknown>> {
  const { initiativeId, funderId } = tenant(f, key);
  switch (resource) {
    case 'funders':
      return { name: `Matrixfonds ${next()}`, type: 'foundation' };
    case 'initiatives':
      return { name: `Matrixinitiatief ${next()}`, foundedOn: '2020-01-01', municipality: 'Zwolle' };
    case 'budgets':
      return { initiativeId, year: 1900 + next(), amountCents: 100 };
    case 'commitments':
      return { initiativeId, funderId, title: 'Matrix', kind: 'grant', status: 'requested', startDate: '2027-01-01', endDate: '2027-12-31', amountCents: 500 };
    case 'tranches':
      return { commitmentId: await makeCommitment(db, initiativeId, funderId), periodStart: '2027-01-01', periodEnd: '2027-03-31', amountCents: 100 };
    case 'users':
      return { email: `matrix-${next()}@test.example`, role: 'funder', funderId, password: 'a long enough password' };
    case 'scans':
      return { asOf: '2027-01-01' };
    case 'webhooks':
      return { url: 'https://hooks.example.org/matrix', funderId, active: false };
    case 'obligations':
      return { commitmentId: await makeCommitment(db, initiativeId, funderId), kind: 'activity_report', title: 'Matrixverslag', periodStart: '2027-01-01', periodEnd: '2027-12-31', dueOn: '2028-03-31' };
    case 'reports':
      return { initiativeId, title: 'Matrixverslag', periodStart: '2027-01-01', periodEnd: '2027-12-31', obligationIds: [await makeObligation(db, await makeCommitment(db, initiativeId, funderId))] };
    case 'indicators':
      return { initiativeId, name: `Bereikte mensen ${next()}`, unit: 'mensen' };
    case 'indicator-values':
      return { indicatorId: await makeIndicator(db, initiativeId), year: 2000 + next(), value: 40 };
    case 'cofinancing-rounds':
      return { initiativeId, title: `Ronde ${next()}`, periodStart: '2027-01-01', periodEnd: '2027-12-31', targetCents: 1000 };
    case 'pledges':
      return { roundId: await makeRecord(db, f, 'cofinancing-rounds', 'admin', key), funderId, amountCents: 100, status: 'proposed' };
    case 'simulations':
      return { rule: 'raise_max_funding_years', funderTypes: ['foundation'], years: 5, asOf: '2027-01-01' };
    case 'scenarios':
      return { initiativeId, name: `Plan ${next()}`, changes: { reservesCents: 100 } };
    default:
      return { note: 'read-only resources take nothing' };
  }
}

/** The field each resource's update changes. */
const UPDATE_FIELD: Record<string, [string, unknown]> = {
  funders: ['website', 'https://example.org/updated'],
  initiatives: ['description', 'Bijgewerkt door de matrixtest'],
  budgets: ['note', 'bijgewerkt'],
  commitments: ['reference', 'MATRIX-1'],
  tranches: ['dueOn', '2027-02-01'],
  gaps: ['severity', 'high'],
  scans: ['status', 'failed'],
  users: ['disabled', true],
  'audit-events': ['action', 'delete'],
  webhooks: ['description', 'Bijgewerkt door de matrixtest'],
  'webhook-deliveries': ['status', 'failed'],
  'outbound-emails': ['status', 'sent'],
  obligations: ['title', 'Bijgewerkt verslag'],
  reports: ['summary', 'bijgewerkt'],
  'report-files': ['fileName', 'ander.pdf'],
  indicators: ['unit', 'deelnemers'],
  'indicator-values': ['note', 'bijgewerkt'],
  scenarios: ['note', 'bijgewerkt'],
  'cofinancing-rounds': ['note', 'bijgewerkt'],
  pledges: ['note', 'bijgewerkt'],
  simulations: ['status', 'failed'],
};

async function auditCount(db: Knex): Promise<number> {
  const row = await db('audit_events').count<{ n: number }[]>({ n: '*' });
  return Number(row[0]!.n);
}

async function rowOf(db: Knex, resource: string, id: number): Promise<unknown> {
  return db(RESOURCES[resource]!.table).where({ id }).first();
}

async function countOf(db: Knex, resource: string): Promise<number> {
  const row = await db(RESOURCES[resource]!.table).count<{ n: number }[]>({ n: '*' });
  return Number(row[0]!.n);
}

describe('access matrix', () => {
  let app: TestApp;
  const f = {} as Fixture;

  before(async () => {
    app = await startTestApp();
    const { db } = app;
    f.funderA = await makeFunder(db, { name: 'Gemeente A', type: 'municipality' });
    f.funderB = await makeFunder(db, { name: 'Fonds B' });
    f.i1 = await makeInitiative(db, { name: 'Eigen initiatief' });
    f.i2 = await makeInitiative(db, { name: 'Ander initiatief' });
    await makeCommitment(db, f.i1, f.funderA);
    await makeCommitment(db, f.i1, f.funderB);
    await makeCommitment(db, f.i2, f.funderB);
    f.tokens = {
      admin: await tokenFor(db, await makeUser(db, 'admin')),
      funder: await tokenFor(db, await makeUser(db, 'funder', { funderId: f.funderA })),
      initiative: await tokenFor(db, await makeUser(db, 'initiative', { initiativeId: f.i1 })),
    };
  });
  after(() => app.close());

  it('covers every route the API serves', () => {
    const covered = new Set([...OTHER_ROUTES, ...Object.keys(FIGURE_ROUTES)]);
    for (const name of Object.keys(EXPECTED_RULES)) {
      for (const route of [`GET /api/${name}`, `GET /api/${name}/export`, `POST /api/${name}`, `GET /api/${name}/:id`, `PUT /api/${name}/:id`, `DELETE /api/${name}/:id`]) {
        covered.add(route);
      }
    }
    // bull-board's own routes sit behind one admin check (test/jobs/queue-dashboard.test.ts).
    const uncovered = collectRoutes(app.app).filter((r) => !covered.has(r) && !r.startsWith('ALL ') && !/^\w+ \/admin\/queues/.test(r));
    expect(uncovered, 'routes without access rules in this matrix').to.deep.equal([]);
    expect(Object.keys(RESOURCES).sort()).to.deep.equal(Object.keys(EXPECTED_RULES).sort());
  });

  const roles: Role[] = ['admin', 'funder', 'initiative'];
  const said: Record<TenantKey, string> = { own: 'its own record', cofunded: 'a co-funded record', other: "another tenant's record" };
  const tenants: TenantKey[] = ['own', 'cofunded', 'other'];
  for (const resource of Object.keys(EXPECTED_RULES)) {
    describe(resource, () => {
      for (const role of roles) {
        for (const key of tenants) {
          const path = `/api/${resource}`;

          it(`${role} exports ${said[key]} → ${expectedStatus(resource, role, 'list', key)}, the record in it as in the list`, async () => {
            const id = await makeRecord(app.db, f, resource, role, key);
            const res = await app.request<string>('GET', `${path}/export${listQuery({ filter: { id: [id] } })}&format=csv`, { token: f.tokens[role] });
            const status = expectedStatus(resource, role, 'list', key);
            expect(res.status).to.equal(status === 404 ? 200 : status);
            if (res.status !== 200) return;
            // The header, and the record's row when the role may see it.
            expect(res.body.split('\r\n').filter(Boolean)).to.have.length(status === 404 ? 1 : 2);
          });

          it(`${role} lists ${said[key]} → ${expectedStatus(resource, role, 'list', key)}`, async () => {
            const id = await makeRecord(app.db, f, resource, role, key);
            const res = await app.request<{ id: number }[]>('GET', path + listQuery({ filter: { id: [id] } }), { token: f.tokens[role] });
            const status = expectedStatus(resource, role, 'list', key);
            expect(res.status).to.equal(status === 404 ? 200 : status);
            if (res.status !== 200) return;
            const visible = status === 200;
            expect(res.body.map((r) => r.id)).to.deep.equal(visible ? [id] : []);
            expect(res.headers.get('content-range')).to.equal(visible ? `${resource} 0-0/1` : `${resource} */0`);
          });

          it(`${role} gets ${said[key]} → ${expectedStatus(resource, role, 'get', key)}`, async () => {
            const id = await makeRecord(app.db, f, resource, role, key);
            const res = await app.request<{ id: number }>('GET', `${path}/${id}`, { token: f.tokens[role] });
            expect(res.status).to.equal(expectedStatus(resource, role, 'get', key));
            if (res.status === 200) expect(res.body.id).to.equal(id);
          });

          it(`${role} creates ${said[key]} → ${expectedStatus(resource, role, 'create', key)}`, async () => {
            const body = await createBody(app.db, f, resource, key);
            const [audits, count] = [await auditCount(app.db), await countOf(app.db, resource)];
            const res = await app.request<{ id: number }>('POST', path, { token: f.tokens[role], body });
            const status = expectedStatus(resource, role, 'create', key);
            expect(res.status, JSON.stringify(res.body)).to.equal(status);
            if (status === 201 || status === 202) {
              expect(await countOf(app.db, resource)).to.equal(count + 1);
              expect(await auditCount(app.db)).to.be.greaterThan(audits);
            } else {
              expect(await countOf(app.db, resource)).to.equal(count);
              expect(await auditCount(app.db)).to.equal(audits);
            }
          });

          for (const verb of ['update', 'delete'] as const) {
            it(`${role} ${verb}s ${said[key]} → ${expectedStatus(resource, role, verb, key)}`, async () => {
              const id = await makeRecord(app.db, f, resource, role, key);
              const before = await rowOf(app.db, resource, id);
              const audits = await auditCount(app.db);
              const current = await app.request<Record<string, unknown>>('GET', `${path}/${id}`, { token: f.tokens.admin });
              const [field, value] = UPDATE_FIELD[resource]!;
              const res =
                verb === 'update'
                  ? await app.request('PUT', `${path}/${id}`, { token: f.tokens[role], body: { ...current.body, [field]: value } })
                  : await app.request('DELETE', `${path}/${id}`, { token: f.tokens[role] });
              const status = expectedStatus(resource, role, verb, key);
              expect(res.status, JSON.stringify(res.body)).to.equal(status);
              if (status === 200) {
                expect(await auditCount(app.db)).to.equal(audits + 1);
              } else {
                expect(await rowOf(app.db, resource, id)).to.deep.equal(before);
                expect(await auditCount(app.db)).to.equal(audits);
              }
            });
          }
        }
      }
    });
  }

  describe('figures', () => {
    for (const [route, resource] of Object.entries(FIGURE_ROUTES)) {
      for (const role of roles) {
        for (const key of tenants) {
          const expected = resource ? expectedStatus(resource, role, 'get', key) : 200;
          it(`${route}: ${role}, ${said[key]} → ${expected}`, async () => {
            const id = resource ? await makeRecord(app.db, f, resource, role, key) : 0;
            const [method, template] = route.split(' ') as [string, string];
            const path = template.replace(':id', String(id));
            const res = await app.request(method, path, { token: f.tokens[role], body: method === 'POST' ? {} : undefined });
            expect(res.status, JSON.stringify(res.body)).to.equal(expected);
          });
        }
      }
    }
  });

  it("limits a funder's initiative list, and its count, to those it funds or that are shared", async () => {
    const shared = await makeInitiative(app.db, { name: 'Gedeeld initiatief', sharedWithFunders: true });
    const res = await app.request<{ id: number }[]>('GET', '/api/initiatives' + listQuery({ filter: { id: [f.i1, f.i2, shared] }, sort: ['id', 'ASC'] }), {
      token: f.tokens.funder,
    });
    expect(res.body.map((r) => r.id)).to.deep.equal([f.i1, shared]);
    expect(res.headers.get('content-range')).to.equal('initiatives 0-1/2');
  });
});
