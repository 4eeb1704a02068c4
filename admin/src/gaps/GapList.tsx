// The gaps the scans found, open ones first by default; each links to its initiative and says in
// a sentence what is going on and what to do. Refetches while a rescan follows an edit.
import { AutocompleteInput, BooleanInput, DataTable, List, ReferenceInput, SelectInput, TopToolbar, FilterButton } from 'react-admin';
import { ReferenceCol } from '../common/columns';
import { enumChoices } from '../common/enums';
import { TimestampField } from '../common/fields';
import { NoResults } from '../common/NoResults';
import { GapColumns } from './GapColumns';
import { UpdatingIndicator } from './UpdatingIndicator';
import { useLiveFigures } from './useLiveFigures';
import { DayInput } from '../common/DayInput';
import { ListExportButton } from '../common/ExportMenu';

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

function Actions({ updating }: { updating: boolean }) {
  return (
    <TopToolbar sx={{ alignItems: 'center' }}>
      <UpdatingIndicator updating={updating} />
      <FilterButton />
      <ListExportButton />
    </TopToolbar>
  );
}

export function GapList() {
  const { updating, refetchInterval } = useLiveFigures();
  return (
    <List
      filters={filters}
      filterDefaultValues={DEFAULT_FILTER}
      sort={{ field: 'periodStart', order: 'ASC' }}
      queryOptions={{ refetchInterval }}
      actions={<Actions updating={updating} />}
    >
      <DataTable bulkActionButtons={false} rowClick={false} empty={<NoResults defaults={DEFAULT_FILTER} />}>
        <ReferenceCol source="initiativeId" reference="initiatives" />
        <GapColumns />
        <DataTable.Col source="detectedAt" field={TimestampField} />
        <DataTable.Col source="resolvedAt" field={TimestampField} />
      </DataTable>
    </List>
  );
}
