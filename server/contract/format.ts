// Money and dates as a Dutch or English reader expects them (`€ 1.234,56`, `31-12-2027`), for the
// sentences the server writes itself: workbooks, notifications, e-mails.
import type { Language } from './labels.js';

const LOCALE: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

// Made once per language: a digest or an export says thousands of amounts.
const EURO: Record<Language, Intl.NumberFormat> = {
  nl: new Intl.NumberFormat(LOCALE.nl, { style: 'currency', currency: 'EUR' }),
  en: new Intl.NumberFormat(LOCALE.en, { style: 'currency', currency: 'EUR' }),
};

export const euro = (lang: Language, cents: number) => EURO[lang].format(cents / 100);

export function day(lang: Language, iso: string): string {
  const [y, m, d] = iso.split('-');
  return lang === 'nl' ? `${d}-${m}-${y}` : `${d}/${m}/${y}`;
}

export function month(lang: Language, isoMonth: string): string {
  const [y, m] = isoMonth.split('-').map(Number);
  return new Intl.DateTimeFormat(LOCALE[lang], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y!, m! - 1, 1)));
}

export const percent = (lang: Language, share: number | null) =>
  share === null ? '—' : new Intl.NumberFormat(LOCALE[lang], { style: 'percent', maximumFractionDigits: 0 }).format(share);
