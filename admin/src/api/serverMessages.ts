// The API explains what is wrong in English (`{ message, errors: { field: "..." } }`). The
// console shows those explanations in the user's language: each known wording maps to a message
// key, with the figures in it (dates, cents) formatted for the locale. Unknown wordings pass through.
import { HttpError } from 'react-admin';
import { formatDate } from '../format/dates';
import { formatEuro } from '../format/money';
import { i18nProvider } from '../i18n';

type Args = Record<string, string | number>;
type Rule = readonly [RegExp, string, ((m: RegExpExecArray, locale: string) => Args)?];

const euro = (raw: string | undefined, locale: string) => formatEuro(Number(raw), locale);
const date = (raw: string | undefined, locale: string) => formatDate(raw, locale);

/** Explanations of one field (the values of `errors`). */
const FIELD_RULES: readonly Rule[] = [
  [/^is required$/, 'required'],
  [/^must not be empty$/, 'not_empty'],
  [/^must be a whole number of cents/, 'whole_cents'],
  [/^must not be negative$/, 'not_negative'],
  [/^is too large$/, 'too_large'],
  [/^must be (a date|an existing calendar date) YYYY-MM-DD$/, 'date'],
  [/^must be text$/, 'text'],
  [/^must be at most (\d+) characters$/, 'max_chars', (m) => ({ max: Number(m[1]) })],
  [/^must be one of: /, 'one_of'],
  [/^must be a list of: /, 'one_of'],
  [/^must be the id of an existing (\S+ )?record( you may see)?$/, 'existing_record'],
  [/^cannot be changed once created$/, 'fixed_field'],
  [/^must not contain the NUL character/, 'no_nul'],
  [/^must be true or false$/, 'bool'],
  [/^must be a CBS code/, 'cbs_code'],
  [/^must be 8 digits$/, 'kvk'],
  [/^must be a year like/, 'year'],
  [/^must be 1900 or later$/, 'year_min'],
  [/^must be 2200 or earlier$/, 'year_max'],
  [/^must be on or after (startDate|periodStart)$/, 'on_or_after_start'],
  [/^must be on or after (\d{4}-\d{2}-\d{2})$/, 'on_or_after_date', (m, l) => ({ date: date(m[1], l) })],
  [/^must be on or before (\d{4}-\d{2}-\d{2})$/, 'on_or_before_date', (m, l) => ({ date: date(m[1], l) })],
  [/^already has a budget for this initiative$/, 'budget_twice'],
  [/^the period must contain every tranche$/, 'contain_tranches'],
  [/^must be at least the scheduled (\d+) cents$/, 'at_least_scheduled', (m, l) => ({ amount: euro(m[1], l) })],
  [
    /^must be at most (-?\d+) cents: the other tranches already schedule (\d+) of (\d+)$/,
    'at_most_remaining',
    (m, l) => ({ amount: euro(m[1], l), scheduled: euro(m[2], l), total: euro(m[3], l) }),
  ],
  [/^is required for a funder user$/, 'funder_user'],
  [/^is required for an initiative user$/, 'initiative_user'],
  [/^must be empty for role /, 'empty_for_role'],
  [/^is required for a new user$/, 'new_user_password'],
  [/^must be at least 12 characters$/, 'password_length'],
  [/^must be an e-mail address$/, 'email'],
  [/^cannot be changed for yourself$/, 'own_role'],
  [/^cannot be set for yourself$/, 'own_disable'],
  [/^must be your own funder$/, 'own_funder'],
  [/^must be your own initiative$/, 'own_initiative'],
  [/^must be a whole number of years$/, 'whole_years'],
  [/^must be at least 1$/, 'at_least_one'],
  [/^must be at most 100$/, 'at_most_hundred'],
  [/^is stale/, 'stale'],
];

/** Whole-request explanations (the `message`). */
const MESSAGE_RULES: readonly Rule[] = [
  [/^Invalid input\./, 'invalid'],
  [/was changed by someone else/, 'stale'],
  [/still has commitments or users|is still in use/, 'in_use'],
  [/^A \w+ user may not /, 'forbidden'],
  [/^A funder user may only write/, 'funder_only_own'],
  [/^An initiative user may only write/, 'initiative_only_own'],
  [
    /^A tranche must lie inside its commitment's period \((\S+) to (\S+)\)/,
    'tranche_outside',
    (m, l) => ({ start: date(m[1], l), end: date(m[2], l) }),
  ],
  [/^The tranches would add up to more/, 'tranches_exceed'],
  [/^A tranche of this commitment would fall outside/, 'commitment_outside'],
  [/^The amount is less than the tranches/, 'amount_below_scheduled'],
  [/^This initiative already has a budget for (\d+)/, 'budget_exists', (m) => ({ year: m[1] ?? '' })],
  [/^The job queue \(Redis\) cannot be reached/, 'queue_down'],
  [/^The database cannot be reached or is too busy/, 'database_down'],
  [/cannot be changed once created: delete the record and create it anew/, 'fixed_record'],
  [/^Too many login attempts\. Try again in (\d+) seconds/, 'too_many_logins', (m) => ({ seconds: m[1] ?? '' })],
  [/^No \S+ record with id|^Not found$/, 'not_found'],
  [/are read-only here/, 'read_only'],
  [/^You cannot change your own role/, 'own_role'],
  [/^You cannot disable yourself/, 'own_disable'],
];

function localize(text: string, rules: readonly Rule[]): string {
  const locale = i18nProvider.getLocale();
  for (const [pattern, key, args] of rules) {
    const match = pattern.exec(text);
    if (match) return i18nProvider.translate(`vangnet.server.${key}`, args ? args(match, locale) : {});
  }
  return text;
}

export const localizeFieldError = (text: string) => localize(text, FIELD_RULES);
export const localizeMessage = (text: string) => (/^Wrong email or password/.test(text) ? i18nProvider.translate('vangnet.login.wrong') : localize(text, MESSAGE_RULES));

interface ErrorBody {
  message?: string;
  errors?: Record<string, string>;
}

/**
 * The same HttpError with its texts in the user's language. A stale version (409 on `version`)
 * has no field to show it on, so it becomes a notification instead of a form error.
 */
export function localizeHttpError(error: unknown): unknown {
  if (!(error instanceof HttpError)) return error;
  const body = (error.body ?? {}) as ErrorBody;
  const fieldErrors = Object.entries(body.errors ?? {}).filter(([field]) => field !== 'version');
  const errors = fieldErrors.length ? Object.fromEntries(fieldErrors.map(([field, text]) => [field, localizeFieldError(text)])) : undefined;
  const message = localizeMessage(body.message ?? error.message);
  return new HttpError(message, error.status, { ...body, message, errors });
}
