// The digests' bookkeeping in SQL: a period's run and the last event it covers, its rows made
// set-based per batch of users, and what a digest tells its user.
import type { Knex } from 'knex';
import type { DigestPreference, Role, UserLanguage } from '../domain/enums.js';

/** Serialises the batches of all digest builds: each reads a user's previous digest and writes the next. */
const BUILD_LOCK = 0x76616e67;

/**
 * The highest event id for which every lower id is settled. An event's id is taken when its
 * insert starts, and a transaction may commit a lower id after a higher one: a SHARE lock waits
 * for every transaction that is inserting events to end (and holds new inserts off for this one
 * statement), so no lower id can appear after this answer.
 */
export async function settledLastEventId(db: Knex): Promise<number> {
  return db.transaction(async (trx) => {
    await trx.raw('LOCK TABLE events IN SHARE MODE');
    const { rows } = await trx.raw<{ rows: { last: string | null }[] }>('SELECT max(id) AS last FROM events');
    return Number(rows[0]?.last ?? 0);
  });
}

/**
 * The run of a period: made by its first build, with the last event it covers; a retried or later
 * build of the same period finds it and covers the same events.
 */
export async function periodRun(db: Knex, periodKey: string, runAt: Date, lastEventId: number): Promise<{ toEventId: number; first: boolean }> {
  const inserted = await db('digest_runs').insert({ period_key: periodKey, to_event_id: lastEventId, run_at: runAt }).onConflict('period_key').ignore().returning<{ to_event_id: string }[]>('to_event_id');
  if (inserted.length) return { toEventId: lastEventId, first: true };
  const row = await db('digest_runs').where({ period_key: periodKey }).first<{ to_event_id: string }>('to_event_id');
  return { toEventId: Number(row.to_event_id), first: false };
}

export async function userIdRange(db: Knex): Promise<{ min: number; max: number } | null> {
  const row = await db('users').first<{ min: number | null; max: number | null }>(db.raw('min(id) AS min'), db.raw('max(id) AS max'));
  return row?.min === null || row?.min === undefined ? null : { min: row.min, max: row.max! };
}

/**
 * The events a user is told of, as SQL over `events e` and `users u`. It restates `eventsFor`
 * (server/data/events.ts) for all users at once; test/mail/digest-build.test.ts proves them equal.
 */
const TOLD = `(
     (u.role = 'admin' AND e.admins)
  OR (u.role = 'initiative' AND e.initiative_id = u.initiative_id)
  OR (u.role = 'funder' AND e.funder_ids @> ARRAY[u.funder_id]))`;

/**
 * Makes the digests of one period for the users with ids in [fromUserId, toUserId] who want
 * `preference` and have something new: after their previous digest's last event, up to the
 * period's. A user who has one for the period keeps it. Answers how many were made.
 */
export async function makeDigests(
  db: Knex,
  batch: { periodKey: string; preference: Exclude<DigestPreference, 'off'>; toEventId: number; fromUserId: number; toUserId: number },
): Promise<number> {
  return db.transaction(async (trx) => {
    await trx.raw('SELECT pg_advisory_xact_lock(?)', [BUILD_LOCK]);
    const result = await trx.raw<{ rowCount: number }>(
      `INSERT INTO digests (user_id, period_key, from_event_id, to_event_id)
       SELECT u.id, :periodKey, prev.last, :toEventId
       FROM users u
       CROSS JOIN LATERAL (SELECT coalesce(max(d.to_event_id), 0) AS last FROM digests d WHERE d.user_id = u.id) prev
       WHERE u.id BETWEEN :fromUserId AND :toUserId
         AND u.digest = :preference AND NOT u.disabled
         AND prev.last < :toEventId
         AND EXISTS (SELECT 1 FROM events e WHERE e.id > prev.last AND e.id <= :toEventId AND ${TOLD})
       ON CONFLICT (user_id, period_key) DO NOTHING`,
      batch,
    );
    return result.rowCount;
  });
}

/** The digests of a period whose e-mail is not yet sent or kept: what the send jobs still have to do. */
export async function unsentDigestIds(db: Knex, periodKey: string): Promise<number[]> {
  const rows = await db('digests as d')
    .leftJoin('outbound_emails as o', 'o.digest_id', 'd.id')
    .where('d.period_key', periodKey)
    .where((q) => q.whereNull('o.id').orWhereIn('o.status', ['pending', 'failed']))
    .orderBy('d.id')
    .select<{ id: string }[]>('d.id');
  return rows.map((r) => Number(r.id));
}

export interface DigestRecipient {
  digestId: number;
  periodKey: string;
  /** When the period's run was. */
  runAt: Date;
  fromEventId: number;
  toEventId: number;
  userId: number;
  email: string;
  language: UserLanguage;
  digest: DigestPreference;
  disabled: boolean;
  role: Role;
  funderId: number | null;
  initiativeId: number | null;
  /** The digest's e-mail, once written. */
  outboundId: number | null;
}

export async function digestRecipient(db: Knex, digestId: number): Promise<DigestRecipient | null> {
  const row = await db('digests as d')
    .join('users as u', 'u.id', 'd.user_id')
    .join('digest_runs as r', 'r.period_key', 'd.period_key')
    .leftJoin('outbound_emails as o', 'o.digest_id', 'd.id')
    .where('d.id', digestId)
    .first<
      | {
          id: string;
          period_key: string;
          run_at: Date;
          from_event_id: string;
          to_event_id: string;
          user_id: number;
          email: string;
          language: UserLanguage;
          digest: DigestPreference;
          disabled: boolean;
          role: Role;
          funder_id: number | null;
          initiative_id: number | null;
          outbound_id: string | null;
        }
      | undefined
    >('o.id as outbound_id', 'd.id', 'd.period_key', 'r.run_at', 'd.from_event_id', 'd.to_event_id', 'd.user_id', 'u.email', 'u.language', 'u.digest', 'u.disabled', 'u.role', 'u.funder_id', 'u.initiative_id');
  if (!row) return null;
  return {
    digestId: Number(row.id),
    periodKey: row.period_key,
    runAt: row.run_at,
    fromEventId: Number(row.from_event_id),
    toEventId: Number(row.to_event_id),
    userId: row.user_id,
    email: row.email,
    language: row.language,
    digest: row.digest,
    disabled: row.disabled,
    role: row.role,
    funderId: row.funder_id,
    initiativeId: row.initiative_id,
    outboundId: row.outbound_id === null ? null : Number(row.outbound_id),
  };
}
