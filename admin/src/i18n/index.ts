// Dutch first, English second (loaded on demand). The chosen locale is kept in react-admin's
// store (localStorage), so the console opens in the language a user picked last time.
import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { I18nProvider, TranslationMessages } from 'react-admin';
import nl from './nl';

export const LOCALES = [
  { locale: 'nl', name: 'Nederlands' },
  { locale: 'en', name: 'English' },
];

const polyglot = polyglotI18nProvider(
  (locale): TranslationMessages | Promise<TranslationMessages> => (locale === 'en' ? import('./en').then((m) => m.default) : nl),
  'nl',
  LOCALES,
);

/** Also tells the page its language, for screen readers, spelling and hyphenation. */
export const i18nProvider: I18nProvider = {
  ...polyglot,
  changeLocale: async (locale, options) => {
    await polyglot.changeLocale(locale, options);
    document.documentElement.lang = locale;
  },
};
