// The notification centre: what the user is told of, newest first, each in one sentence with a
// link to what it is about. Following the link marks it read; so does the button beside it, and
// "Alles gelezen" marks everything read at once.
import DoneAllIcon from '@mui/icons-material/DoneAll';
import DoneIcon from '@mui/icons-material/Done';
import { Chip, Typography, useMediaQuery, type Theme } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  DataTable,
  Link,
  List,
  SelectInput,
  SimpleList,
  TopToolbar,
  useDataProvider,
  useLocaleState,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
  useUpdate,
} from 'react-admin';
import { notificationLink, notificationSentence, type Notification } from '../../../server/contract';
import { NoResults } from '../common/NoResults';
import { TimestampField } from '../common/fields';
import { formatDateTime } from '../format/dates';
import type { VangnetDataProvider } from '../dataProvider';

const language = (locale: string) => (locale === 'en' ? 'en' : 'nl');

/**
 * Marks the row's notification read (once), keeping the list where it is; the bell counts again
 * when the server has it (also after the link has left the page).
 */
function useMarkRead() {
  const queryClient = useQueryClient();
  const [update] = useUpdate<Notification>(undefined, undefined, {
    mutationMode: 'pessimistic',
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
  return (record: Notification) => {
    if (!record.read) void update('notifications', { id: record.id, data: { read: true }, previousData: record });
  };
}

function Sentence() {
  const record = useRecordContext<Notification>();
  const [locale] = useLocaleState();
  const markRead = useMarkRead();
  if (!record) return null;
  return (
    <Link to={notificationLink(record)} onClick={() => markRead(record)} sx={{ fontWeight: record.read ? 'normal' : 'bold' }} data-testid="notification-sentence">
      {notificationSentence(language(locale), record)}
    </Link>
  );
}

function ReadState() {
  const record = useRecordContext<Notification>();
  const translate = useTranslate();
  const markRead = useMarkRead();
  if (!record) return null;
  if (record.read) return <Typography variant="body2">{translate('vangnet.notifications.read')}</Typography>;
  return (
    <Button label="vangnet.notifications.mark_read" onClick={() => markRead(record)} startIcon={<DoneIcon />} data-testid="mark-read">
      <DoneIcon />
    </Button>
  );
}

function UnreadChip() {
  const record = useRecordContext<Notification>();
  const translate = useTranslate();
  return record && !record.read ? <Chip size="small" color="primary" label={translate('vangnet.notifications.new')} sx={{ ml: 1 }} /> : null;
}

function ReadAllButton() {
  const dataProvider = useDataProvider<VangnetDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const { mutate, isPending } = useMutation({
    mutationFn: () => dataProvider.readAllNotifications(),
    onSuccess: ({ read }) => {
      notify('vangnet.notifications.all_read', { messageArgs: { smart_count: read } });
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
      refresh();
    },
  });
  return <Button label="vangnet.notifications.read_all" onClick={() => mutate()} disabled={isPending} startIcon={<DoneAllIcon />} />;
}

function Actions() {
  return (
    <TopToolbar>
      <ReadAllButton />
    </TopToolbar>
  );
}

/** On a phone: one sentence per row, its time beneath; the row leads to what it is about. */
function PhoneList() {
  const [locale] = useLocaleState();
  const markRead = useMarkRead();
  return (
    <SimpleList<Notification>
      primaryText={(record) => (
        <span data-testid="notification-sentence" style={{ fontWeight: record.read ? 'normal' : 'bold' }}>
          {notificationSentence(language(locale), record)}
        </span>
      )}
      secondaryText={(record) => formatDateTime(record.createdAt, locale)}
      tertiaryText={(record) => (record.read ? null : <UnreadChip />)}
      rowClick={(_id, _resource, record) => {
        markRead(record as Notification);
        return notificationLink(record as Notification);
      }}
      empty={<NoResults />}
    />
  );
}

export function NotificationList() {
  const translate = useTranslate();
  const phone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const filters = [
    <SelectInput
      key="read"
      source="read"
      alwaysOn
      emptyText="vangnet.notifications.all"
      choices={[
        { id: false, name: translate('vangnet.notifications.unread_only') },
        { id: true, name: translate('vangnet.notifications.read_only') },
      ]}
      translateChoice={false}
    />,
  ];
  return (
    <List actions={<Actions />} filters={filters} sort={{ field: 'id', order: 'DESC' }} empty={<Empty />}>
      {phone ? (
        <PhoneList />
      ) : (
        <DataTable bulkActionButtons={false} rowClick={false} empty={<NoResults />}>
          <DataTable.Col source="createdAt" field={TimestampField} />
          <DataTable.Col source="data" label="vangnet.notifications.what" disableSort>
            <Sentence />
            <UnreadChip />
          </DataTable.Col>
          <DataTable.Col source="read" disableSort>
            <ReadState />
          </DataTable.Col>
        </DataTable>
      )}
    </List>
  );
}

function Empty() {
  const translate = useTranslate();
  return (
    <Typography variant="body1" sx={{ p: 3 }} data-testid="notifications-empty">
      {translate('vangnet.notifications.empty')}
    </Typography>
  );
}
