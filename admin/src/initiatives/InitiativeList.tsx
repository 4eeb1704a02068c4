import {
  BooleanField,
  BooleanInput,
  DataTable,
  List,
  SearchInput,
  SelectArrayInput,
  SelectInput,
  TextInput,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { Initiative } from '../api/types';
import { EnumCol } from '../common/columns';
import { enumChoices } from '../common/enums';
import { DayField, EuroField } from '../common/fields';
import { AGE_BANDS } from '../dataProvider';
import { ageInYears } from '../format/dates';
import { ListActions } from '../common/ExportMenu';

const ageBandChoices = AGE_BANDS.map((band) => ({ id: band, name: `vangnet.enum.ageBand.${band}` }));

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <TextInput key="municipality" source="municipality" />,
  <SelectArrayInput key="domains" source="domains" choices={enumChoices('domain')} />,
  <SelectInput key="status" source="status" choices={enumChoices('initiativeStatus')} />,
  <SelectInput key="ageBand" source="ageBand" choices={ageBandChoices} />,
  <BooleanInput key="atRisk" source="atRisk" />,
];

function AgeField() {
  const record = useRecordContext<Initiative>();
  const translate = useTranslate();
  if (!record) return null;
  return <>{translate('vangnet.common.years_old', { smart_count: ageInYears(record.foundedOn) })}</>;
}

export function InitiativeList() {
  return (
    <List actions={<ListActions />} filters={filters} sort={{ field: 'name', order: 'ASC' }}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="name" />
        <DataTable.Col source="municipality" />
        <DataTable.Col source="foundedOn" field={DayField} />
        <DataTable.Col source="age" disableSort>
          <AgeField />
        </DataTable.Col>
        <EnumCol source="domains" enumName="domain" disableSort />
        <DataTable.Col source="reservesCents" align="right" field={EuroField} />
        <EnumCol source="status" enumName="initiativeStatus" />
        <DataTable.Col source="sharedWithFunders" field={BooleanField} />
      </DataTable>
    </List>
  );
}
