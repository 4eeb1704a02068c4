// The saved policy simulations, newest first.
import { CreateButton, DataTable, List, TopToolbar } from 'react-admin';
import { EnumCol } from '../common/columns';
import { DayField } from '../common/fields';

export function SimulationList() {
  return (
    <List actions={<TopToolbar><CreateButton /></TopToolbar>} sort={{ field: 'createdAt', order: 'DESC' }}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="id" />
        <EnumCol source="rule" enumName="simulationRule" plain />
        <DataTable.Col source="asOf" field={DayField} />
        <EnumCol source="status" enumName="scanStatus" />
        <DataTable.Col source="initiativesDone" align="right" />
        <DataTable.Col source="initiativesTotal" align="right" />
      </DataTable>
    </List>
  );
}
