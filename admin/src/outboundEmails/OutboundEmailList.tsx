// The e-mails Vangnet sent, or would have sent without SMTP: newest first, by status, user and period.
import { AutocompleteInput, DataTable, List, ReferenceInput, SelectInput, TextInput } from 'react-admin';
import { EnumCol, NumberCol, ReferenceCol } from '../common/columns';
import { enumChoices } from '../common/enums';
import { ListActions } from '../common/ExportMenu';
import { TimestampField } from '../common/fields';

const filters = [
  <SelectInput key="status" source="status" choices={enumChoices('outboundEmailStatus')} alwaysOn />,
  <ReferenceInput key="userId" source="userId" reference="users" alwaysOn>
    <AutocompleteInput />
  </ReferenceInput>,
  <TextInput key="period" source="period" helperText="vangnet.outbound.period_help" />,
  <TextInput key="q" source="q" />,
];

export function OutboundEmailList() {
  return (
    <List actions={<ListActions />} filters={filters} sort={{ field: 'createdAt', order: 'DESC' }}>
      <DataTable bulkActionButtons={false} rowClick="show">
        <DataTable.Col source="createdAt" field={TimestampField} />
        <DataTable.Col source="to" />
        <DataTable.Col source="subject" />
        <EnumCol source="status" enumName="outboundEmailStatus" />
        <DataTable.Col source="period" />
        <NumberCol source="attempts" />
        <ReferenceCol source="userId" reference="users" link={false} />
      </DataTable>
    </List>
  );
}
