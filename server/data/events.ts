// TEMPORARY stand-in for the lead's events core (reverted before merging main).
import type { Knex } from 'knex';
import type { EventSubject, EventType, Role } from '../domain/enums.js';

export interface NewEvent {
  type: EventType;
  subjectType: EventSubject;
  subjectId: number;
  cause?: string;
  initiativeId: number | null;
  funderIds: readonly number[];
  admins: boolean;
  data: Record<string, unknown>;
}

export async function recordEvents(knex: Knex | Knex.Transaction, events: readonly NewEvent[]): Promise<number[]> {
  if (!events.length) return [];
  const rows = await knex('events')
    .insert(
      events.map((e) => ({
        type: e.type,
        subject_type: e.subjectType,
        subject_id: e.subjectId,
        cause: e.cause ?? '',
        initiative_id: e.initiativeId,
        funder_ids: [...e.funderIds],
        admins: e.admins,
        data: e.data,
      })),
    )
    .onConflict(['type', 'subject_type', 'subject_id', 'cause'])
    .ignore()
    .returning<{ id: number }[]>('id');
  return rows.map((r) => Number(r.id));
}

export function eventsFor(knex: Knex, recipient: { role: Role; funderId: number | null; initiativeId: number | null }): Knex.QueryBuilder {
  const q = knex('events');
  if (recipient.role === 'admin') return q.where('admins', true);
  if (recipient.role === 'funder') return q.whereRaw('? = ANY(funder_ids)', [recipient.funderId]);
  return q.where('initiative_id', recipient.initiativeId);
}
