// Every code the API can send, with its parameters: the catalogue the console translates (its
// i18n holds one text per code, `vangnet.errors.<code>`; a test fails when one is missing). An
// error answers `{ message, code, params?, errors?, codes? }`: `code` names the whole error,
// `codes[field]` the reason one field is wrong, and `errors[field]` is that reason in English,
// made here from the same code and parameters — so no English reason exists without its code.
//
// Parameters are plain JSON. By convention a parameter named `…Cents` is an amount in euro cents
// and one named `…Date` (or `date`) is an ISO date `YYYY-MM-DD`, so a client can format them.
// Codes are stable: add new ones, never rename or reuse one.

/** The code of a whole error, with the HTTP status it answers. */
export const ERROR_STATUS = {
  /** Invalid input; `codes` says which fields and why. */
  validation: 400,
  /** A request that cannot be read at all (malformed percent-encoding in its path, ...). */
  bad_request: 400,
  /** Not logged in: no bearer token. */
  'auth.required': 401,
  /** The token is unknown, expired or of a disabled user. */
  'auth.session_ended': 401,
  'auth.invalid_credentials': 401,
  /** Your role may not do this, or not for this record. */
  forbidden: 403,
  /** No such record (or not yours to see), or no such endpoint. */
  not_found: 404,
  method_not_allowed: 405,
  /** Someone else changed the record since you read it (`codes.version`). */
  'conflict.version': 409,
  /** A record with these values already exists. */
  'conflict.duplicate': 409,
  /** The record cannot be deleted while other records refer to it. */
  'conflict.in_use': 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  /** Breaks a funding rule (README "Rules"); `codes` says which fields and why. */
  rule: 422,
  /** Too many failed logins; `params.retryAfter` seconds (also the `Retry-After` header). */
  'auth.too_many_attempts': 429,
  internal: 500,
  /** A backing service is unreachable; try again later. */
  unavailable: 503,
  /** PostgreSQL cannot be reached or is too busy; try again after `Retry-After` seconds. */
  'unavailable.database': 503,
  /** The job queue (Redis) is unreachable, so no scan can start; everything else works. */
  'unavailable.queue': 503,
  /** An import whose preview has row errors is applied only with `skipErrors: true`. */
  'import.has_errors': 422,
  /** An import is applied once: it is applied, being applied, or still being previewed. */
  'import.not_appliable': 409,
  /** An unsubscribe link whose token is missing, malformed or not signed by this installation. */
  'unsubscribe.invalid_token': 400,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** The parameters of the whole-error codes that carry any. */
export interface ErrorParamsByCode {
  'auth.too_many_attempts': { retryAfter: number };
}

export type ErrorParams<C extends ErrorCode> = C extends keyof ErrorParamsByCode ? ErrorParamsByCode[C] : undefined;

type Values = { values: readonly string[] };

/** Why one field is wrong: code → its English text, from its parameters. */
export const FIELD_REASONS = {
  // Any field.
  'field.required': () => 'is required',
  'field.invalid': () => 'is not valid',
  'field.not_empty': () => 'must not be empty',
  'field.text': () => 'must be text',
  'field.max_chars': ({ max }: { max: number }) => `must be at most ${max} characters`,
  'field.min_chars': ({ min }: { min: number }) => `must be at least ${min} characters`,
  'field.no_nul': () => 'must not contain the NUL character (\\u0000)',
  'field.bool': () => 'must be true or false',
  'field.whole_number': () => 'must be a whole number',
  'field.whole_number_between': ({ min, max }: { min: number; max: number }) => `must be a whole number from ${min} to ${max}`,
  'field.at_least': ({ min }: { min: number }) => `must be at least ${min}`,
  'field.at_most': ({ max }: { max: number }) => `must be at most ${max}`,
  'field.one_of': ({ values }: Values) => `must be one of: ${values.join(', ')}`,
  'field.list_of': ({ values }: Values) => `must be a list of: ${values.join(', ')}`,
  'field.email': () => 'must be an e-mail address',
  'field.cents': () => 'must be a whole number of cents',
  'field.whole_cents': () => 'must be a whole number of cents (no fractions)',
  'field.not_negative': () => 'must not be negative',
  'field.too_large': (_: { maxCents: number }) => 'is too large',
  'field.date': () => 'must be a date YYYY-MM-DD',
  'field.calendar_date': () => 'must be an existing calendar date YYYY-MM-DD',
  'field.date_between': ({ firstDate, lastDate }: { firstDate: string; lastDate: string }) => `must lie between ${firstDate} and ${lastDate}`,
  'field.datetime': () => 'must be a date or time',
  /** `field` names the other field, e.g. `startDate`. */
  'field.on_or_after': ({ field }: { field: string }) => `must be on or after ${field}`,
  'field.year': () => 'must be a year like 2027',
  'field.year_from': ({ min }: { min: number }) => `must be ${min} or later`,
  'field.year_through': ({ max }: { max: number }) => `must be ${max} or earlier`,
  'field.whole_years': () => 'must be a whole number of years',
  'field.cbs_code': () => 'must be a CBS code like GM0363',
  'field.kvk': () => 'must be 8 digits',
  'field.org_id': () => 'must be an org-id such as NL-KVK-41202535 (country, register, identifier)',
  /** With `resource`: a reference to a record that does not exist or that you may not see. */
  'field.existing_record': ({ resource }: { resource?: string }) =>
    resource ? `must be the id of an existing ${resource} record you may see` : 'must be the id of an existing record',
  'field.unknown': ({ resource }: { resource?: string }) => (resource ? `is not a field of ${resource}` : 'is not a known field'),
  'field.fixed': () => 'cannot be changed once created',
  'field.create_only': () => 'can only be given when creating',
  'field.json_object': () => 'must be a JSON object',

  // The body as a whole (field `body`).
  'body.invalid_json': () => 'The body is not valid JSON.',
  'body.too_large': () => 'The body is too large.',
  'body.unsupported_encoding': () => 'The body has an unsupported encoding.',
  'body.unsupported_charset': () => 'The body has an unsupported character set.',
  'body.unreadable': () => 'could not be read',

  // The list parameters `sort`, `range` and `filter` (README "Lists").
  'list.json': () => 'is not valid JSON',
  'list.json_once': () => 'must be given once, as JSON',
  'list.sort': () => 'must be ["field","ASC"] or ["field","DESC"]',
  'list.not_sortable': ({ resource, field, sortable }: { resource: string; field: string; sortable: readonly string[] }) =>
    `cannot sort ${resource} by "${field}"; sortable: ${sortable.join(', ')}`,
  'list.range': () => 'must be [first, last] with whole numbers from 0',
  'list.range_order': () => 'last must not be before first',
  'list.page_size': ({ max }: { max: number }) => `at most ${max} records per page`,
  'list.not_filterable': () => 'is not a filterable field',
  'list.filter_values': ({ max }: { max: number }) => `at most ${max} values`,
  'list.cannot_filter': () => 'cannot be filtered',

  // Versions (README "Concurrent edits").
  'version.required': () => 'is required: send back the version you read',
  'version.stale': () => 'is stale: reload the record',

  // Logins, users and who may write what.
  'auth.wrong_password': () => 'is wrong',
  'user.password_required': () => 'is required for a new user',
  'user.funder_required': () => 'is required for a funder user',
  'user.initiative_required': () => 'is required for an initiative user',
  'user.empty_for_role': ({ role }: { role: string }) => `must be empty for role ${role}`,
  'user.own_role': () => 'cannot be changed for yourself',
  'user.own_disable': () => 'cannot be set for yourself',
  'access.own_funder': () => 'must be your own funder',
  'access.own_initiative': () => 'must be your own initiative',

  // The funding rules (README "Rules").
  'tranche.starts_before_commitment': ({ startDate }: { startDate: string; endDate: string }) => `must be on or after ${startDate}`,
  'tranche.ends_after_commitment': ({ endDate }: { startDate: string; endDate: string }) => `must be on or before ${endDate}`,
  /** `availableCents` = `amountCents` (the commitment's) − `scheduledCents` (its other tranches). */
  'tranche.exceeds_commitment': ({ availableCents, scheduledCents, amountCents }: { availableCents: number; scheduledCents: number; amountCents: number }) =>
    `must be at most ${availableCents} cents: the other tranches already schedule ${scheduledCents} of ${amountCents}`,
  'commitment.excludes_tranches': () => 'the period must contain every tranche',
  'commitment.below_scheduled': ({ scheduledCents }: { scheduledCents: number }) => `must be at least the scheduled ${scheduledCents} cents`,
  'budget.duplicate': (_: { year: number }) => 'already has a budget for this initiative',
  'funder.org_id_taken': (_: { name: string }) => 'is the org-id of another funder',

  // Imports (README "Import"): a cell as people type it, a reference by natural key, the file.
  'import.euros': () => 'must be an amount in euros, such as 1.234,56 or 1234.56',
  'import.date': () => 'must be a date such as 31-12-2027, 31/12/2027 or 2027-12-31',
  'import.bool': () => 'must be ja or nee (yes/no, true/false)',
  'import.label': ({ values }: Values) => `must be one of: ${values.join(', ')}`,
  'import.whole_number': () => 'must be a whole number',
  /** `sheet` is the resource referred to, `key` the value in the cell. */
  'import.not_found': ({ sheet, key }: { sheet: string; key: string }) => `no ${sheet} record "${key}" in this file or among the records you may see`,
  'import.ambiguous': ({ sheet, key }: { sheet: string; key: string }) => `"${key}" names more than one ${sheet} record: fill in the other columns that tell them apart`,
  'import.sheet_not_allowed': ({ sheet }: { sheet: string }) => `your role may not import ${sheet}`,
  'import.unknown_column': () => 'is not a column of this sheet: it is ignored',
  'import.unknown_sheet': () => 'is not a sheet Vangnet imports: it is ignored',
  'import.duplicate_row': ({ row }: { row: number }) => `has the same key as row ${row}`,
  'import.currency': ({ currency }: { currency: string }) => `is ${currency}: only amounts in EUR can be imported`,
  'import.individual': () => 'is a grant to an individual: only grants to organisations can be imported',
  'import.file_type': () => 'must be one .xlsx, .csv or 360Giving .json file',
  'import.file_unreadable': ({ kind }: { kind: string }) => `could not be read as ${kind}`,
  'import.file_too_large': ({ maxBytes }: { maxBytes: number }) => `must be at most ${maxBytes} bytes`,
  'import.zip_bomb': ({ maxBytes }: { maxBytes: number }) => `unpacks to more than ${maxBytes} bytes: refused`,
  'import.sheet_unknown': () => 'the header row matches no sheet: name it with the field sheet',
  'import.no_rows': () => 'holds no rows to be imported',

  // Webhooks (README "Webhooks").
  'webhook.url': () => 'must be an absolute http(s) URL without a user name or password',
  'webhook.https_only': () => 'must be an https URL',
  /** `reason` is the range the address lies in (server/domain/webhookAddress.ts). */
  'webhook.private_address': ({ reason }: { reason: string }) => `must not point at a ${reason.replace('_', '-')} address: deliveries go to public addresses only`,
  // Reporting (README "Reporting obligations and impact").
  'commitment.per_tranche_needs_tranches': () => 'per_tranche needs a trancheSchedule: the obligations follow the tranches',
  'obligation.not_submitted': ({ status }: { status: string }) => `cannot be decided: the obligation is ${status}, not submitted`,
  'obligation.not_waivable': ({ status }: { status: string }) => `cannot be waived: the obligation is already ${status}`,
  'obligation.note_required': () => 'is required when rejecting: say what is missing',
  'report.obligations': () => 'must list at least one obligation the report answers',
  /** `obligationId` is not an obligation of this initiative that you may see. */
  'report.obligation_unknown': ({ obligationId }: { obligationId: number }) => `obligation ${obligationId} is not an obligation of this initiative`,
  'report.obligation_not_owed': ({ obligationId, status }: { obligationId: number; status: string }) => `obligation ${obligationId} is ${status}: only open or rejected obligations can be answered`,
  'file.type': ({ types }: { types: readonly string[] }) => `must be one of: ${types.join(', ')} (checked from the content, not the name)`,
  'file.name_mismatch': ({ contentType }: { contentType: string }) => `the name's extension does not fit the content, which is ${contentType}`,
  'file.too_large': ({ maxBytes }: { maxBytes: number }) => `must be at most ${maxBytes} bytes`,
  'file.required': () => 'send one file in the field file',
  'indicator.value': () => 'must be a number',
  'indicator.targets': () => 'must be an object of year → number, such as {"2027": 120}',
  'indicator_value.duplicate': (_: { year: number }) => 'already has a value for this year',
  // What-if scenarios (README "Planning ahead and co-financing").
  'scenario.funder_or_type': () => 'is required when no funderId is given',
  'round.closed': () => 'is a closed round: reopen it first',
  'pledge.match_only': () => 'must be match when a pledge to match or a ratio is given',
  'pledge.exceeds_match': ({ maxCents }: { maxCents: number }) => `must be at most ${maxCents} cents: the ratio of the pledge it matches`,
  'pledge.match_not_confirmed': (_: { matchPledgeId: number }) => 'cannot be confirmed before the pledge it matches is confirmed',
  'pledge.confirmed_final': () => 'is confirmed: its commitment exists, change that instead',
  'pledge.confirm_action': () => 'is set to confirmed only by confirming the pledge (POST /api/pledges/{id}/confirm)',
  'pledge.funder_pledges': () => 'only the funder itself pledges or confirms; the initiative proposes',
  'pledge.not_pledged': () => 'must be pledged by the funder before it is confirmed',
  'scenario.unknown_commitment': () => 'is not a requested, conditional, committed or completed commitment of this initiative',
} as const satisfies Record<string, (params: never) => string>;

export type FieldCode = keyof typeof FIELD_REASONS;

/** The parameters of a field code: an empty object for the codes without any. */
export type FieldParams<C extends FieldCode> = Parameters<(typeof FIELD_REASONS)[C]> extends [infer P] ? P : Record<string, never>;

/** Every code the API can send, whole-error and field codes alike. */
export type ApiCode = ErrorCode | FieldCode;

export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];
export const FIELD_CODES = Object.keys(FIELD_REASONS) as FieldCode[];

export type ParamValue = string | number | boolean | readonly string[];

/** The body of every error answer, derived from its schema in the contract. */
export type { ErrorBody } from './errors.js';

/** The parameters a field code's reason takes, if any. */
export type ReasonArgs<C extends FieldCode> = Parameters<(typeof FIELD_REASONS)[C]>;

// Zod keeps only a message per issue, so a schema's error message carries its reason's code and
// parameters as JSON, and `zodReasons` (server/errors.ts) turns the issues back into reasons.

/** The message for a zod schema or check: `z.string({ error: zodReason('field.text') })`. */
export function zodReason<C extends FieldCode>(code: C, ...args: ReasonArgs<C>): string {
  return JSON.stringify({ code, params: args[0] ?? {} });
}
