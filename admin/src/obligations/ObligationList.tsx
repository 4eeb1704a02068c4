// Every obligation the user may see; for a funder its review list: what was submitted to it, to
// accept, reject or waive right from the row.
import { AutocompleteInput, BooleanInput, DataTable, List, ReferenceInput, SearchInput, SelectInput, type RaRecord } from 'react-admin';
import type { Obligation } from '../api/types';
import { getUser } from '../authProvider';
import { EnumCol, ReferenceCol } from '../common/columns';
import { enumChoices } from '../common/enums';
import { DayField } from '../common/fields';
import { ListActions } from '../common/ExportMenu';
import { DecisionButtons } from './DecisionButtons';
import { OverdueField, overdueRowSx } from './OverdueField';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={enumChoices('obligationStatus')} alwaysOn />,
  <BooleanInput key="overdue" source="overdue" />,
  <ReferenceInput key="initiativeId" source="initiativeId" reference="initiatives">
    <AutocompleteInput />
  </ReferenceInput>,
  <ReferenceInput key="funderId" source="funderId" reference="funders">
    <AutocompleteInput />
  </ReferenceInput>,
  <SelectInput key="kind" source="kind" choices={enumChoices('obligationKind')} />,
];

export function ObligationList() {
  // A funder starts at what waits for its decision.
  const defaults = getUser()?.role === 'funder' ? { status: 'submitted' } : {};
  return (
    <List actions={<ListActions />} filters={filters} filterDefaultValues={defaults} sort={{ field: 'dueOn', order: 'ASC' }}>
      <DataTable rowClick="show" bulkActionButtons={false} rowSx={(r: RaRecord) => overdueRowSx(r as Obligation)}>
        <DataTable.Col source="dueOn" field={DayField} />
        <DataTable.Col source="title" />
        <ReferenceCol source="initiativeId" reference="initiatives" />
        <ReferenceCol source="funderId" reference="funders" />
        <EnumCol source="kind" enumName="obligationKind" plain />
        <EnumCol source="status" enumName="obligationStatus" />
        <DataTable.Col source="daysOverdue" field={OverdueField} />
        <DataTable.Col source="submittedOn" field={DayField} />
        <DataTable.Col label="vangnet.reporting.decision" disableSort>
          <DecisionButtons compact />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
