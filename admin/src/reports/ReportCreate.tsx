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
  useTranslate,
  type RaRecord,
} from 'react-admin';
import type { Obligation } from '../api/types';
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

/** "Inhoudelijk verslag jaar 1 — Gemeente Utrecht, uiterlijk 31-03-2027". */
function useObligationLabel() {
  const translate = useTranslate();
  const { date } = useFormat();
  return (o: RaRecord) => translate('vangnet.reporting.obligation_choice', { title: (o as Obligation).title, due: date((o as Obligation).dueOn) });
}

export function ReportCreate() {
  const translate = useTranslate();
  const label = useObligationLabel();
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
                    <CheckboxGroupInput optionText={label} row={false} validate={required()} label="resources.reports.fields.obligationIds" />
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
