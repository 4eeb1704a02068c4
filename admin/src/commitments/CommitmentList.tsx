import {
  AutocompleteInput,
  DataTable,
  List,
  ReferenceInput,
  SearchInput,
  SelectInput,
  type RaRecord,
} from 'react-admin';
import { canAccess, getUser } from '../authProvider';
import { EnumCol, ReferenceCol } from '../common/columns';
import { enumChoices } from '../common/enums';
import { DayField, EuroField } from '../common/fields';
import { DayInput } from '../common/DayInput';
import { ListActions } from '../common/ExportMenu';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="initiativeId" source="initiativeId" reference="initiatives">
    <AutocompleteInput />
  </ReferenceInput>,
  <ReferenceInput key="funderId" source="funderId" reference="funders">
    <AutocompleteInput />
  </ReferenceInput>,
  <SelectInput key="kind" source="kind" choices={enumChoices('commitmentKind')} />,
  <SelectInput key="status" source="status" choices={enumChoices('commitmentStatus')} />,
  <DayInput key="startDate_gte" source="startDate_gte" />,
  <DayInput key="endDate_lte" source="endDate_lte" />,
  <DayInput key="endDate_gte" source="endDate_gte" />,
];

/** Straight to the form for commitments the user may change, to the read-only page otherwise. */
const openCommitment = (_id: unknown, _resource: string, record: RaRecord) => (canAccess(getUser(), 'commitments', 'edit', record) ? 'edit' : 'show');

export function CommitmentList() {
  return (
    <List actions={<ListActions />} filters={filters} sort={{ field: 'startDate', order: 'DESC' }}>
      <DataTable rowClick={openCommitment} bulkActionButtons={false}>
        <DataTable.Col source="title" />
        <ReferenceCol source="initiativeId" reference="initiatives" />
        <ReferenceCol source="funderId" reference="funders" />
        <EnumCol source="kind" enumName="commitmentKind" plain />
        <EnumCol source="status" enumName="commitmentStatus" />
        <DataTable.Col source="startDate" field={DayField} />
        <DataTable.Col source="endDate" field={DayField} />
        <DataTable.Col source="amountCents" align="right" field={EuroField} />
        <DataTable.Col source="receivedCents" align="right" field={EuroField} />
        <DataTable.Col source="remainingCents" align="right" field={EuroField} />
      </DataTable>
    </List>
  );
}
