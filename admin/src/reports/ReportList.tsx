import { AutocompleteInput, DataTable, List, ReferenceInput, SearchInput } from 'react-admin';
import { ReferenceCol } from '../common/columns';
import { DayField } from '../common/fields';
import { ListActions } from '../common/ExportMenu';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="initiativeId" source="initiativeId" reference="initiatives">
    <AutocompleteInput />
  </ReferenceInput>,
];

export function ReportList() {
  return (
    <List actions={<ListActions />} filters={filters} sort={{ field: 'submittedOn', order: 'DESC' }}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="title" />
        <ReferenceCol source="initiativeId" reference="initiatives" />
        <DataTable.Col source="submittedOn" field={DayField} />
        <DataTable.Col source="periodStart" field={DayField} />
        <DataTable.Col source="periodEnd" field={DayField} />
        <DataTable.Col source="fileCount" align="right" />
      </DataTable>
    </List>
  );
}
