// A webhook, the send-test button, a new secret on request, and its deliveries log (which follows
// deliveries still in progress).
import SendIcon from '@mui/icons-material/Send';
import KeyIcon from '@mui/icons-material/Key';
import { Alert, Grid } from '@mui/material';
import { useState } from 'react';
import {
  BooleanField,
  Button,
  Confirm,
  DataTable,
  EditButton,
  Pagination,
  ReferenceField,
  ReferenceManyField,
  Show,
  TextField,
  TopToolbar,
  useCanAccess,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
  WithRecord,
} from 'react-admin';
import type { Webhook, WebhookDelivery } from '../../../server/contract/webhooks';
import { EnumCol, NumberCol } from '../common/columns';
import { EnumField } from '../common/enums';
import { TimestampField, useFormat } from '../common/fields';
import { FieldCell } from '../common/layout';
import { RefetchWhile } from '../common/RefetchWhile';
import { Section } from '../common/Section';
import { API_URL, httpClient } from '../dataProvider';
import { formatDateTime } from '../format/dates';
import { SecretDialog } from './SecretDialog';

function SendTestButton() {
  const record = useRecordContext<Webhook>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [sending, setSending] = useState(false);
  if (!record) return null;
  const send = async () => {
    setSending(true);
    try {
      await httpClient(`${API_URL}/webhooks/${record.id}/test`, { method: 'POST' });
      notify('vangnet.webhooks.test_sent', { type: 'info' });
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setSending(false);
    }
  };
  return <Button label="vangnet.webhooks.send_test" onClick={() => void send()} disabled={sending} startIcon={<SendIcon />} data-testid="webhook-send-test" />;
}

function RollSecretButton() {
  const record = useRecordContext<Webhook>();
  const notify = useNotify();
  const [confirming, setConfirming] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  if (!record) return null;
  const roll = async () => {
    setConfirming(false);
    try {
      const { json } = await httpClient(`${API_URL}/webhooks/${record.id}/secret`, { method: 'POST' });
      setSecret((json as { secret: string }).secret);
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
  return (
    <>
      <Button label="vangnet.webhooks.roll_secret" onClick={() => setConfirming(true)} startIcon={<KeyIcon />} />
      <Confirm isOpen={confirming} title="vangnet.webhooks.roll_secret" content="vangnet.webhooks.roll_confirm" onConfirm={() => void roll()} onClose={() => setConfirming(false)} />
      {secret ? <SecretDialog secret={secret} onClose={() => setSecret(null)} /> : null}
    </>
  );
}

function Actions() {
  const record = useRecordContext<Webhook>();
  const { canAccess } = useCanAccess({ resource: 'webhooks', action: 'edit', record });
  return (
    <TopToolbar>
      {canAccess ? <SendTestButton /> : null}
      {canAccess ? <RollSecretButton /> : null}
      <EditButton />
    </TopToolbar>
  );
}

function SwitchedOff() {
  const record = useRecordContext<Webhook>();
  const translate = useTranslate();
  const { locale } = useFormat();
  if (!record || record.active || !record.disabledAt) return null;
  return (
    <Alert severity="error" sx={{ mb: 2 }} data-testid="webhook-switched-off">
      {translate('vangnet.webhooks.switched_off', { date: formatDateTime(record.disabledAt, locale), failures: record.consecutiveFailures })}
    </Alert>
  );
}

function Deliveries() {
  const translate = useTranslate();
  return (
    <Section title={translate('vangnet.webhooks.deliveries')} testId="webhook-deliveries">
      <ReferenceManyField reference="webhook-deliveries" target="webhookId" sort={{ field: 'createdAt', order: 'DESC' }} perPage={25} pagination={<Pagination rowsPerPageOptions={[25]} />}>
        <RefetchWhile<WebhookDelivery> busy={(d) => d.status === 'pending'} />
        <DataTable bulkActionButtons={false} rowClick={false} empty={<>{translate('vangnet.webhooks.no_deliveries')}</>}>
          <DataTable.Col source="createdAt" field={TimestampField} />
          <EnumCol source="eventType" enumName="webhookEvent" plain />
          <EnumCol source="status" enumName="deliveryStatus" />
          <NumberCol source="attempts" />
          <NumberCol source="lastStatusCode" options={{ useGrouping: false }} />
          <DataTable.Col source="lastError" />
          <DataTable.Col source="deliveredAt" field={TimestampField} />
        </DataTable>
      </ReferenceManyField>
    </Section>
  );
}

export function WebhookShow() {
  const translate = useTranslate();
  return (
    <Show component="div" actions={<Actions />}>
      <SwitchedOff />
      <Section title={<WithRecord<Webhook> render={(r) => r.url} />}>
        <Grid container spacing={2}>
          <FieldCell source="funderId" wide>
            <ReferenceField source="funderId" reference="funders" link="show" emptyText="—" />
          </FieldCell>
          <FieldCell source="active">
            <BooleanField source="active" />
          </FieldCell>
          <FieldCell source="consecutiveFailures">
            <TextField source="consecutiveFailures" />
          </FieldCell>
          <FieldCell source="events" wide>
            <WithRecord<Webhook> render={(r) => (r.events.length ? <EnumField source="events" enumName="webhookEvent" /> : <>{translate('vangnet.webhooks.all_events')}</>)} />
          </FieldCell>
          <FieldCell source="createdAt">
            <TimestampField source="createdAt" />
          </FieldCell>
          <Grid size={12}>
            <TextField source="description" emptyText="" variant="body2" color="text.secondary" />
          </Grid>
        </Grid>
      </Section>
      <Deliveries />
    </Show>
  );
}
