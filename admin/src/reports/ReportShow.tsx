// One report: what it says, which obligations (of which funders) it answers — each funder sees
// only its own — and its attachments.
import { Grid } from '@mui/material';
import { DataTable, ReferenceArrayField, ReferenceField, Show, TextField, WithRecord, useTranslate } from 'react-admin';
import type { Report } from '../api/types';
import { EnumCol, ReferenceCol } from '../common/columns';
import { DayField } from '../common/fields';
import { FieldCell, ShowActions } from '../common/layout';
import { Section } from '../common/Section';
import { DecisionButtons } from '../obligations/DecisionButtons';
import { ReportFiles } from './ReportFiles';

export function ReportShow() {
  const translate = useTranslate();
  return (
    <Show component="div" actions={<ShowActions />}>
      <Section title={<WithRecord<Report> render={(r) => r.title} />} testId="report">
        <Grid container spacing={2}>
          <FieldCell source="initiativeId">
            <ReferenceField source="initiativeId" reference="initiatives" />
          </FieldCell>
          <FieldCell source="submittedOn">
            <DayField source="submittedOn" />
          </FieldCell>
          <FieldCell source="periodStart">
            <DayField source="periodStart" />
          </FieldCell>
          <FieldCell source="periodEnd">
            <DayField source="periodEnd" />
          </FieldCell>
          <Grid size={12}>
            <TextField source="summary" emptyText="" />
          </Grid>
        </Grid>
      </Section>
      <Section title={translate('resources.reports.fields.obligationIds')} testId="report-obligations">
        <ReferenceArrayField source="obligationIds" reference="obligations">
          <DataTable bulkActionButtons={false} rowClick="show">
            <DataTable.Col source="title" />
            <ReferenceCol source="funderId" reference="funders" link={false} />
            <DataTable.Col source="dueOn" field={DayField} />
            <EnumCol source="status" enumName="obligationStatus" />
            <DataTable.Col label="vangnet.reporting.decision" disableSort>
              <DecisionButtons compact />
            </DataTable.Col>
          </DataTable>
        </ReferenceArrayField>
      </Section>
      <Section title={translate('vangnet.reporting.files')} testId="report-files">
        <ReportFiles />
      </Section>
    </Show>
  );
}
