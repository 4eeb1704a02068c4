// react-admin's own texts in Dutch. The published Dutch pack (ra-language-dutch 4.x) predates
// react-admin 5 and lacks the keys added since; they are completed here.
import type { TranslationMessages } from 'react-admin';
import dutchMessages from 'ra-language-dutch';

// The pack is CommonJS: bundlers hand over its messages, Node's own loader (tests) its exports.
const pack = dutchMessages as unknown as TranslationMessages & { default?: TranslationMessages };
const base = pack.default ?? pack;

export const raDutch: TranslationMessages = {
  ...base,
  ra: {
    ...base.ra,
    action: {
      ...base.ra.action,
      reset: 'Herstellen',
      search_columns: 'Kolommen zoeken',
      select_all_button: 'Alles selecteren',
      update_application: 'Applicatie herladen',
    },
    page: {
      ...base.ra.page,
      // react-admin 5 names the record itself in the title, not its number.
      edit: '%{name} %{recordRepresentation}',
      show: '%{name} %{recordRepresentation}',
      access_denied: 'Geen toegang',
      authentication_error: 'Aanmeldfout',
    },
    message: {
      ...base.ra.message,
      access_denied: 'U heeft niet de rechten om deze pagina te bekijken.',
      authentication_error: 'De aanmeldserver gaf een fout; uw gegevens konden niet worden gecontroleerd.',
      auth_error: 'Er ging iets mis bij het controleren van uw aanmelding.',
      clear_array_input: 'Weet u zeker dat u de hele lijst wilt wissen?',
      select_all_limit_reached: 'Er zijn te veel items om alles te selecteren. Alleen de eerste %{max} zijn geselecteerd.',
      placeholder_data_warning: 'Netwerkprobleem: de gegevens konden niet worden ververst.',
    },
    navigation: {
      ...base.ra.navigation,
      clear_filters: 'Filters wissen',
      no_filtered_results: 'Geen %{name} gevonden met de huidige filters.',
    },
    auth: {
      ...base.ra.auth,
      email: 'E-mailadres',
    },
    notification: {
      ...base.ra.notification,
      application_update_available: 'Er is een nieuwe versie beschikbaar.',
      offline: 'Geen verbinding. De gegevens konden niet worden opgehaald.',
    },
    validation: {
      ...base.ra.validation,
      unique: 'Moet uniek zijn',
    },
    guesser: {
      empty: {
        title: 'Geen gegevens om te tonen',
        message: 'Controleer de dataprovider',
      },
    },
  },
};
