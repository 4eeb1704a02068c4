// A user's notifications: the events they are told of (server/data/events.ts), each said in one
// sentence in Dutch or English with a link into the console. The console, the e-mail digests and
// the webhooks' payloads all say an event with these functions.
import { z } from 'zod';
import { EVENT_SUBJECTS, EVENT_TYPES, type EventType, type GapKind, type GapSeverity } from '../domain/enums.js';
import { day, euro } from './format.js';
import { ENUM_LABELS, type Language } from './labels.js';
import { recordId } from './values.js';

export const notificationSchema = z.object({
  id: recordId,
  type: z.enum(EVENT_TYPES),
  subjectType: z.enum(EVENT_SUBJECTS),
  subjectId: z.number().int(),
  initiativeId: recordId.nullable(),
  createdAt: z.string().describe('when it happened (ISO 8601)'),
  read: z.boolean(),
  data: z.record(z.string(), z.unknown()).describe('what the sentence says: names, amounts, dates (per type, see the README)'),
});

export type Notification = z.infer<typeof notificationSchema>;

/**
 * `PUT /api/notifications/{id}`: marks it read. The console sends the whole record back, so the
 * other (read-only) fields are ignored rather than refused.
 */
export const notificationUpdateSchema = z.object({ read: z.literal(true) });

/** What a sentence needs of an event. */
export interface SaidEvent {
  type: EventType;
  subjectId: number;
  initiativeId: number | null;
  data: Record<string, unknown>;
}

const text = (data: Record<string, unknown>, key: string): string => (typeof data[key] === 'string' ? (data[key] as string) : '');
const num = (data: Record<string, unknown>, key: string): number => (typeof data[key] === 'number' ? (data[key] as number) : 0);

function gapKind(lang: Language, kind: string): string {
  return ENUM_LABELS[lang].gapKind[kind as GapKind] ?? kind;
}

function severity(lang: Language, value: string): string {
  return (ENUM_LABELS[lang].severity[value as GapSeverity] ?? value).toLowerCase();
}

const OBLIGATION_KINDS: Record<Language, Record<string, string>> = {
  nl: { activity_report: 'inhoudelijk verslag', financial_report: 'financieel verslag', audit_statement: 'accountantsverklaring', outcome_report: 'resultatenrapportage', other: 'verslag' },
  en: { activity_report: 'activity report', financial_report: 'financial report', audit_statement: 'audit statement', outcome_report: 'outcome report', other: 'report' },
};

const PLEDGE_STATUSES: Record<Language, Record<string, string>> = {
  nl: { proposed: 'voorgesteld', pledged: 'toegezegd', confirmed: 'bevestigd', withdrawn: 'ingetrokken' },
  en: { proposed: 'proposed', pledged: 'pledged', confirmed: 'confirmed', withdrawn: 'withdrawn' },
};

/** The event in one sentence. */
export function notificationSentence(lang: Language, event: SaidEvent): string {
  const d = event.data;
  const nl = lang === 'nl';
  const initiative = text(d, 'initiativeName');
  const period = () => (nl ? `${day(lang, text(d, 'periodStart'))} t/m ${day(lang, text(d, 'periodEnd'))}` : `${day(lang, text(d, 'periodStart'))} to ${day(lang, text(d, 'periodEnd'))}`);
  const shortfall = () => (num(d, 'shortfallCents') > 0 ? (nl ? `, tekort ${euro(lang, num(d, 'shortfallCents'))}` : `, shortfall ${euro(lang, num(d, 'shortfallCents'))}`) : '');
  switch (event.type) {
    case 'gap.opened':
      return nl
        ? `Nieuw knelpunt bij ${initiative}: ${gapKind(lang, text(d, 'kind')).toLowerCase()} (${severity(lang, text(d, 'severity'))}), ${period()}${shortfall()}.`
        : `New gap at ${initiative}: ${gapKind(lang, text(d, 'kind')).toLowerCase()} (${severity(lang, text(d, 'severity'))}), ${period()}${shortfall()}.`;
    case 'gap.escalated':
      return nl
        ? `Het knelpunt ${gapKind(lang, text(d, 'kind')).toLowerCase()} bij ${initiative} is nu ernstig (was ${severity(lang, text(d, 'previousSeverity'))}), ${period()}${shortfall()}.`
        : `The ${gapKind(lang, text(d, 'kind')).toLowerCase()} gap at ${initiative} is now high (was ${severity(lang, text(d, 'previousSeverity'))}), ${period()}${shortfall()}.`;
    case 'gap.resolved':
      return nl
        ? `Opgelost bij ${initiative}: ${gapKind(lang, text(d, 'kind')).toLowerCase()}, ${period()}.`
        : `Resolved at ${initiative}: ${gapKind(lang, text(d, 'kind')).toLowerCase()}, ${period()}.`;
    case 'obligation.due_soon': {
      const kind = OBLIGATION_KINDS[lang][text(d, 'kind')] ?? text(d, 'kind');
      return nl
        ? `${initiative} levert uiterlijk ${day(lang, text(d, 'dueOn'))} een ${kind} aan ${text(d, 'funderName')}: ‘${text(d, 'title')}’.`
        : `${initiative} owes ${text(d, 'funderName')} a ${kind} by ${day(lang, text(d, 'dueOn'))}: ‘${text(d, 'title')}’.`;
    }
    case 'obligation.overdue': {
      const kind = OBLIGATION_KINDS[lang][text(d, 'kind')] ?? text(d, 'kind');
      return nl
        ? `Te laat: ${initiative} had op ${day(lang, text(d, 'dueOn'))} een ${kind} aan ${text(d, 'funderName')} moeten leveren (‘${text(d, 'title')}’).`
        : `Overdue: ${initiative} owed ${text(d, 'funderName')} a ${kind} on ${day(lang, text(d, 'dueOn'))} (‘${text(d, 'title')}’).`;
    }
    case 'round.pledge': {
      const status = PLEDGE_STATUSES[lang][text(d, 'status')] ?? text(d, 'status');
      return nl
        ? `Cofinancieringsronde ‘${text(d, 'roundTitle')}’ van ${initiative}: ${text(d, 'funderName')} ${euro(lang, num(d, 'amountCents'))} ${status}.`
        : `Co-financing round ‘${text(d, 'roundTitle')}’ of ${initiative}: ${text(d, 'funderName')} ${euro(lang, num(d, 'amountCents'))} ${status}.`;
    }
    case 'scan.failed':
      return nl ? `Scan ${num(d, 'scanId')} is mislukt: ${text(d, 'error')}` : `Scan ${num(d, 'scanId')} failed: ${text(d, 'error')}`;
    case 'webhook.disabled':
      return nl
        ? `Webhook naar ${text(d, 'url')} is uitgezet na ${num(d, 'failures')} mislukte afleveringen op rij.`
        : `The webhook to ${text(d, 'url')} was switched off after ${num(d, 'failures')} failed deliveries in a row.`;
  }
}

/** Where in the console the event is about (a path of the console's router). */
export function notificationLink(event: SaidEvent): string {
  const d = event.data;
  switch (event.type) {
    case 'gap.opened':
    case 'gap.escalated':
    case 'gap.resolved':
      return `/initiatives/${event.initiativeId}/show`;
    case 'obligation.due_soon':
    case 'obligation.overdue':
      return `/obligations/${num(d, 'obligationId') || event.subjectId}/show`;
    case 'round.pledge':
      return `/cofinancing-rounds/${num(d, 'roundId')}/show`;
    case 'scan.failed':
      return `/scans`;
    case 'webhook.disabled':
      return `/webhooks/${num(d, 'webhookId') || event.subjectId}/show`;
  }
}
