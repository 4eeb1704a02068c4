// The co-financing rounds the user may see: what each aims for and how far its funders got.
import { DataTable, List, SelectInput } from 'react-admin';
import { EnumCol, ReferenceCol } from '../common/columns';
import { enumChoices } from '../common/enums';
import { DayField, EuroField } from '../common/fields';
import { ListActions } from '../common/ExportMenu';

const filters = [<SelectInput key="status" source="status" choices={enumChoices('roundStatus')} alwaysOn />];

export function RoundList() {
  return (
    <List actions={<ListActions />} filters={filters} sort={{ field: 'periodStart', order: 'ASC' }} empty={false}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="title" />
        <ReferenceCol source="initiativeId" reference="initiatives" />
        <DataTable.Col source="periodStart" field={DayField} />
        <DataTable.Col source="periodEnd" field={DayField} />
        <DataTable.Col source="targetCents" align="right" field={EuroField} />
        <DataTable.Col source="pledgedCents" align="right" field={EuroField} />
        <DataTable.Col source="confirmedCents" align="right" field={EuroField} />
        <DataTable.Col source="remainingCents" align="right" field={EuroField} />
        <EnumCol source="status" enumName="roundStatus" />
      </DataTable>
    </List>
  );
}
