// GET /api/exports/360giving.json and .csv: one grant per committed or completed commitment the
// user may see whose period overlaps the range, valid against the 360Giving schema 1.4.3, with
// the mapping of design/interop.md.
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { startTestApp, type TestApp } from '../support/app.js';
import { adminToken, makeCommitment, makeFunder, makeInitiative, makeTranche, makeUser, tokenFor } from '../support/factories.js';
import { uniqueTag, type ApiErrorBody } from '../support/records.js';
import { download, recordsOf } from './support.js';

/** The schemas of 360Giving 1.4.3 (CC BY 4.0), as published; see test/fixtures/360giving/README.md. */
const schema = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/360giving/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;

/**
 * The package schema, compiled with the grant schema under both ids the package refers to it by.
 * Their `$schema` names draft 2020-12 by its http:// address, which ajv knows by https://: left out,
 * ajv's 2020-12 build reads them as that draft anyway.
 */
function packageValidator() {
  const draft = ({ $schema: _, ...rest }: Record<string, unknown>) => rest;
  const grant = draft(schema('360-giving-schema.json'));
  const ajv = new Ajv2020.default({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(grant);
  ajv.addSchema({ ...grant, $id: 'https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/360-giving-schema.json' });
  return ajv.compile(draft(schema('360-giving-package-schema.json')));
}

interface Package {
  version: string;
  grants: Record<string, unknown>[];
}

describe('exports: 360Giving (/api/exports/360giving.json|csv)', () => {
  let app: TestApp;
  let admin: string;
  const tag = uniqueTag('360G');
  // An org-id of this run's own (org-ids are unique among funders, and the test database is shared).
  const orgId = `NL-KVK-${tag.slice(-8)}`;
  const ids = { fonds: 0, gemeente: 0, seen: 0, unseen: 0, grant: 0, bare: 0, requested: 0, elsewhere: 0, before: 0, tranche: 0 };
  const validate = packageValidator();

  before(async () => {
    app = await startTestApp({ GRANT_PREFIX: 'coalitie-zwolle' });
    admin = await adminToken(app.db);
    ids.fonds = await makeFunder(app.db, { name: `${tag} Oranje Fonds`, type: 'foundation', orgId });
    ids.gemeente = await makeFunder(app.db, { name: `${tag} Gemeente Zwolle`, type: 'municipality' });
    ids.seen = await makeInitiative(app.db, { name: `${tag} Buurtkamer`, municipality: 'Zwolle', municipalityCode: 'GM0193', kvkNumber: '12345678' });
    ids.unseen = await makeInitiative(app.db, { name: `${tag} Elders`, municipality: 'Deventer' });
    ids.grant = await makeCommitment(app.db, ids.seen, ids.fonds, {
      title: `${tag} Bijdrage`,
      kind: 'grant',
      status: 'committed',
      programme: 'Meedoen',
      conditionNote: 'Jaarlijks een verslag',
      decisionDate: '2025-11-15',
      startDate: '2026-01-01',
      endDate: '2027-12-31',
      amountCents: 123_456_78,
    });
    ids.tranche = await makeTranche(app.db, ids.grant, { periodStart: '2026-01-01', periodEnd: '2026-12-31', amountCents: 60_000_00, status: 'received', receivedOn: '2026-02-03' });
    await makeTranche(app.db, ids.grant, { periodStart: '2027-01-01', periodEnd: '2027-12-31', amountCents: 60_000_00, status: 'planned' });
    ids.bare = await makeCommitment(app.db, ids.seen, ids.gemeente, { title: `${tag} Subsidie`, status: 'completed', startDate: '2026-01-15', endDate: '2026-07-14', amountCents: 10_000_00 });
    ids.requested = await makeCommitment(app.db, ids.seen, ids.gemeente, { title: `${tag} Aanvraag`, status: 'requested', startDate: '2026-01-01', endDate: '2026-12-31' });
    ids.before = await makeCommitment(app.db, ids.seen, ids.gemeente, { title: `${tag} Oud`, status: 'completed', startDate: '2020-01-01', endDate: '2020-12-31' });
    ids.elsewhere = await makeCommitment(app.db, ids.unseen, ids.gemeente, { title: `${tag} Elders`, startDate: '2026-01-01', endDate: '2026-12-31' });
  });

  after(async () => {
    await app.close();
  });

  const grantsOf = (pkg: Package, prefix = 'coalitie-zwolle') =>
    pkg.grants.filter((g) => [ids.grant, ids.bare, ids.requested, ids.before, ids.elsewhere].some((id) => g.id === `360G-${prefix}-${id}`));

  it('answers a package valid against the 360Giving schema', async () => {
    const res = await download(app, '/api/exports/360giving.json?from=2026-01-01&to=2026-12-31', admin);
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.match(/^application\/json/);
    expect(res.headers.get('content-disposition')).to.match(/^attachment; filename="360giving-coalitie-zwolle-\d{4}-\d{2}-\d{2}\.json"$/);
    const pkg = JSON.parse(res.body.toString('utf8')) as Package;
    const valid = validate(pkg);
    expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).to.deep.equal([]);
    expect(valid).to.equal(true);
    expect(pkg.grants.length).to.be.greaterThan(0);
    // The validator does look inside the grants: one without its currency fails.
    const { currency: _, ...withoutCurrency } = pkg.grants[0]!;
    expect(validate({ ...pkg, grants: [withoutCurrency] })).to.equal(false);
  });

  it('maps a commitment as the design note says', async () => {
    const res = await download(app, '/api/exports/360giving.json?from=2026-01-01&to=2026-12-31', admin);
    const grants = grantsOf(JSON.parse(res.body.toString('utf8')) as Package);
    expect(grants.map((g) => g.id)).to.deep.equal([`360G-coalitie-zwolle-${ids.grant}`, `360G-coalitie-zwolle-${ids.bare}`, `360G-coalitie-zwolle-${ids.elsewhere}`]);
    const grant = grants[0]!;
    const { dateModified, ...rest } = grant;
    expect(dateModified).to.match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(rest).to.deep.equal({
      id: `360G-coalitie-zwolle-${ids.grant}`,
      title: `${tag} Bijdrage`,
      description: 'Jaarlijks een verslag',
      currency: 'EUR',
      amountAwarded: 123_456.78,
      amountDisbursed: 60_000,
      awardDate: '2025-11-15',
      plannedDates: [{ startDate: '2026-01-01', endDate: '2027-12-31', duration: 24 }],
      recipientOrganization: [{ id: 'NL-KVK-12345678', name: `${tag} Buurtkamer`, addressLocality: 'Zwolle' }],
      fundingOrganization: [{ id: orgId, name: `${tag} Oranje Fonds`, department: 'Meedoen' }],
      grantProgramme: [{ title: 'Meedoen' }],
      beneficiaryLocation: [{ name: 'Zwolle', countryCode: 'NL', geoCode: 'GM0193' }],
      disbursementTransaction: [{ id: `360G-coalitie-zwolle-${ids.grant}-tranche-${ids.tranche}`, transactionDate: '2026-02-03', value: 60_000, currency: 'EUR' }],
      fundingType: [{ vocabulary: 'vangnet-commitment-kind', code: 'grant', title: 'fondsbijdrage' }],
    });
    const bare = grants[1]!;
    expect(bare.description).to.equal(`${tag} Subsidie`);
    expect(bare.awardDate).to.equal('2026-01-15');
    expect(bare.amountDisbursed).to.equal(undefined);
    expect(bare.plannedDates).to.deep.equal([{ startDate: '2026-01-15', endDate: '2026-07-14', duration: 6 }]);
    expect(bare.recipientOrganization).to.deep.equal([{ id: 'NL-KVK-12345678', name: `${tag} Buurtkamer`, addressLocality: 'Zwolle' }]);
    expect(bare.fundingOrganization).to.deep.equal([{ id: `360G-coalitie-zwolle-ORG:funder-${ids.gemeente}`, name: `${tag} Gemeente Zwolle` }]);
    expect(bare.grantProgramme).to.equal(undefined);
    const elsewhere = grants[2]!;
    expect(elsewhere.recipientOrganization).to.deep.equal([{ id: `360G-coalitie-zwolle-ORG:initiative-${ids.unseen}`, name: `${tag} Elders`, addressLocality: 'Deventer' }]);
    expect(elsewhere.beneficiaryLocation).to.deep.equal([{ name: 'Deventer', countryCode: 'NL' }]);
  });

  it('holds the access rules: a funder gets the grants of the initiatives it may see', async () => {
    const funder = await tokenFor(app.db, await makeUser(app.db, 'funder', { funderId: ids.fonds }));
    const res = await download(app, '/api/exports/360giving.json', funder);
    const ids360 = grantsOf(JSON.parse(res.body.toString('utf8')) as Package).map((g) => g.id);
    expect(ids360).to.deep.equal([ids.grant, ids.bare, ids.before].map((id) => `360G-coalitie-zwolle-${id}`));
  });

  it('answers the flat CSV form with the schema titles joined by ":"', async () => {
    const res = await download(app, '/api/exports/360giving.csv?from=2026-06-01&to=2026-06-30', admin);
    expect(res.status).to.equal(200);
    const rows = recordsOf(parse(res.body.toString('utf8')) as string[][]);
    const row = rows.find((r) => r.Identifier === `360G-coalitie-zwolle-${ids.grant}`)!;
    expect(row['Recipient Org:Identifier']).to.equal('NL-KVK-12345678');
    expect(row['Funding Org:Identifier']).to.equal(orgId);
    expect(row['Amount Awarded']).to.equal('123456.78');
    expect(row['Planned Dates:Duration (months)']).to.equal('24');
    expect(row['Beneficiary Location:Geographic Code']).to.equal('GM0193');
    expect(rows.some((r) => r.Identifier === `360G-coalitie-zwolle-${ids.before}`)).to.equal(false);
  });

  it('refuses a bad range with a 400 naming the field', async () => {
    const res = await app.request<ApiErrorBody>('GET', '/api/exports/360giving.json?from=2026-12-31&to=2026-01-01', { token: admin });
    expect(res.status).to.equal(400);
    expect(res.body.codes?.to?.code).to.equal('field.on_or_after');
    const date = await app.request<ApiErrorBody>('GET', '/api/exports/360giving.csv?from=2026-02-30', { token: admin });
    expect(date.status).to.equal(400);
    expect(date.body.codes?.from?.code).to.equal('field.calendar_date');
  });
});
