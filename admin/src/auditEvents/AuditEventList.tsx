// Every write, who did it and what changed: unfold a row to see the fields before and after.
import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { AutocompleteInput, DataTable, List, ReferenceInput, SelectInput, TextInput, useRecordContext, useTranslate } from 'react-admin';
import type { AuditEvent } from '../api/types';
import { EnumCol, ReferenceCol } from '../common/columns';
import { enumChoices } from '../common/enums';
import { TimestampField, useFormat } from '../common/fields';
import { DayInput } from '../common/DayInput';

const RESOURCES = ['funders', 'initiatives', 'budgets', 'commitments', 'tranches', 'users', 'scans'];

function useResourceChoices() {
  const translate = useTranslate();
  return RESOURCES.map((r) => ({ id: r, name: translate(`resources.${r}.name`, { smart_count: 2 }) }));
}

function ResourceName() {
  const record = useRecordContext<AuditEvent>();
  const translate = useTranslate();
  return record ? <>{translate(`resources.${record.resource}.name`, { smart_count: 1, _: record.resource })}</> : null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A field's value as the rest of the console shows it: cents in euros, dates as 31-12-2027. */
function useShowValue() {
  const format = useFormat();
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined) return '';
    if (typeof value === 'number' && field.endsWith('Cents')) return format.euro(value);
    if (typeof value === 'string' && ISO_DATE.test(value)) return format.date(value);
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  };
}

/** The fields whose value differs between before and after (all of them for a create or delete). */
function Changes() {
  const record = useRecordContext<AuditEvent>();
  const translate = useTranslate();
  const show = useShowValue();
  if (!record) return null;
  const before = record.before ?? {};
  const after = record.after ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
  return (
    <Table size="small" sx={{ maxWidth: 900 }}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('vangnet.audit.field')}</TableCell>
          <TableCell>{translate('resources.audit-events.fields.before')}</TableCell>
          <TableCell>{translate('resources.audit-events.fields.after')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {fields.map((f) => (
          <TableRow key={f}>
            <TableCell>{translate(`resources.${record.resource}.fields.${f}`, { _: f })}</TableCell>
            <TableCell sx={{ wordBreak: 'break-word' }}>{show(f, before[f])}</TableCell>
            <TableCell sx={{ wordBreak: 'break-word' }}>{show(f, after[f])}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function AuditEventList() {
  const resourceChoices = useResourceChoices();
  const filters = [
    <SelectInput key="resource" source="resource" choices={resourceChoices} translateChoice={false} alwaysOn />,
    <SelectInput key="action" source="action" choices={enumChoices('auditAction')} alwaysOn />,
    <ReferenceInput key="userId" source="userId" reference="users">
      <AutocompleteInput />
    </ReferenceInput>,
    <TextInput key="recordId" source="recordId" />,
    <DayInput key="at_gte" source="at_gte" />,
    <DayInput key="at_lte" source="at_lte" />,
  ];
  return (
    <List filters={filters} sort={{ field: 'at', order: 'DESC' }}>
      <DataTable bulkActionButtons={false} rowClick="expand" expand={<Changes />}>
        <DataTable.Col source="at" field={TimestampField} />
        <ReferenceCol source="userId" reference="users" link={false} />
        <EnumCol source="action" enumName="auditAction" />
        <DataTable.Col source="resource">
          <ResourceName />
        </DataTable.Col>
        <DataTable.Col source="recordId" />
      </DataTable>
    </List>
  );
}
