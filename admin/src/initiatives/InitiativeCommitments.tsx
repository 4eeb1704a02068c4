// The initiative's commitments, with a button that starts a new one for this initiative.
import { CreateButton, DataTable, Pagination, ReferenceManyField, useRecordContext, useTranslate } from 'react-admin';
import type { Initiative } from '../api/types';
import { EnumCol, ReferenceCol } from '../common/columns';
import { DayField, EuroField } from '../common/fields';
import { Section } from '../common/Section';
import { Empty } from '../common/states';

export function InitiativeCommitments() {
  const record = useRecordContext<Initiative>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Section
      title={translate('vangnet.commitments.of_initiative')}
      testId="initiative-commitments"
      action={<CreateButton resource="commitments" label="vangnet.commitments.add_for_initiative" state={{ record: { initiativeId: record.id } }} />}
    >
      <ReferenceManyField
        reference="commitments"
        target="initiativeId"
        sort={{ field: 'startDate', order: 'DESC' }}
        perPage={10}
        pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}
        empty={<Empty message="vangnet.timeline.empty" />}
      >
        <DataTable bulkActionButtons={false} rowClick="show">
          <DataTable.Col source="title" />
          <ReferenceCol source="funderId" reference="funders" link={false} />
          <EnumCol source="status" enumName="commitmentStatus" />
          <DataTable.Col source="startDate" field={DayField} />
          <DataTable.Col source="endDate" field={DayField} />
          <DataTable.Col source="amountCents" align="right" field={EuroField} />
          <DataTable.Col source="remainingCents" align="right" field={EuroField} />
        </DataTable>
      </ReferenceManyField>
    </Section>
  );
}
