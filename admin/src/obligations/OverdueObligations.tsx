// The dashboards' card of overdue obligations: of the initiative, of the funder's own commitments,
// or (admins) of the whole portfolio — the API narrows them to what the user may see.
import { DataTable, ListBase, useTranslate } from 'react-admin';
import { ReferenceCol } from '../common/columns';
import { DayField } from '../common/fields';
import { Section } from '../common/Section';
import { Empty } from '../common/states';
import { OverdueField } from './OverdueField';

export function OverdueObligations({ initiativeId }: { initiativeId?: number }) {
  const translate = useTranslate();
  return (
    <Section title={translate('vangnet.reporting.overdue_title')} testId="overdue-obligations">
      <ListBase resource="obligations" filter={{ overdue: true, ...(initiativeId ? { initiativeId } : {}) }} sort={{ field: 'dueOn', order: 'ASC' }} perPage={5} disableSyncWithLocation>
        <DataTable bulkActionButtons={false} rowClick="show" empty={<Empty message="vangnet.reporting.none_overdue" />}>
          <DataTable.Col source="title" disableSort />
          {initiativeId ? null : <ReferenceCol source="initiativeId" reference="initiatives" link={false} disableSort />}
          <ReferenceCol source="funderId" reference="funders" link={false} disableSort />
          <DataTable.Col source="dueOn" disableSort field={DayField} />
          <DataTable.Col source="daysOverdue" disableSort field={OverdueField} />
        </DataTable>
      </ListBase>
    </Section>
  );
}
