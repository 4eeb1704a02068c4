import { DataTable, List, SearchInput, SelectInput, UrlField } from 'react-admin';
import { EnumCol, NumberCol } from '../common/columns';
import { enumChoices } from '../common/enums';
import { ListActions } from '../common/ExportMenu';

const filters = [<SearchInput key="q" source="q" alwaysOn />, <SelectInput key="type" source="type" choices={enumChoices('funderType')} />];

export function FunderList() {
  return (
    <List actions={<ListActions />} filters={filters} sort={{ field: 'name', order: 'ASC' }}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="name" />
        <EnumCol source="type" enumName="funderType" />
        <DataTable.Col source="municipalityCode" />
        <NumberCol source="maxFundingYears" />
        <DataTable.Col source="website" disableSort field={UrlField} />
      </DataTable>
    </List>
  );
}
