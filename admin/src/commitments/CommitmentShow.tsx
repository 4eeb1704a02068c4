// A commitment read-only, for those who may see but not change it (a funder looking at another
// funder's commitment to an initiative it co-funds).
import { Grid } from '@mui/material';
import { BooleanField, ReferenceField, Show, TextField, WithRecord } from 'react-admin';
import type { Commitment } from '../api/types';
import { EnumField } from '../common/enums';
import { DayField } from '../common/fields';
import { FieldCell, ShowActions } from '../common/layout';
import { Section } from '../common/Section';
import { CommitmentAmounts } from './CommitmentAmounts';
import { TranchesInline } from './TranchesInline';

export function CommitmentShow() {
  return (
    <Show component="div" actions={<ShowActions />}>
      <Section title={<WithRecord<Commitment> render={(r) => r.title} />}>
        <Grid container spacing={2}>
          <FieldCell source="initiativeId" wide>
            <ReferenceField source="initiativeId" reference="initiatives" link="show" />
          </FieldCell>
          <FieldCell source="funderId" wide>
            <ReferenceField source="funderId" reference="funders" link="show" />
          </FieldCell>
          <FieldCell source="kind">
            <EnumField source="kind" enumName="commitmentKind" />
          </FieldCell>
          <FieldCell source="status">
            <EnumField source="status" enumName="commitmentStatus" />
          </FieldCell>
          <FieldCell source="programme">
            <TextField source="programme" emptyText="—" />
          </FieldCell>
          <FieldCell source="reference">
            <TextField source="reference" emptyText="—" />
          </FieldCell>
          <FieldCell source="startDate">
            <DayField source="startDate" />
          </FieldCell>
          <FieldCell source="endDate">
            <DayField source="endDate" />
          </FieldCell>
          <FieldCell source="decisionDate">
            <DayField source="decisionDate" />
          </FieldCell>
          <FieldCell source="renewable">
            <BooleanField source="renewable" />
          </FieldCell>
          <Grid size={12}>
            <TextField source="conditionNote" emptyText="" variant="body2" color="text.secondary" />
          </Grid>
        </Grid>
      </Section>
      <CommitmentAmounts />
      <TranchesInline editable={false} />
    </Show>
  );
}
