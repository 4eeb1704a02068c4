// GET /api/stats/risk: the initiatives at risk around year five, riskiest first, with why.
import { Box } from '@mui/material';
import { DataTable, List, SearchInput, SelectArrayInput, TextInput, useRecordContext, type RaRecord } from 'react-admin';
import type { RiskEntry } from '../api/types';
import { EnumCol, NumberCol } from '../common/columns';
import { enumChoices } from '../common/enums';
import { EuroField, PercentField, useFormat } from '../common/fields';
import { Empty } from '../common/states';
import { ListActions } from '../common/ExportMenu';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <TextInput key="municipality" source="municipality" />,
  <SelectArrayInput key="reasons" source="reasons" choices={enumChoices('riskReason')} />,
];

function FirstShortfall() {
  const record = useRecordContext<RiskEntry>();
  const format = useFormat();
  if (!record?.firstShortfall) return null;
  const s = record.firstShortfall;
  return (
    <Box sx={{ whiteSpace: 'nowrap' }}>
      {format.date(s.periodStart)} – {format.date(s.periodEnd)}
      <br />
      {format.euro(s.shortfallCents)}
    </Box>
  );
}

function FundersAtLimit() {
  const record = useRecordContext<RiskEntry>();
  const format = useFormat();
  return <>{record?.fundersAtLimit.map((f) => `${f.name} (${format.date(f.limitDate)})`).join(', ')}</>;
}

const toInitiative = (_id: unknown, _resource: string, record: RaRecord) => `/initiatives/${String((record as RiskEntry).initiativeId)}/show`;

/** The columns of a risk list, shared with the dashboard's top ten. */
export function RiskTable({ compact = false, emptyMessage }: { compact?: boolean; emptyMessage?: string }) {
  return (
    <DataTable rowClick={toInitiative} bulkActionButtons={false} empty={emptyMessage ? <Empty message={emptyMessage} /> : undefined}>
      <DataTable.Col source="name" />
      {compact ? null : <DataTable.Col source="municipality" />}

      <NumberCol source="ageYears" />
      {compact ? null : (
        <EnumCol source="reasons" enumName="riskReason" disableSort />
      )}
      <DataTable.Col source="coverage" align="right" field={PercentField} />
      {compact ? null : <DataTable.Col source="shortTermShare" align="right" field={PercentField} />}
      {compact ? null : <DataTable.Col source="committedCents" disableSort align="right" field={EuroField} />}
      {compact ? null : (
        <DataTable.Col source="firstShortfall" disableSort>
          <FirstShortfall />
        </DataTable.Col>
      )}
      {compact ? null : (
        <DataTable.Col source="fundersAtLimit" disableSort>
          <FundersAtLimit />
        </DataTable.Col>
      )}
      {compact ? null : <NumberCol source="riskScore" options={{ maximumFractionDigits: 2 }} />}
    </DataTable>
  );
}

export function RiskList() {
  return (
    <List actions={<ListActions />} filters={filters} sort={{ field: 'riskScore', order: 'DESC' }}>
      <RiskTable />
    </List>
  );
}
