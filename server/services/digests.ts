// The e-mail digests (design/notifications.md, "E-mail digest"): a run of the schedule makes the
// digests of its period, once per user and period however many workers run it or retry it, and
// queues one send per digest; a send writes the message to outbound_emails before it goes to the
// SMTP server and records the outcome after, so a failure is retried and a crash leaves evidence.
// Also each user's own preferences and the one-click unsubscribe (RFC 8058).
import type { Knex } from 'knex';
import { notificationLink, notificationSentence, type SaidEvent } from '../contract/notifications.js';
import type { Preferences } from '../contract/users.js';
import { keptSecret } from '../data/appSecrets.js';
import { digestRecipient, makeDigests, periodRun, settledLastEventId, unsentDigestIds, userIdRange, type DigestRecipient } from '../data/digests.js';
import { eventsFor, type EventRow } from '../data/events.js';
import { digestPeriods, localDateIn } from '../domain/digestPeriods.js';
import type { DigestPreference, OutboundEmailStatus, UserLanguage } from '../domain/enums.js';
import { ApiError } from '../errors.js';
import { DIGEST_LINE_CAP, digestMessage } from '../mail/digestMessage.js';
import { mailDomain, type Mailer } from '../mail/mailer.js';
import { unsubscribeToken, verifyUnsubscribeToken } from '../mail/unsubscribeToken.js';
import type { Actor } from './actor.js';
import { recordAudit } from './audit.js';

export interface DigestSettings {
  timeZone: string;
  /** Users per statement when a period's digests are made. */
  batchSize: number;
  publicUrl: string;
  mailFrom: string;
  /** UNSUBSCRIBE_SECRET; unset: the installation's own, kept in app_secrets. */
  unsubscribeSecret?: string;
}

/** Where the send jobs go; absent (a test, the bench), the caller sends what `build` answers. */
export interface DigestQueue {
  queueSends(digestIds: readonly number[]): Promise<void>;
  queueBuild(runAt: Date): Promise<void>;
}

export interface BuildResult {
  periods: string[];
  /** Digests made by this build. */
  made: number;
  /** Digests of its periods still to send (made now, or by an earlier build that stopped short). */
  toSend: number[];
}

export type SendResult = OutboundEmailStatus | 'skipped';

interface OutboundRow {
  id: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  status: OutboundEmailStatus;
  attempts: number;
}

const MISSING_TOKEN = 'This unsubscribe link is not valid: it may be cut off. Open the link from the e-mail again, or change your settings in Vangnet.';

/** The event as its sentence and link take it. */
const said = (e: EventRow): SaidEvent => ({ type: e.type, subjectId: Number(e.subject_id), initiativeId: e.initiative_id, data: e.data });

/** How many event sentences a service keeps (an event never changes once recorded). */
const SENTENCE_CACHE = 20_000;

export class DigestService {
  private secret: Promise<string> | null = null;
  private readonly sentences = new Map<string, string>();

  constructor(
    private readonly db: Knex,
    private readonly queue: DigestQueue | null,
    private readonly mailer: Mailer | null,
    private readonly settings: DigestSettings,
  ) {}

  /**
   * Makes the digests of the periods a run at `runAt` falls in — daily users the day's, weekly
   * users on a Monday the week's — in batches of users, and queues the sends of every digest of
   * those periods that is not yet sent.
   */
  async build(runAt: Date): Promise<BuildResult> {
    const periods = digestPeriods(runAt, this.settings.timeZone);
    const wanted: [Exclude<DigestPreference, 'off'>, string][] = [['daily', periods.daily]];
    if (periods.weekly) wanted.push(['weekly', periods.weekly]);
    const lastEventId = await settledLastEventId(this.db);
    const users = await userIdRange(this.db);
    let made = 0;
    const toSend: number[] = [];
    for (const [preference, periodKey] of wanted) {
      const { toEventId } = await periodRun(this.db, periodKey, runAt, lastEventId);
      for (let from = users?.min ?? 1; users && from <= users.max; from += this.settings.batchSize) {
        made += await makeDigests(this.db, { periodKey, preference, toEventId, fromUserId: from, toUserId: from + this.settings.batchSize - 1 });
      }
      toSend.push(...(await unsentDigestIds(this.db, periodKey)));
    }
    if (this.queue && toSend.length) await this.queue.queueSends(toSend);
    return { periods: wanted.map(([, key]) => key), made, toSend };
  }

  /**
   * "Send digests now": builds the period the present moment falls in, by a job when a queue is
   * there (the sends then follow as jobs too). It is the same period as the scheduled run of the
   * day: whichever comes first makes the digests, the other finds them made.
   */
  async runNow(): Promise<{ queued: boolean }> {
    if (!this.queue) throw new ApiError('unavailable.queue', 'The job queue is unavailable, so no digests can be sent now.');
    await this.queue.queueBuild(new Date());
    return { queued: true };
  }

  /**
   * Sends one digest: its message is written once (a retry sends the very same), marked `pending`
   * before it goes to the SMTP server and `sent` after; a refusal marks it `failed` with the error
   * and throws, for the job to retry. Without SMTP the message is kept as `not_sent`.
   */
  async send(digestId: number): Promise<SendResult> {
    const email = await this.outbound(digestId);
    if (!email) return 'skipped';
    if (email.status === 'sent' || email.status === 'not_sent') return email.status;
    if (!this.mailer) {
      await this.db('outbound_emails').where({ id: email.id }).update({ status: 'not_sent', updated_at: this.db.fn.now() });
      return 'not_sent';
    }
    await this.db('outbound_emails')
      .where({ id: email.id })
      .update({ status: 'pending', attempts: this.db.raw('attempts + 1'), updated_at: this.db.fn.now() });
    let messageId: string;
    try {
      ({ messageId } = await this.mailer.send({
        to: email.to,
        subject: email.subject,
        html: email.html,
        text: email.text,
        headers: email.headers,
        messageId: `<vangnet-digest-${digestId}@${mailDomain(this.settings.mailFrom)}>`,
      }));
    } catch (err) {
      await this.db('outbound_emails')
        .where({ id: email.id })
        .update({ status: 'failed', last_error: String((err as Error).message ?? err).slice(0, 2000), updated_at: this.db.fn.now() });
      throw err;
    }
    await this.db('outbound_emails').where({ id: email.id }).update({ status: 'sent', sent_at: this.db.fn.now(), message_id: messageId, last_error: null, updated_at: this.db.fn.now() });
    return 'sent';
  }

  /** The digest's e-mail, written now if it was not yet; null when its user no longer wants it. */
  private async outbound(digestId: number): Promise<OutboundRow | null> {
    const recipient = await digestRecipient(this.db, digestId);
    if (!recipient) return null;
    if (recipient.outboundId !== null) return this.db('outbound_emails').where({ id: recipient.outboundId }).first<OutboundRow>();
    // Unsubscribed or disabled between the build and the send: nothing goes out.
    if (recipient.digest === 'off' || recipient.disabled) return null;
    const message = await this.compose(recipient);
    const [inserted] = await this.db('outbound_emails')
      .insert({
        user_id: recipient.userId,
        digest_id: digestId,
        period: recipient.periodKey,
        to: recipient.email,
        ...message,
        headers: JSON.stringify(message.headers),
        status: this.mailer ? 'pending' : 'not_sent',
      })
      .onConflict('digest_id')
      .ignore()
      .returning<OutboundRow[]>(['id', 'to', 'subject', 'html', 'text', 'headers', 'status', 'attempts']);
    // Another worker wrote it first: that one is the message.
    return inserted ?? (await this.db('outbound_emails').where({ digest_id: digestId }).first<OutboundRow | undefined>()) ?? null;
  }

  /** The digest's subject, HTML, text and headers, in its user's language. */
  async compose(recipient: DigestRecipient): Promise<{ subject: string; html: string; text: string; headers: Record<string, string> }> {
    const inRange = () => eventsFor(this.db, recipient).where('events.id', '>', recipient.fromEventId).where('events.id', '<=', recipient.toEventId);
    const [events, counted] = await Promise.all([
      inRange().orderBy('events.id', 'desc').limit(DIGEST_LINE_CAP).select<EventRow[]>('events.*'),
      inRange().count<{ n: string }[]>({ n: '*' }),
    ]);
    const language = recipient.language;
    const base = this.settings.publicUrl.replace(/\/+$/, '');
    const unsubscribeUrl = await this.unsubscribeUrl(recipient.userId);
    const message = digestMessage({
      language,
      date: localDateIn(recipient.runAt, this.settings.timeZone),
      weekly: recipient.periodKey.startsWith('weekly:'),
      lines: events.map((e) => ({
        initiativeName: typeof e.data.initiativeName === 'string' ? e.data.initiativeName : null,
        sentence: this.sentence(language, e),
        url: `${base}/#${notificationLink(said(e))}`,
      })),
      total: Number(counted[0]?.n ?? 0),
      consoleUrl: `${base}/`,
      preferencesUrl: `${base}/#/preferences`,
      unsubscribeUrl,
    });
    return { ...message, headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } };
  }

  /**
   * An event's sentence, kept for the run: the same events fill many digests (every admin's, every
   * user of one funder's), and wording one formats amounts and dates.
   */
  private sentence(language: UserLanguage, event: EventRow): string {
    const key = `${language}:${event.id}`;
    let sentence = this.sentences.get(key);
    if (sentence === undefined) {
      if (this.sentences.size >= SENTENCE_CACHE) this.sentences.clear();
      sentence = notificationSentence(language, said(event));
      this.sentences.set(key, sentence);
    }
    return sentence;
  }

  private signingSecret(): Promise<string> {
    this.secret ??= this.settings.unsubscribeSecret ? Promise.resolve(this.settings.unsubscribeSecret) : keptSecret(this.db, 'unsubscribe');
    return this.secret;
  }

  async unsubscribeUrl(userId: number): Promise<string> {
    return `${this.settings.publicUrl.replace(/\/+$/, '')}/api/unsubscribe?token=${unsubscribeToken(await this.signingSecret(), userId)}`;
  }

  /** The user an unsubscribe token names; a bad or forged one is a 400 `unsubscribe.invalid_token`. */
  async unsubscribeTarget(token: unknown): Promise<{ userId: number; language: UserLanguage; digest: DigestPreference }> {
    const userId = verifyUnsubscribeToken(await this.signingSecret(), token);
    const user = userId === null ? undefined : await this.db('users').where({ id: userId }).first<{ id: number; language: UserLanguage; digest: DigestPreference } | undefined>('id', 'language', 'digest');
    if (!user) throw new ApiError('unsubscribe.invalid_token', MISSING_TOKEN);
    return { userId: user.id, language: user.language, digest: user.digest };
  }

  /** One-click unsubscribe: the token's user gets no more digests. No login; recorded in the audit log without a user. */
  async unsubscribe(token: unknown): Promise<{ userId: number; language: UserLanguage }> {
    const target = await this.unsubscribeTarget(token);
    await this.writePreferences(null, target.userId, { digest: 'off' });
    return { userId: target.userId, language: target.language };
  }

  async preferences(actor: Actor): Promise<Preferences> {
    const row = await this.db('users').where({ id: actor.userId }).first<Preferences>('language', 'digest');
    return { language: row.language, digest: row.digest };
  }

  async setPreferences(actor: Actor, input: Preferences): Promise<Preferences> {
    return this.writePreferences(actor, actor.userId, input);
  }

  private async writePreferences(actor: Actor | null, userId: number, input: Partial<Preferences>): Promise<Preferences> {
    return this.db.transaction(async (trx) => {
      const before = await trx('users').where({ id: userId }).forUpdate().first<Preferences & { version: number }>('language', 'digest', 'version');
      const changed = Object.entries(input).some(([k, v]) => before[k as keyof Preferences] !== v);
      if (!changed) return { language: before.language, digest: before.digest };
      const [after] = await trx('users')
        .where({ id: userId })
        .update({ ...input, version: trx.raw('version + 1'), updated_at: trx.fn.now() })
        .returning<(Preferences & { version: number })[]>(['language', 'digest', 'version']);
      await recordAudit(trx, actor, 'update', 'users', userId, before, after!);
      return { language: after!.language, digest: after!.digest };
    });
  }
}
