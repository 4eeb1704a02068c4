// One record edited in place, as a row of inputs with its own save (and delete) button: budgets
// on an initiative's page, tranches on a commitment's. Without a record it is the "add" row.
// API validation errors land on the row's own fields.
import AddIcon from '@mui/icons-material/Add';
import SaveIcon from '@mui/icons-material/Save';
import { Box, Stack } from '@mui/material';
import { useState, type ReactNode } from 'react';
import {
  DeleteButton,
  Form,
  HttpError,
  RecordContextProvider,
  SaveButton,
  useCreate,
  useNotify,
  useRefresh,
  useUpdate,
  type RaRecord,
} from 'react-admin';

export interface InlineRowFormProps {
  resource: string;
  /** the record to edit; absent for the row that adds one */
  record?: RaRecord;
  /** values of a new record the user does not type, such as its parent's id */
  defaults?: Record<string, unknown>;
  canDelete?: boolean;
  children: ReactNode;
  testId?: string;
}

export function InlineRowForm({ resource, record, defaults = {}, canDelete = true, children, testId }: InlineRowFormProps) {
  const [update] = useUpdate();
  const [create] = useCreate();
  const notify = useNotify();
  const refresh = useRefresh();
  // A new generation empties the "add" row after each record it added.
  const [generation, setGeneration] = useState(0);

  const submit = async (values: Record<string, unknown>) => {
    try {
      if (record) {
        await update(resource, { id: record.id, data: values, previousData: record }, { mutationMode: 'pessimistic', returnPromise: true });
      } else {
        await create(resource, { data: { ...defaults, ...values } }, { returnPromise: true });
        setGeneration((g) => g + 1);
      }
      notify('vangnet.common.saved', { type: 'success' });
      refresh();
      return undefined;
    } catch (error) {
      if (error instanceof HttpError && (error.body as { errors?: Record<string, string> } | undefined)?.errors) {
        return (error.body as { errors: Record<string, string> }).errors;
      }
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
      return undefined;
    }
  };

  return (
    <RecordContextProvider value={record}>
      <Form key={record ? `r${record.id}` : `new${generation}`} record={record ?? defaults} onSubmit={submit} disableInvalidFormNotification>
        <Stack
          direction="row"
          spacing={1}
          useFlexGap
          flexWrap="wrap"
          alignItems="flex-start"
          sx={{ py: 1, borderBottom: 1, borderColor: 'divider', '& > *': { flexShrink: 0 }, '& .MuiFormControl-root': { my: 0 } }}
          data-testid={testId}
        >
          {children}
          <Box sx={{ display: 'flex', gap: 1, pt: 1 }}>
            <SaveButton
              label={record ? 'vangnet.common.save' : 'vangnet.common.add'}
              icon={record ? <SaveIcon /> : <AddIcon />}
              variant="outlined"
              size="small"
              // The "add" row starts with a proposal (the next year, the unscheduled rest) that may be saved as it is.
              alwaysEnable={!record}
            />
            {record && canDelete ? <DeleteButton
                mutationMode="pessimistic"
                redirect={false}
                size="small"
                mutationOptions={{
                  onSuccess: () => {
                    notify('ra.notification.deleted', { type: 'info', messageArgs: { smart_count: 1 } });
                    refresh();
                  },
                }}
              /> : null}
          </Box>
        </Stack>
      </Form>
    </RecordContextProvider>
  );
}
