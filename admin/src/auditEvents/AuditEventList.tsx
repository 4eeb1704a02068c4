// Every write, who did it and what changed: unfold a row to see the fields before and after,
// worded as elsewhere in the console (labels for enumerations, names for referenced records).
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { AutocompleteInput, DataTable, List, ReferenceField, ReferenceInput, SelectInput, TextInput, useRecordContext, useTranslate, type RaRecord } from 'react-admin';
import type { AuditEvent } from '../api/types';
import { EnumCol, ReferenceCol } from '../common/columns';
import { enumChoices, enumLabel, type EnumName } from '../common/enums';
import { TimestampField, useFormat } from '../common/fields';
import { DayInput } from '../common/DayInput';
import { ListActions } from '../common/ExportMenu';

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

/** Fields holding an enumeration value, per resource: shown by their translated label. */
const ENUM_FIELDS: Readonly<Record<string, Readonly<Record<string, EnumName>>>> = {
  funders: { type: 'funderType' },
  initiatives: { status: 'initiativeStatus', domains: 'domain' },
  commitments: { kind: 'commitmentKind', status: 'commitmentStatus' },
  tranches: { status: 'trancheStatus' },
  users: { role: 'role' },
  scans: { trigger: 'scanTrigger', status: 'scanStatus' },
};

/** Fields holding the id of another record: shown by that record's name. */
const REFERENCES: Readonly<Record<string, string>> = {
  initiativeId: 'initiatives',
  funderId: 'funders',
  commitmentId: 'commitments',
  userId: 'users',
};

/** A field's value as the rest of the console shows it: labels, names, euros, 31-12-2027. */
function Value({ resource, field, snapshot }: { resource: string; field: string; snapshot: Record<string, unknown> }) {
  const format = useFormat();
  const translate = useTranslate();
  const value = snapshot[field];
  if (value === null || value === undefined) return null;
  const enumName = ENUM_FIELDS[resource]?.[field];
  if (enumName) {
    const values = Array.isArray(value) ? value.map(String) : [String(value)];
    return <>{values.map((v) => translate(enumLabel(enumName, v), { _: v })).join(', ')}</>;
  }
  const reference = REFERENCES[field];
  if (reference && typeof value === 'number') {
    const holder: RaRecord = { id: 0, [field]: value };
    return <ReferenceField record={holder} source={field} reference={reference} link={false} />;
  }
  if (typeof value === 'boolean') return <>{translate(`ra.boolean.${String(value)}`)}</>;
  if (typeof value === 'number' && field.endsWith('Cents')) return <>{format.euro(value)}</>;
  if (typeof value === 'string' && ISO_DATE.test(value)) return <>{format.date(value)}</>;
  return <>{typeof value === 'object' ? JSON.stringify(value) : String(value)}</>;
}

/** The fields whose value differs between before and after (all of them for a create or delete). */
function Changes() {
  const record = useRecordContext<AuditEvent>();
  const translate = useTranslate();
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
          <TableRow key={f} data-testid="audit-change">
            <TableCell>{translate(`resources.${record.resource}.fields.${f}`, { _: f })}</TableCell>
            <TableCell sx={{ wordBreak: 'break-word' }}>
              <Value resource={record.resource} field={f} snapshot={before} />
            </TableCell>
            <TableCell sx={{ wordBreak: 'break-word' }}>
              <Value resource={record.resource} field={f} snapshot={after} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The record by its name as it was (after the change, or before a delete), with its id. */
function RecordName() {
  const record = useRecordContext<AuditEvent>();
  const format = useFormat();
  if (!record) return null;
  const snapshot = record.after ?? record.before ?? {};
  const text = (key: string) => (typeof snapshot[key] === 'string' || typeof snapshot[key] === 'number' ? String(snapshot[key]) : null);
  const period = text('periodStart') && text('periodEnd') ? `${format.date(text('periodStart'))} – ${format.date(text('periodEnd'))}` : null;
  const name = text('name') ?? text('title') ?? text('email') ?? (record.resource === 'budgets' ? text('year') : null) ?? period;
  return (
    <>
      {name ? `${name} ` : null}
      <Typography component="span" variant="body2" color="text.secondary">
        #{record.recordId}
      </Typography>
    </>
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
    <List actions={<ListActions />} filters={filters} sort={{ field: 'at', order: 'DESC' }}>
      <DataTable bulkActionButtons={false} rowClick="expand" expand={<Changes />}>
        <DataTable.Col source="at" field={TimestampField} />
        <ReferenceCol source="userId" reference="users" link={false} />
        <EnumCol source="action" enumName="auditAction" />
        <DataTable.Col source="resource">
          <ResourceName />
        </DataTable.Col>
        <DataTable.Col source="recordId" disableSort>
          <RecordName />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
