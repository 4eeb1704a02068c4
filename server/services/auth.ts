// Login, bearer tokens and rate limits. Tokens are random and opaque; PostgreSQL keeps only
// their SHA-256, so any API process accepts any valid token.
import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { ApiError, badRequest, reason, unauthorized } from '../errors.js';
import type { Role } from '../domain/enums.js';
import type { Actor } from './actor.js';
import type { PublicUser } from '../contract/figures.js';
import { recordAudit } from './audit.js';
import { dummyHash, hashPassword, verifyPassword } from './passwords.js';

/**
 * Login throttling after OWASP's authentication cheat sheet: only failures count. One address
 * guessing one account, and one address guessing many, are stopped hard (429); an account
 * attacked from many addresses is only slowed down, so its owner still gets in from elsewhere.
 */
export interface AuthSettings {
  sessionTtlSeconds: number;
  /** Failed logins within the window after which the same (email, address) pair gets 429. */
  maxFailuresPerEmailAndIp: number;
  /** Failed logins from one address (any email) within the window after which it gets 429. */
  maxFailuresPerIp: number;
  /** Failed logins of one email (any address) within the window after which every attempt is slowed. */
  slowFailuresPerEmail: number;
  /** The first slowed attempt waits this long; each further failure doubles it, up to the maximum. */
  slowDelayMs: number;
  maxSlowDelayMs: number;
  windowSeconds: number;
}

/** How long a login attempt, and a session after it ended, is kept. */
const PRUNE_AFTER = '1 day';

export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  sessionTtlSeconds: 12 * 3600,
  maxFailuresPerEmailAndIp: 10,
  maxFailuresPerIp: 100,
  slowFailuresPerEmail: 20,
  slowDelayMs: 1000,
  maxSlowDelayMs: 10_000,
  windowSeconds: 15 * 60,
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export type { PublicUser };

interface UserRow {
  id: number;
  email: string;
  password_hash: string;
  role: Role;
  funder_id: number | null;
  initiative_id: number | null;
  disabled: boolean;
  version: number;
}

const WRONG = 'Wrong email or password.';

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export function toPublicUser(u: UserRow): PublicUser {
  return { id: u.id, email: u.email, role: u.role, funderId: u.funder_id, initiativeId: u.initiative_id };
}

export function toActor(u: PublicUser): Actor {
  return { userId: u.id, email: u.email, role: u.role, funderId: u.funderId, initiativeId: u.initiativeId };
}

export class AuthService {
  constructor(
    private readonly db: Knex,
    private readonly settings: AuthSettings = DEFAULT_AUTH_SETTINGS,
  ) {}

  async login(email: string, password: string, ip: string): Promise<{ token: string; user: PublicUser }> {
    const normalized = email.trim().toLowerCase();
    await this.throttle(normalized, ip);
    const user = await this.db('users').whereRaw('lower(email) = ?', [normalized]).first<UserRow | undefined>();
    // Verify against a dummy hash when the user is unknown, so timing does not tell.
    const ok = await verifyPassword(user?.password_hash ?? (await dummyHash()), password);
    const success = Boolean(user && ok && !user.disabled);
    await this.db('login_attempts').insert({ ip, email: normalized, success });
    await this.prune();
    if (!success || !user) throw unauthorized('auth.invalid_credentials', WRONG);
    const token = randomBytes(32).toString('base64url');
    await this.db('sessions').insert({
      user_id: user.id,
      token_hash: tokenHash(token),
      expires_at: this.db.raw(`now() + make_interval(secs => ?)`, [this.settings.sessionTtlSeconds]),
    });
    return { token, user: toPublicUser(user) };
  }

  /**
   * Forgets login attempts a day old (the throttle looks back `windowSeconds`; a day leaves room to
   * look into an attack) and sessions a day after they expired; indexed range deletes, run with
   * every login so neither table grows without end.
   */
  private async prune(): Promise<void> {
    await this.db('login_attempts').where('at', '<', this.db.raw(`now() - interval '${PRUNE_AFTER}'`)).delete();
    await this.db('sessions').where('expires_at', '<', this.db.raw(`now() - interval '${PRUNE_AFTER}'`)).delete();
  }

  /** 429 for a pair or an address over its limit; a delay for an email attacked from everywhere. */
  private async throttle(email: string, ip: string): Promise<void> {
    const s = this.settings;
    const since = this.db.raw(`now() - make_interval(secs => ?)`, [s.windowSeconds]);
    const failures = (where: Record<string, string>) =>
      this.db('login_attempts')
        .where({ ...where, success: false })
        .where('at', '>', since)
        .first<{ n: number; oldest: Date | null } | undefined>(this.db.raw('count(*)::int AS n'), this.db.raw('min(at) AS oldest'));
    const [byPair, byIp, byEmail] = await Promise.all([failures({ email, ip }), failures({ ip }), failures({ email })]);
    for (const [row, max] of [
      [byPair, s.maxFailuresPerEmailAndIp],
      [byIp, s.maxFailuresPerIp],
    ] as const) {
      if (row?.oldest && Number(row.n) >= max) {
        const retryAfter = Math.max(1, Math.ceil((new Date(row.oldest).getTime() + s.windowSeconds * 1000 - Date.now()) / 1000));
        throw new ApiError('auth.too_many_attempts', `Too many login attempts. Try again in ${retryAfter} seconds.`, {
          params: { retryAfter },
          headers: { 'Retry-After': String(retryAfter) },
        });
      }
    }
    const over = Number(byEmail?.n ?? 0) - s.slowFailuresPerEmail;
    if (over >= 0) await sleep(Math.min(s.maxSlowDelayMs, s.slowDelayMs * 2 ** Math.min(over, 30)));
  }

  /** When the session behind a token ends (for a cookie that should live exactly as long). */
  async sessionExpiry(token: string): Promise<Date | null> {
    const row = await this.db('sessions')
      .where({ token_hash: tokenHash(token) })
      .whereNull('revoked_at')
      .where('expires_at', '>', this.db.fn.now())
      .first<{ expires_at: Date } | undefined>('expires_at');
    return row ? new Date(row.expires_at) : null;
  }

  /** The user behind a bearer token, or 401. */
  async authenticate(token: string | undefined): Promise<PublicUser> {
    if (!token) throw unauthorized('auth.required', 'Not logged in: send Authorization: Bearer <token>.');
    const user = await this.db('sessions')
      .join('users', 'users.id', 'sessions.user_id')
      .where('sessions.token_hash', tokenHash(token))
      .whereNull('sessions.revoked_at')
      .where('sessions.expires_at', '>', this.db.fn.now())
      .where('users.disabled', false)
      .first<UserRow | undefined>('users.*');
    if (!user) throw unauthorized('auth.session_ended', 'Your session has ended or is not valid: log in again.');
    return toPublicUser(user);
  }

  async logout(token: string): Promise<void> {
    await this.db('sessions').where({ token_hash: tokenHash(token) }).whereNull('revoked_at').update({ revoked_at: this.db.fn.now() });
  }

  /** A user changes their own password, proving it with the old one; other sessions end. */
  async changePassword(actor: Actor, oldPassword: string, newPassword: string, currentToken: string): Promise<void> {
    await this.db.transaction(async (trx) => {
      const user = await trx('users').where({ id: actor.userId }).forUpdate().first<UserRow>();
      if (!(await verifyPassword(user.password_hash, oldPassword))) {
        throw badRequest('The current password is wrong.', { oldPassword: reason('auth.wrong_password') });
      }
      await trx('users')
        .where({ id: actor.userId })
        .update({ password_hash: await hashPassword(newPassword), version: trx.raw('version + 1'), updated_at: trx.fn.now() });
      await trx('sessions').where({ user_id: actor.userId }).whereNot({ token_hash: tokenHash(currentToken) }).whereNull('revoked_at').update({ revoked_at: trx.fn.now() });
      const after = { ...toPublicUser(user), version: user.version + 1 };
      await recordAudit(trx, actor, 'update', 'users', actor.userId, { ...toPublicUser(user), version: user.version }, { ...after, passwordChanged: true });
    });
  }

  /** Creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD when no user has that email. */
  async ensureAdmin(email: string, password: string): Promise<boolean> {
    const normalized = email.trim().toLowerCase();
    const existing = await this.db('users').whereRaw('lower(email) = ?', [normalized]).first('id');
    if (existing) return false;
    const hash = await hashPassword(password);
    return this.db.transaction(async (trx) => {
      const [row] = await trx('users').insert({ email: normalized, password_hash: hash, role: 'admin' }).onConflict().ignore().returning<UserRow[]>('*');
      if (!row) return false;
      await recordAudit(trx, null, 'create', 'users', row.id, null, { ...toPublicUser(row), disabled: false });
      return true;
    });
  }
}
