// "Eén verslag voor deze verplichtingen": one report answering the ticked obligations of any of the
// initiative's funders, with its attachments. Submitting marks every one of them submitted.
import { Alert, Grid } from '@mui/material';
import {
  AutocompleteInput,
  CheckboxGroupInput,
  Create,
  FileField,
  FileInput,
  FormDataConsumer,
  ReferenceArrayInput,
  ReferenceInput,
  required,
  SimpleForm,
  TextInput,
  useGetManyAggregate,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { Funder, Obligation } from '../api/types';
import { getUser } from '../authProvider';
import { DayInput } from '../common/DayInput';
import { useFormat } from '../common/fields';

const ACCEPT = {
  'application/pdf': ['.pdf'],
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
  'application/vnd.oasis.opendocument.text': ['.odt'],
};

/** "Inhoudelijk verslag jaar 1 voor Gemeente Utrecht, uiterlijk 31-03-2027": what, for whom, by when. */
function ObligationChoice() {
  const o = useRecordContext<Obligation>();
  const translate = useTranslate();
  const { date } = useFormat();
  // One request for the funders of every choice, not one each.
  const { data: funders } = useGetManyAggregate<Funder>('funders', { ids: o ? [o.funderId] : [] });
  const funder = funders?.[0];
  if (!o) return null;
  return <>{translate('vangnet.reporting.obligation_choice', { title: o.title, funder: funder?.name ?? '…', due: date(o.dueOn) })}</>;
}

export function ReportCreate() {
  const translate = useTranslate();
  const user = getUser();
  const defaults = user?.role === 'initiative' ? { initiativeId: user.initiativeId } : {};
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={defaults}>
        <Alert severity="info" sx={{ mb: 2 }}>
          {translate('vangnet.reporting.submit_help')}
        </Alert>
        <Grid container columnSpacing={2} sx={{ width: '100%' }}>
          <Grid size={12}>
            <ReferenceInput source="initiativeId" reference="initiatives">
              <AutocompleteInput validate={required()} readOnly={user?.role === 'initiative'} fullWidth />
            </ReferenceInput>
          </Grid>
          <Grid size={12}>
            <TextInput source="title" validate={required()} fullWidth />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <DayInput source="periodStart" validate={required()} fullWidth />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <DayInput source="periodEnd" validate={required()} fullWidth />
          </Grid>
          <Grid size={12}>
            <TextInput source="summary" multiline minRows={3} fullWidth />
          </Grid>
          <Grid size={12}>
            <FormDataConsumer<{ initiativeId?: number }>>
              {({ formData }) =>
                formData.initiativeId ? (
                  <ReferenceArrayInput
                    source="obligationIds"
                    reference="obligations"
                    filter={{ initiativeId: formData.initiativeId, status: ['open', 'rejected'] }}
                    sort={{ field: 'dueOn', order: 'ASC' }}
                    perPage={100}
                  >
                    <CheckboxGroupInput optionText={<ObligationChoice />} row={false} validate={required()} label="resources.reports.fields.obligationIds" />
                  </ReferenceArrayInput>
                ) : null
              }
            </FormDataConsumer>
          </Grid>
          <Grid size={12}>
            <FileInput
              source="files"
              multiple
              accept={ACCEPT}
              maxSize={10 * 1024 * 1024}
              label="vangnet.reporting.files"
              helperText="vangnet.reporting.files_help"
              inputProps={{ 'aria-label': translate('vangnet.reporting.files') }}
            >
              <FileField source="src" title="title" />
            </FileInput>
          </Grid>
        </Grid>
      </SimpleForm>
    </Create>
  );
}
