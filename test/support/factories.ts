// Small factories for test records, written straight to the database; each returns the new id.
// They take the API's field names, typed by the contract's create input (so a field a create
// requires needs a default here), and write each to the column the server reads it from (the same
// derivation: `startDate` → `start_date`).
import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { BudgetCreate, CommitmentCreate, FunderCreate, IndicatorCreate, InitiativeCreate, ObligationCreate, Role, TrancheCreate, UserCreate } from '../../server/contract/index.js';
import { toColumns } from '../../server/contract/resource.js';
import { tokenHash } from '../../server/services/auth.js';
import { hashPassword } from '../../server/services/passwords.js';
import { bumpFiguresVersion } from '../../server/data/figuresVersion.js';

let counter = 0;
const unique = (prefix: string) => `${prefix} ${++counter}-${randomBytes(3).toString('hex')}`;

/** A record's fields besides those the factory fills in; `id` to choose the new record's id. */
type Over<T> = Partial<T> & { id?: number };

async function insert(db: Knex, table: string, record: object): Promise<number> {
  const [created] = await db(table).insert(toColumns(record)).returning<{ id: number }[]>('id');
  // As a write through the API does: portfolio answers cached before it are not reused.
  await bumpFiguresVersion(db);
  return created!.id;
}

export function makeFunder(db: Knex, over: Over<FunderCreate> = {}): Promise<number> {
  return insert(db, 'funders', { name: unique('Fonds'), type: 'foundation', ...over } satisfies FunderCreate);
}

export function makeInitiative(db: Knex, over: Over<InitiativeCreate> = {}): Promise<number> {
  return insert(db, 'initiatives', { name: unique('Initiatief'), foundedOn: '2021-03-01', municipality: 'Utrecht', ...over } satisfies InitiativeCreate);
}

export function makeBudget(db: Knex, initiativeId: number, over: Over<BudgetCreate> = {}): Promise<number> {
  return insert(db, 'budgets', { initiativeId, year: 2027, amountCents: 1_200_000, ...over } satisfies BudgetCreate);
}

export function makeCommitment(db: Knex, initiativeId: number, funderId: number, over: Over<Omit<CommitmentCreate, 'trancheSchedule' | 'reportingSchedule' | 'reportDueMonths'>> = {}): Promise<number> {
  return insert(db, 'commitments', {
    initiativeId,
    funderId,
    title: unique('Subsidie'),
    kind: 'subsidy',
    status: 'committed',
    startDate: '2027-01-01',
    endDate: '2027-12-31',
    amountCents: 1_200_000,
    ...over,
  } satisfies CommitmentCreate);
}

export function makeTranche(db: Knex, commitmentId: number, over: Over<TrancheCreate> = {}): Promise<number> {
  return insert(db, 'tranches', { commitmentId, periodStart: '2027-01-01', periodEnd: '2027-06-30', amountCents: 600_000, ...over } satisfies TrancheCreate);
}

/** An open obligation, or of the status given. */
export function makeObligation(db: Knex, commitmentId: number, over: Over<ObligationCreate> & { status?: string; dueOn?: string } = {}): Promise<number> {
  return insert(db, 'obligations', { commitmentId, kind: 'activity_report', title: unique('Verslag'), periodStart: '2027-01-01', periodEnd: '2027-12-31', dueOn: '2028-03-31', ...over });
}

/** A report of the initiative answering these obligations (their status left as it is). */
export async function makeReport(db: Knex, initiativeId: number, obligationIds: readonly number[]): Promise<number> {
  const id = await insert(db, 'reports', { initiativeId, title: unique('Jaarverslag'), periodStart: '2027-01-01', periodEnd: '2027-12-31', submittedOn: '2028-02-01' });
  if (obligationIds.length) await db('report_obligations').insert(obligationIds.map((obligationId) => ({ report_id: id, obligation_id: obligationId })));
  return id;
}

/** A small PDF attached to the report. */
export function makeReportFile(db: Knex, reportId: number): Promise<number> {
  const content = Buffer.from('%PDF-1.4\n%test\n');
  return insert(db, 'report_files', { reportId, fileName: 'verslag.pdf', contentType: 'application/pdf', sizeBytes: content.length, content });
}

export function makeIndicator(db: Knex, initiativeId: number, over: Over<IndicatorCreate> = {}): Promise<number> {
  return insert(db, 'indicators', { initiativeId, name: unique('Bereik'), unit: 'mensen', ...over });
}

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

/** A user with TEST_PASSWORD (its hash made once: hashing is slow on purpose). */
export async function makeUser(db: Knex, role: Role, over: Over<Omit<UserCreate, 'password' | 'role'>> = {}): Promise<number> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return insert(db, 'users', { email: `${unique(role).replace(/\s/g, '-')}@test.example`, passwordHash: await passwordHash, role, ...over });
}

/** A session for the user, made directly (no login, so no rate limit is touched). */
export async function tokenFor(db: Knex, userId: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db('sessions').insert({ user_id: userId, token_hash: tokenHash(token), expires_at: db.raw("now() + interval '1 hour'") });
  return token;
}

export async function adminToken(db: Knex): Promise<string> {
  return tokenFor(db, await makeUser(db, 'admin'));
}
