// A new webhook: after the save the secret is shown once; then on to the webhook's page.
import { Typography } from '@mui/material';
import { useState } from 'react';
import { Create, SimpleForm, useRedirect, useTranslate } from 'react-admin';
import type { CreatedWebhook } from '../../../server/contract/webhooks';
import { SecretDialog } from './SecretDialog';
import { WebhookInputs } from './WebhookInputs';

export function WebhookCreate() {
  const translate = useTranslate();
  const redirect = useRedirect();
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  return (
    <>
      <Create redirect={false} mutationOptions={{ onSuccess: (data: CreatedWebhook) => setCreated(data) }}>
        <SimpleForm defaultValues={{ active: true, events: [] }}>
          <Typography variant="body2" color="text.secondary">
            {translate('vangnet.webhooks.intro')}
          </Typography>
          <WebhookInputs creating />
        </SimpleForm>
      </Create>
      {created ? <SecretDialog secret={created.secret} onClose={() => redirect('show', 'webhooks', created.id)} /> : null}
    </>
  );
}
