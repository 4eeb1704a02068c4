// The webhooks the user may see: a funder user its own funder's, an admin all.
import { BooleanField, BooleanInput, DataTable, List, SearchInput } from 'react-admin';
import { EnumCol, NumberCol, ReferenceCol } from '../common/columns';
import { ListActions } from '../common/ExportMenu';
import { TimestampField } from '../common/fields';

const filters = [<SearchInput key="q" source="q" alwaysOn />, <BooleanInput key="active" source="active" />];

export function WebhookList() {
  return (
    <List actions={<ListActions />} filters={filters} sort={{ field: 'createdAt', order: 'DESC' }}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="url" />
        <ReferenceCol source="funderId" reference="funders" />
        <EnumCol source="events" enumName="webhookEvent" />
        <DataTable.Col source="active" field={BooleanField} />
        <NumberCol source="consecutiveFailures" />
        <DataTable.Col source="disabledAt" field={TimestampField} />
      </DataTable>
    </List>
  );
}
