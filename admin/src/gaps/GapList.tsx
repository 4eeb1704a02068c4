// The gaps the scans found, open ones first by default; each links to its initiative.
import { AutocompleteInput, BooleanInput, DataTable, List, ReferenceInput, SelectInput } from 'react-admin';
import { ReferenceCol } from '../common/columns';
import { enumChoices } from '../common/enums';
import { TimestampField } from '../common/fields';
import { NoResults } from '../common/NoResults';
import { GapColumns } from './GapColumns';
import { GapDetails } from './GapDetails';
import { DayInput } from '../common/DayInput';

const filters = [
  <BooleanInput key="open" source="open" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={enumChoices('gapKind')} alwaysOn />,
  <SelectInput key="severity" source="severity" choices={enumChoices('severity')} alwaysOn />,
  <ReferenceInput key="initiativeId" source="initiativeId" reference="initiatives">
    <AutocompleteInput />
  </ReferenceInput>,
  <DayInput key="periodStart_gte" source="periodStart_gte" label="resources.gaps.fields.periodStart" />,
];

const DEFAULT_FILTER = { open: true };

export function GapList() {
  return (
    <List filters={filters} filterDefaultValues={DEFAULT_FILTER} sort={{ field: 'periodStart', order: 'ASC' }}>
      <DataTable bulkActionButtons={false} rowClick={false} expand={<GapDetails />} expandSingle={false} empty={<NoResults defaults={DEFAULT_FILTER} />}>
        <ReferenceCol source="initiativeId" reference="initiatives" />
        <GapColumns />
        <DataTable.Col source="detectedAt" field={TimestampField} />
        <DataTable.Col source="resolvedAt" field={TimestampField} />
      </DataTable>
    </List>
  );
}
