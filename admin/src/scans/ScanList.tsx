// The scans, newest first; while one runs the list follows it.
import { useEffect } from 'react';
import { DataTable, List, SelectInput, TopToolbar, useListContext } from 'react-admin';
import type { Scan } from '../api/types';
import { EnumCol, NumberCol } from '../common/columns';
import { enumChoices } from '../common/enums';
import { DayField, TimestampField } from '../common/fields';
import { ScanNowButton } from './ScanNowButton';
import { ScanProgressField } from './ScanProgress';
import { ListExportButton } from '../common/ExportMenu';

const filters = [
  <SelectInput key="status" source="status" choices={enumChoices('scanStatus')} />,
  <SelectInput key="trigger" source="trigger" choices={enumChoices('scanTrigger')} />,
];

const FOLLOW_MS = 1000;

/** Refetches the page every second while a scan on it is queued or running. */
function FollowRunningScans() {
  const { data, refetch } = useListContext<Scan>();
  const running = data?.some((s) => s.status === 'queued' || s.status === 'running') ?? false;
  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(() => void refetch(), FOLLOW_MS);
    return () => clearInterval(timer);
  }, [running, refetch]);
  return null;
}

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
      <FollowRunningScans />
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
