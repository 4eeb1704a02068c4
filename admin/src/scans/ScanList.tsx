// The scans, newest first; while one runs the list follows it.
import { DataTable, List, SelectInput, TopToolbar } from 'react-admin';
import type { Scan } from '../api/types';
import { EnumCol, NumberCol } from '../common/columns';
import { enumChoices } from '../common/enums';
import { DayField, TimestampField } from '../common/fields';
import { RefetchWhile } from '../common/RefetchWhile';
import { ScanNowButton } from './ScanNowButton';
import { ScanProgressField } from './ScanProgress';
import { ListExportButton } from '../common/ExportMenu';

const filters = [
  <SelectInput key="status" source="status" choices={enumChoices('scanStatus')} />,
  <SelectInput key="trigger" source="trigger" choices={enumChoices('scanTrigger')} />,
];

export function ScanList() {
  return (
    <List
      filters={filters}
      sort={{ field: 'startedAt', order: 'DESC' }}
      actions={
        <TopToolbar>
          <ScanNowButton />
          <ListExportButton />
        </TopToolbar>
      }
    >
      <RefetchWhile<Scan> busy={(s) => s.status === 'queued' || s.status === 'running'} />
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="id" />
        <EnumCol source="trigger" enumName="scanTrigger" plain />
        <EnumCol source="status" enumName="scanStatus" />
        <DataTable.Col source="asOf" field={DayField} />
        <DataTable.Col source="startedAt" field={TimestampField} />
        <DataTable.Col source="finishedAt" field={TimestampField} />
        <DataTable.Col source="progress" disableSort>
          <ScanProgressField />
        </DataTable.Col>
        <NumberCol source="gapsOpened" />
        <NumberCol source="gapsResolved" />
        <DataTable.Col source="error" disableSort />
      </DataTable>
    </List>
  );
}
