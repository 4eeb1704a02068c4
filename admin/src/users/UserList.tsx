import { BooleanField, BooleanInput, DataTable, List, SearchInput, SelectInput } from 'react-admin';
import { EnumCol, ReferenceCol } from '../common/columns';
import { enumChoices } from '../common/enums';
import { TimestampField } from '../common/fields';
import { ListActions } from '../common/ExportMenu';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={enumChoices('role')} />,
  <BooleanInput key="disabled" source="disabled" />,
];

export function UserList() {
  return (
    <List actions={<ListActions />} filters={filters} sort={{ field: 'email', order: 'ASC' }}>
      <DataTable rowClick="edit" bulkActionButtons={false}>
        <DataTable.Col source="email" />
        <EnumCol source="role" enumName="role" />
        <ReferenceCol source="funderId" reference="funders" />
        <ReferenceCol source="initiativeId" reference="initiatives" />
        <DataTable.Col source="disabled" field={BooleanField} />
        <DataTable.Col source="createdAt" field={TimestampField} />
      </DataTable>
    </List>
  );
}
