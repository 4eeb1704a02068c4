// The API names what is wrong with stable codes and their parameters (`code`, and `codes` per
// field; the catalogue is server/contract/errorCodes.ts) beside English texts meant for other clients. The
// console shows each code's text in the user's language (`vangnet.errors.<code>`), with the amounts
// and dates among the parameters formatted for the locale. It never reads the English sentences:
// only for a code it does not know does it fall back to showing the English text as it came.
import { HttpError } from 'react-admin';
import type { ErrorBody, ParamValue } from '../../../server/contract/errorCodes';
import { formatDate } from '../format/dates';
import { formatEuro } from '../format/money';
import { i18nProvider } from '../i18n';

type Params = Readonly<Record<string, ParamValue>> | undefined;

/** A parameter as the user reads it: `…Cents` "€ 1.234,56", `…Date` "31-12-2027", `field` its label. */
function formatParam(name: string, value: ParamValue, locale: string, resource: string | undefined): string | number {
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'number' && name.endsWith('Cents')) return formatEuro(value, locale);
  if (typeof value === 'string' && (name === 'date' || name.endsWith('Date'))) return formatDate(value, locale);
  if (typeof value === 'string' && name === 'field' && resource) return i18nProvider.translate(`resources.${resource}.fields.${value}`, { _: value });
  return typeof value === 'boolean' ? String(value) : (value as string | number);
}

/** The text of a code in the user's language, or `english` when the console does not know the code. */
export function translateCode(code: string | undefined, params: Params, english: string, resource?: string): string {
  if (!code) return english;
  const locale = i18nProvider.getLocale();
  const args = Object.fromEntries(Object.entries(params ?? {}).map(([name, value]) => [name, formatParam(name, value, locale, resource)]));
  return i18nProvider.translate(`vangnet.errors.${code}`, { ...args, _: english });
}

/** The message of an error body in the user's language. */
export const localizeMessage = (body: Partial<ErrorBody>, fallback: string) => translateCode(body.code, body.params, body.message ?? fallback);

/**
 * The same HttpError with its texts in the user's language: the message for the notification,
 * each field's reason for the form. A stale version (409 on `version`) has no input to show it
 * under, so it is left to the notification. `resource` names the fields a reason may mention.
 */
export function localizeHttpError(error: unknown, resource?: string): unknown {
  if (!(error instanceof HttpError)) return error;
  const body = (error.body ?? {}) as Partial<ErrorBody>;
  const fieldErrors = Object.entries(body.errors ?? {}).filter(([field]) => field !== 'version');
  const errors = fieldErrors.length
    ? Object.fromEntries(fieldErrors.map(([field, text]) => [field, translateCode(body.codes?.[field]?.code, body.codes?.[field]?.params, text, resource)]))
    : undefined;
  const message = localizeMessage(body, error.message);
  return new HttpError(message, error.status, { ...body, message, errors });
}
