// "Mijn instellingen": any logged-in user's own language and e-mail digest (GET/PUT
// /api/me/preferences). The users resource is the admins'; this page is everyone's.
import { Card, CardContent } from '@mui/material';
import { useEffect, useState } from 'react';
import { Form, Loading, SaveButton, SelectInput, Title, required, useLocaleState, useNotify } from 'react-admin';
import type { Preferences } from '../api/types';
import { enumChoices } from '../common/enums';
import { API_URL, httpClient } from '../dataProvider';

export function PreferencesPage() {
  const notify = useNotify();
  const [locale, setLocale] = useLocaleState();
  const [preferences, setPreferences] = useState<Preferences | null>(null);

  useEffect(() => {
    let live = true;
    httpClient(`${API_URL}/me/preferences`).then(
      ({ json }) => live && setPreferences(json as Preferences),
      (error: Error) => notify(error.message, { type: 'error' }),
    );
    return () => {
      live = false;
    };
  }, [notify]);

  const save = async (values: Record<string, unknown>) => {
    try {
      const { json } = await httpClient(`${API_URL}/me/preferences`, { method: 'PUT', body: JSON.stringify({ language: values.language, digest: values.digest }) });
      const saved = json as Preferences;
      setPreferences(saved);
      notify('vangnet.preferences.saved', { type: 'success' });
      // The console speaks the language the user chose for their e-mails too.
      if (saved.language !== locale) setLocale(saved.language);
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };

  return (
    <Card sx={{ mt: 2, maxWidth: 640 }}>
      <Title title="vangnet.preferences.title" />
      <CardContent>
        {preferences ? (
          <Form record={preferences} onSubmit={save}>
            <SelectInput source="language" label="resources.users.fields.language" choices={enumChoices('language')} validate={required()} helperText="vangnet.preferences.language_help" fullWidth />
            <SelectInput source="digest" label="resources.users.fields.digest" choices={enumChoices('digest')} validate={required()} helperText="vangnet.preferences.digest_help" fullWidth />
            <SaveButton alwaysEnable />
          </Form>
        ) : (
          <Loading />
        )}
      </CardContent>
    </Card>
  );
}
