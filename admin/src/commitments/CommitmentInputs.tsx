// The fields of a commitment, shared by the create and edit forms. A funder user's commitments
// are always its own funder's, an initiative user's its own initiative's; once created, a
// commitment's initiative and funder never change (the API refuses it, 422). Those inputs are
// read-only, not disabled: a disabled input is neither sent nor valid, so a create would fail on it.
import { Grid } from '@mui/material';
import {
  AutocompleteInput,
  BooleanInput,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
  usePermissions,
} from 'react-admin';
import type { Role } from '../api/types';
import { enumChoices } from '../common/enums';
import { EuroInput } from '../common/EuroInput';
import { DayInput } from '../common/DayInput';

export function CommitmentInputs({ existing = false }: { existing?: boolean }) {
  const { permissions } = usePermissions<Role>();
  return (
    <Grid container columnSpacing={2} sx={{ width: '100%' }}>
      <Grid size={{ xs: 12, md: 6 }}>
        <ReferenceInput source="initiativeId" reference="initiatives">
          <AutocompleteInput validate={required()} readOnly={existing || permissions === 'initiative'} fullWidth />
        </ReferenceInput>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <ReferenceInput source="funderId" reference="funders">
          <AutocompleteInput validate={required()} readOnly={existing || permissions === 'funder'} fullWidth />
        </ReferenceInput>
      </Grid>
      <Grid size={12}>
        <TextInput source="title" validate={required()} fullWidth />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <TextInput source="reference" fullWidth />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <TextInput source="programme" fullWidth />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <SelectInput source="kind" choices={enumChoices('commitmentKind')} validate={required()} fullWidth />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <SelectInput source="status" choices={enumChoices('commitmentStatus')} validate={required()} fullWidth />
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <DayInput source="startDate" validate={required()} fullWidth />
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <DayInput source="endDate" validate={required()} fullWidth />
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <DayInput source="decisionDate" fullWidth />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <EuroInput source="amountCents" validate={required()} helperText="vangnet.commitments.amount_help" fullWidth />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <BooleanInput source="renewable" />
      </Grid>
      <Grid size={12}>
        <TextInput source="conditionNote" multiline minRows={2} fullWidth />
      </Grid>
    </Grid>
  );
}
