// events: what happened, recorded once in the transaction of the change that caused it, and who is
// told (migrations/20261130-10-events.ts). A user's notifications, digests and a webhook's deliveries
// all read the events their owner is told of through `eventsFor`.
import type { Knex } from 'knex';
import type { EventSubject, EventType, GapSeverity, Role } from '../domain/enums.js';

export interface NewEvent {
  type: EventType;
  subjectType: EventSubject;
  subjectId: number;
  /** What caused it, where one subject can have the same event more than once (a scan's id, a version). */
  cause?: string;
  /** Its users are told. */
  initiativeId: number | null;
  /** Their users are told. */
  funderIds: readonly number[];
  /** Every admin is told. */
  admins: boolean;
  /** What the sentence says (server/contract/notifications.ts reads it). */
  data: Record<string, unknown>;
}

/** A row of `events`. */
export interface EventRow {
  id: number;
  type: EventType;
  subject_type: EventSubject;
  subject_id: number;
  cause: string;
  initiative_id: number | null;
  funder_ids: number[];
  admins: boolean;
  data: Record<string, unknown>;
  created_at: Date;
}

/** Whom events are told to: a user as the access rules know them. */
export interface Recipient {
  role: Role;
  funderId: number | null;
  initiativeId: number | null;
}

/**
 * Records the events; one already recorded (same type, subject and cause) is skipped, so a job run
 * twice records nothing new. Answers the ids of the events recorded now.
 */
export async function recordEvents(knex: Knex | Knex.Transaction, events: readonly NewEvent[]): Promise<number[]> {
  if (!events.length) return [];
  const rows = events.map((e) => ({
    type: e.type,
    subject_type: e.subjectType,
    subject_id: e.subjectId,
    cause: e.cause ?? '',
    initiative_id: e.initiativeId,
    funder_ids: [...e.funderIds],
    admins: e.admins,
    data: e.data,
  }));
  const result = await knex.raw<{ rows: { id: number }[] }>(
    `INSERT INTO events (type, subject_type, subject_id, cause, initiative_id, funder_ids, admins, data)
     SELECT type, subject_type, subject_id, cause, initiative_id, ARRAY(SELECT jsonb_array_elements_text(funder_ids)::int), admins, data
     FROM jsonb_to_recordset(?::jsonb)
       AS e(type text, subject_type text, subject_id bigint, cause text, initiative_id int, funder_ids jsonb, admins boolean, data jsonb)
     ON CONFLICT (type, subject_type, subject_id, cause) DO NOTHING
     RETURNING id`,
    [JSON.stringify(rows)],
  );
  return result.rows.map((r) => r.id);
}

/** The `events` a recipient is told of (alias `events`), to be narrowed, ordered and paged by the caller. */
export function eventsFor(knex: Knex | Knex.Transaction, recipient: Recipient): Knex.QueryBuilder {
  const q = knex('events');
  if (recipient.role === 'admin') return q.where('events.admins', true);
  if (recipient.role === 'funder') return q.whereRaw('events.funder_ids @> ARRAY[?]::int[]', [recipient.funderId ?? 0]);
  return q.where('events.initiative_id', recipient.initiativeId ?? 0);
}

/** A gap as its events tell it: what it was before the scan's change, and what it is now. */
export interface GapChange {
  gapId: number;
  /** Before the change (null: newly opened). */
  previousSeverity: GapSeverity | null;
}

/** Gaps of these severities are told; low ones (and those under the tolerance, never found) are not. */
const TOLD: readonly GapSeverity[] = ['high', 'medium'];

/** A gap that opens again within this long of the same gap resolving is not told again. */
const FLAP_DAYS = 7;

/**
 * Whether a newly opened gap flaps: its initiative resolved a told gap of the same kind and subject
 * in the last seven days (SQL over `t`, a row with the new gap's initiative_id, kind, subject_id).
 */
const FLAPS = `EXISTS (
  SELECT 1 FROM events p
  JOIN gaps r ON r.id = p.subject_id
  WHERE p.initiative_id = t.initiative_id AND p.type = 'gap.resolved' AND p.subject_type = 'gap'
    AND p.created_at > now() - make_interval(days => ${FLAP_DAYS})
    AND r.kind = t.kind AND r.subject_id IS NOT DISTINCT FROM t.subject_id)`;

/** The `data` of a gap's event, from a row `t` of the gap and `i` of its initiative. */
const GAP_DATA = `jsonb_strip_nulls(jsonb_build_object(
  'initiativeName', i.name, 'gapId', t.id, 'kind', t.kind, 'severity', t.severity,
  'previousSeverity', t.previous, 'periodStart', t.period_start, 'periodEnd', t.period_end,
  'shortfallCents', t.shortfall_cents))`;

/**
 * Runs `insertGaps` (an INSERT INTO gaps … RETURNING id, initiative_id, kind, subject_id,
 * period_start, period_end, shortfall_cents, severity) and records, in the same statement, a
 * `gap.opened` event for each high and medium gap it inserts — not for one that flaps (FLAPS: told
 * once). Its initiative's users, `funders`' users (per initiative: the funders of its commitments
 * not declined or withdrawn, as the scan loaded them) and admins are told. The events are built
 * from the inserted rows: a first scan's hundreds of thousands of gaps are not looked up again.
 */
export async function tellOpenedGaps(
  trx: Knex.Transaction,
  insertGaps: string,
  bindings: readonly Knex.Value[],
  funders: readonly { initiative_id: number; funder_ids: readonly number[] }[],
): Promise<void> {
  await trx.raw(
    `WITH opened AS (${insertGaps}),
     funding AS (SELECT * FROM json_to_recordset(?::json) AS f(initiative_id int, funder_ids int[]))
     INSERT INTO events (type, subject_type, subject_id, cause, initiative_id, funder_ids, admins, data)
     SELECT 'gap.opened', 'gap', t.id, '', t.initiative_id, coalesce(f.funder_ids, '{}'), true, ${GAP_DATA}
     FROM (SELECT o.*, NULL::text AS previous FROM opened o WHERE o.severity = ANY (?::text[])) t
     JOIN initiatives i ON i.id = t.initiative_id
     LEFT JOIN funding f ON f.initiative_id = t.initiative_id
     WHERE NOT ${FLAPS}`,
    [...bindings, JSON.stringify(funders.map((f) => ({ initiative_id: f.initiative_id, funder_ids: `{${f.funder_ids.join(',')}}` }))), [...TOLD]],
  );
}

/**
 * Records the events of a scan's changes to gaps it had open, in its transaction, set-based:
 * `escalated` gaps (open, now high, before not) and `resolved` high and medium gaps. `cause` is the
 * scan's id: a gap escalates at most once a scan. The gap's initiative's users, the users of
 * every funder with a commitment to it that is not declined or withdrawn, and admins are told.
 * (New gaps are told as they are inserted: tellOpenedGaps.)
 */
export async function recordGapEvents(
  trx: Knex.Transaction,
  changes: { escalated: readonly GapChange[]; resolved: readonly GapChange[] },
  cause: string,
): Promise<number> {
  const told = [
    ...changes.escalated.map((c) => ({ gap_id: c.gapId, type: 'gap.escalated', previous: c.previousSeverity, cause })),
    ...changes.resolved.filter((c) => c.previousSeverity && TOLD.includes(c.previousSeverity)).map((c) => ({ gap_id: c.gapId, type: 'gap.resolved', previous: c.previousSeverity, cause: '' })),
  ];
  if (!told.length) return 0;
  // The funders are looked up once per initiative, not once per gap.
  const result = await trx.raw<{ rowCount: number }>(
    `WITH told AS (
       SELECT c.type, c.previous, c.cause, g.id, g.initiative_id, g.kind, g.subject_id, g.severity, g.period_start, g.period_end, g.shortfall_cents
       FROM jsonb_to_recordset(?::jsonb) AS c(gap_id bigint, type text, previous text, cause text)
       JOIN gaps g ON g.id = c.gap_id
     ),
     funding AS (
       SELECT m.initiative_id, array_agg(DISTINCT m.funder_id ORDER BY m.funder_id) AS funder_ids
       FROM commitments m
       WHERE m.initiative_id IN (SELECT initiative_id FROM told) AND m.status NOT IN ('declined', 'withdrawn')
       GROUP BY m.initiative_id
     )
     INSERT INTO events (type, subject_type, subject_id, cause, initiative_id, funder_ids, admins, data)
     SELECT t.type, 'gap', t.id, t.cause, t.initiative_id, coalesce(f.funder_ids, '{}'), true, ${GAP_DATA}
     FROM told t
     JOIN initiatives i ON i.id = t.initiative_id
     LEFT JOIN funding f ON f.initiative_id = t.initiative_id
     ON CONFLICT (type, subject_type, subject_id, cause) DO NOTHING`,
    [JSON.stringify(told)],
  );
  return result.rowCount;
}
