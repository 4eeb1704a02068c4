// The current user's notifications: the events they are told of (server/data/events.ts), newest
// first with the usual list conventions, and what they have read.
import type { Knex } from 'knex';
import type { Notification } from '../contract/notifications.js';
import { EVENT_SUBJECTS, EVENT_TYPES } from '../domain/enums.js';
import { eventsFor } from '../data/events.js';
import { fetchPage, selectFields, type Listable, type ListParams, type Page } from '../data/listQuery.js';
import { notFound } from '../errors.js';
import type { Actor } from './actor.js';

/** The list conventions of `GET /api/notifications`. */
export const notificationList: Listable = {
  name: 'notifications',
  table: 'events',
  fields: {
    id: { sql: 'events.id', kind: 'id', sortable: true, filterable: true },
    type: { sql: 'events.type', kind: 'enum', values: EVENT_TYPES, sortable: true, filterable: true },
    subjectType: { sql: 'events.subject_type', kind: 'enum', values: EVENT_SUBJECTS, filterable: true },
    subjectId: { sql: 'events.subject_id', kind: 'id', filterable: true },
    initiativeId: { sql: 'events.initiative_id', kind: 'id', filterable: true, nullable: true },
    createdAt: { sql: 'events.created_at', kind: 'timestamp', sortable: true, filterable: true },
    // read one by one, or with everything up to the user's "mark all read"
    read: { sql: '(events.id <= reader.through OR seen.event_id IS NOT NULL)', kind: 'bool', filterable: true },
    data: { sql: 'events.data', kind: 'json' },
  },
  search: ["events.data->>'initiativeName'"],
  defaultSort: ['id', 'DESC'],
};

export class NotificationService {
  constructor(private readonly db: Knex) {}

  /** The events the actor is told of, with what they have read joined in. */
  private visible(actor: Actor): Knex.QueryBuilder {
    return eventsFor(this.db, actor)
      .crossJoin(this.db.raw('(SELECT notifications_read_through AS through FROM users WHERE id = ?) AS reader', [actor.userId]))
      .leftJoin('notification_reads as seen', (j) => {
        j.on('seen.event_id', '=', 'events.id').andOn('seen.user_id', '=', this.db.raw('?', [actor.userId]));
      });
  }

  list(actor: Actor, params: ListParams): Promise<Page<Notification>> {
    return fetchPage<Notification>(this.visible(actor).select(selectFields(this.db, notificationList)), this.visible(actor), notificationList, params);
  }

  async get(actor: Actor, id: number): Promise<Notification> {
    const row = await this.visible(actor).select(selectFields(this.db, notificationList)).where('events.id', id).first<Notification | undefined>();
    if (!row) throw notFound();
    return row;
  }

  /** Marks one notification read; one the actor is not told of is a 404. */
  async markRead(actor: Actor, id: number): Promise<Notification> {
    await this.get(actor, id);
    await this.db('notification_reads').insert({ user_id: actor.userId, event_id: id }).onConflict(['user_id', 'event_id']).ignore();
    return this.get(actor, id);
  }

  /**
   * Marks everything read that the actor is told of now: the user's mark moves up to the newest
   * such event, and the single marks it covers go. Answers how many were unread.
   */
  async markAllRead(actor: Actor): Promise<{ read: number }> {
    return this.db.transaction(async (trx) => {
      const user = await trx('users').where({ id: actor.userId }).forUpdate().first<{ notifications_read_through: number }>('notifications_read_through');
      const through = user?.notifications_read_through ?? 0;
      const newest = await eventsFor(trx, actor).max<{ max: number | null }>('events.id as max').first();
      const upTo = newest?.max ?? 0;
      if (upTo <= through) return { read: 0 };
      const unread = await eventsFor(trx, actor)
        .where('events.id', '>', through)
        .where('events.id', '<=', upTo)
        .whereNotExists(trx('notification_reads').select(trx.raw('1')).where('user_id', actor.userId).whereRaw('event_id = events.id'))
        .count<{ count: number }>('* as count')
        .first();
      await trx('users').where({ id: actor.userId }).update({ notifications_read_through: upTo });
      await trx('notification_reads').where('user_id', actor.userId).where('event_id', '<=', upTo).delete();
      return { read: Number(unread?.count ?? 0) };
    });
  }
}
