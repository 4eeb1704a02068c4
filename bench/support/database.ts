// What the bench tools do to their own databases: drop one, make an admin with a session, tell
// which code was measured.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { tokenHash } from '../../server/services/auth.js';
import { hashPassword } from '../../server/services/passwords.js';
import { REPO_ROOT } from './processes.js';

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

export async function dropDatabase(url: string): Promise<void> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${databaseName(url).replace(/"/g, '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** The code measured: the commit, and the files under bin/, server/, jobs/ and migrations/ changed since (others may be editing). */
export function codeVersion(): { commit: string; changed: string[] } {
  const git = (...a: string[]) => execFileSync('git', a, { cwd: REPO_ROOT, encoding: 'utf8' });
  try {
    // Porcelain lines are "XY path"; X may be a space, so the output is not trimmed.
    const changed = git('status', '--porcelain', '--', 'bin', 'server', 'jobs', 'migrations').split('\n').filter(Boolean).map((l) => l.slice(3));
    return { commit: git('rev-parse', '--short', 'HEAD').trim(), changed };
  } catch {
    return { commit: 'unknown', changed: [] };
  }
}

/** An admin user and a session for it, made directly in the database (as test/support/factories.ts does). */
export async function adminToken(db: pg.Pool): Promise<string> {
  const email = 'bench-admin@vangnet.example';
  await db.query("INSERT INTO users (email, password_hash, role) VALUES ($1, $2, 'admin') ON CONFLICT DO NOTHING", [email, await hashPassword(`bench-${Date.now()}-${Math.random()}`)]);
  const token = randomBytes(32).toString('base64url');
  await db.query("INSERT INTO sessions (user_id, token_hash, expires_at) SELECT id, $2, now() + interval '1 day' FROM users WHERE lower(email) = $1", [email, tokenHash(token)]);
  return token;
}
