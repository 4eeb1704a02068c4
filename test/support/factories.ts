// Small factories for test records, written straight to the database; each returns the new id.
import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { Role } from '../../server/domain/enums.js';
import { tokenHash } from '../../server/services/auth.js';
import { hashPassword } from '../../server/services/passwords.js';

let counter = 0;
const unique = (prefix: string) => `${prefix} ${++counter}-${randomBytes(3).toString('hex')}`;

async function insert(db: Knex, table: string, row: Record<string, unknown>): Promise<number> {
  const [created] = await db(table).insert(row).returning<{ id: number }[]>('id');
  return created!.id;
}

export function makeFunder(db: Knex, over: Record<string, unknown> = {}): Promise<number> {
  return insert(db, 'funders', { name: unique('Fonds'), type: 'foundation', ...over });
}

export function makeInitiative(db: Knex, over: Record<string, unknown> = {}): Promise<number> {
  return insert(db, 'initiatives', { name: unique('Initiatief'), founded_on: '2021-03-01', municipality: 'Utrecht', ...over });
}

export function makeBudget(db: Knex, initiativeId: number, over: Record<string, unknown> = {}): Promise<number> {
  return insert(db, 'budgets', { initiative_id: initiativeId, year: 2027, amount_cents: 1_200_000, ...over });
}

export function makeCommitment(db: Knex, initiativeId: number, funderId: number, over: Record<string, unknown> = {}): Promise<number> {
  return insert(db, 'commitments', {
    initiative_id: initiativeId,
    funder_id: funderId,
    title: unique('Subsidie'),
    kind: 'subsidy',
    status: 'committed',
    start_date: '2027-01-01',
    end_date: '2027-12-31',
    amount_cents: 1_200_000,
    ...over,
  });
}

export function makeTranche(db: Knex, commitmentId: number, over: Record<string, unknown> = {}): Promise<number> {
  return insert(db, 'tranches', { commitment_id: commitmentId, period_start: '2027-01-01', period_end: '2027-06-30', amount_cents: 600_000, ...over });
}

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

export async function makeUser(db: Knex, role: Role, over: Record<string, unknown> = {}): Promise<number> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return insert(db, 'users', { email: `${unique(role).replace(/\s/g, '-')}@test.example`, password_hash: await passwordHash, role, ...over });
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
