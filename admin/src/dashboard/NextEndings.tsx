// The initiative's running commitments that end first: what to apply for next.
import { DataTable, ListBase, useTranslate } from 'react-admin';
import { EnumCol, ReferenceCol } from '../common/columns';
import { DayField, EuroField } from '../common/fields';
import { Section } from '../common/Section';
import { Empty } from '../common/states';
import { todayIso } from '../format/dates';

export function NextEndings({ initiativeId }: { initiativeId: number }) {
  const translate = useTranslate();
  return (
    <Section title={translate('vangnet.dashboard.next_endings')} testId="next-endings">
      <ListBase
        resource="commitments"
        filter={{ initiativeId, endDate_gte: todayIso(), status: ['committed', 'conditional', 'requested'] }}
        sort={{ field: 'endDate', order: 'ASC' }}
        perPage={5}
        disableSyncWithLocation
      >
        <DataTable bulkActionButtons={false} rowClick="show" empty={<Empty message="vangnet.dashboard.no_next_endings" />}>
          <DataTable.Col source="title" disableSort />
          <ReferenceCol source="funderId" reference="funders" link={false} disableSort />
          <EnumCol source="status" enumName="commitmentStatus" disableSort />
          <DataTable.Col source="endDate" disableSort field={DayField} />
          <DataTable.Col source="amountCents" disableSort align="right" field={EuroField} />
        </DataTable>
      </ListBase>
    </Section>
  );
}
