// A funder and its co-financing table: the initiatives it funds, who else funds them, their
// coverage and their open gaps.
import { Grid } from '@mui/material';
import { NumberField, Show, TextField, UrlField, WithRecord } from 'react-admin';
import type { Funder } from '../api/types';
import { EnumField } from '../common/enums';
import { FieldCell, ShowActions } from '../common/layout';
import { Section } from '../common/Section';
import { CofundingTable } from './CofundingTable';

export function FunderShow() {
  return (
    <Show component="div" actions={<ShowActions />}>
      <Section title={<WithRecord<Funder> render={(r) => r.name} />}>
        <Grid container spacing={2}>
          <FieldCell source="type">
            <EnumField source="type" enumName="funderType" />
          </FieldCell>
          <FieldCell source="municipalityCode">
            <TextField source="municipalityCode" emptyText="—" />
          </FieldCell>
          <FieldCell source="orgId">
            <TextField source="orgId" emptyText="—" />
          </FieldCell>
          <FieldCell source="maxFundingYears">
            <NumberField source="maxFundingYears" emptyText="—" />
          </FieldCell>
          <FieldCell source="website">
            <UrlField source="website" emptyText="—" />
          </FieldCell>
        </Grid>
      </Section>
      <WithRecord<Funder> render={(r) => <CofundingTable funderId={r.id} />} />
    </Show>
  );
}
