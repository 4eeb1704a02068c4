// A new round, usually opened from a gap ("Open een cofinancieringsronde"): the gap's period and
// shortfall are its defaults, so only a title is needed; left empty, the API fills them in.
import { Grid, Typography } from '@mui/material';
import { AutocompleteInput, Create, ReferenceInput, required, SimpleForm, TextInput, usePermissions, useTranslate } from 'react-admin';
import type { Role } from '../api/types';
import { getUser } from '../authProvider';
import { DayInput } from '../common/DayInput';
import { EuroInput } from '../common/EuroInput';

export function RoundCreate() {
  const { permissions } = usePermissions<Role>();
  const translate = useTranslate();
  const user = getUser();
  const defaults = { status: 'open', ...(user?.role === 'initiative' ? { initiativeId: user.initiativeId } : {}) };
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={defaults}>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('vangnet.rounds.create_help')}
        </Typography>
        <Grid container columnSpacing={2} sx={{ width: '100%' }}>
          <Grid size={{ xs: 12, md: 6 }}>
            <ReferenceInput source="initiativeId" reference="initiatives">
              <AutocompleteInput validate={required()} readOnly={permissions === 'initiative'} fullWidth />
            </ReferenceInput>
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <TextInput source="gapId" readOnly fullWidth />
          </Grid>
          <Grid size={12}>
            <TextInput source="title" validate={required()} fullWidth />
          </Grid>
          <Grid size={{ xs: 12, md: 4 }}>
            <DayInput source="periodStart" fullWidth />
          </Grid>
          <Grid size={{ xs: 12, md: 4 }}>
            <DayInput source="periodEnd" fullWidth />
          </Grid>
          <Grid size={{ xs: 12, md: 4 }}>
            <EuroInput source="targetCents" fullWidth />
          </Grid>
          <Grid size={12}>
            <TextInput source="note" multiline fullWidth />
          </Grid>
        </Grid>
      </SimpleForm>
    </Create>
  );
}
