// The fields of an obligation, shared by the create and edit forms. Its commitment is fixed once
// created; its status changes only by a report and the funder's decision.
import { Grid } from '@mui/material';
import { AutocompleteInput, ReferenceInput, required, SelectInput, TextInput } from 'react-admin';
import { enumChoices } from '../common/enums';
import { DayInput } from '../common/DayInput';

export function ObligationInputs({ existing = false }: { existing?: boolean }) {
  return (
    <Grid container columnSpacing={2} sx={{ width: '100%' }}>
      <Grid size={12}>
        <ReferenceInput source="commitmentId" reference="commitments">
          <AutocompleteInput validate={required()} readOnly={existing} fullWidth />
        </ReferenceInput>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <SelectInput source="kind" choices={enumChoices('obligationKind')} validate={required()} fullWidth />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <TextInput source="title" validate={required()} fullWidth />
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <DayInput source="periodStart" validate={required()} fullWidth />
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <DayInput source="periodEnd" validate={required()} fullWidth />
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <DayInput source="dueOn" validate={required()} fullWidth />
      </Grid>
      <Grid size={12}>
        <TextInput source="note" multiline fullWidth />
      </Grid>
    </Grid>
  );
}
