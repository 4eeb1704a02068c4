// One obligation: what is asked, of whom, by when, where it stands, and the funder's decision.
import { Grid, Stack } from '@mui/material';
import { EditButton, ReferenceField, Show, TextField, TopToolbar, WithRecord } from 'react-admin';
import type { Obligation } from '../api/types';
import { canAccess, getUser } from '../authProvider';
import { EnumField } from '../common/enums';
import { DayField } from '../common/fields';
import { FieldCell } from '../common/layout';
import { Section } from '../common/Section';
import { DecisionButtons } from './DecisionButtons';
import { OverdueField } from './OverdueField';

function Actions() {
  return (
    <TopToolbar>
      <WithRecord<Obligation> render={(r) => (canAccess(getUser(), 'obligations', 'edit', r) ? <EditButton /> : null)} />
    </TopToolbar>
  );
}

export function ObligationShow() {
  return (
    <Show component="div" actions={<Actions />}>
      <Section title={<WithRecord<Obligation> render={(r) => r.title} />} action={<DecisionButtons />} testId="obligation">
        <Grid container spacing={2}>
          <FieldCell source="initiativeId">
            <ReferenceField source="initiativeId" reference="initiatives" />
          </FieldCell>
          <FieldCell source="funderId">
            <ReferenceField source="funderId" reference="funders" />
          </FieldCell>
          <FieldCell source="commitmentId">
            <ReferenceField source="commitmentId" reference="commitments" />
          </FieldCell>
          <FieldCell source="kind">
            <EnumField source="kind" enumName="obligationKind" plain />
          </FieldCell>
          <FieldCell source="periodStart">
            <DayField source="periodStart" />
          </FieldCell>
          <FieldCell source="periodEnd">
            <DayField source="periodEnd" />
          </FieldCell>
          <FieldCell source="dueOn">
            <DayField source="dueOn" />
          </FieldCell>
          <FieldCell source="status">
            <Stack direction="row" spacing={1}>
              <EnumField source="status" enumName="obligationStatus" />
              <OverdueField />
            </Stack>
          </FieldCell>
          <FieldCell source="submittedOn">
            <DayField source="submittedOn" />
          </FieldCell>
          <FieldCell source="decidedOn">
            <DayField source="decidedOn" />
          </FieldCell>
          <FieldCell source="reportId">
            <ReferenceField source="reportId" reference="reports" emptyText="—" />
          </FieldCell>
          <Grid size={12}>
            <TextField source="note" emptyText="" />
          </Grid>
        </Grid>
      </Section>
    </Show>
  );
}
