// What a gap is, as DataTable columns: its kind, severity, period and shortfall.
import { DataTable } from 'react-admin';
import { EnumCol } from '../common/columns';
import { DayField, EuroField } from '../common/fields';

export function GapColumns() {
  return (
    <>
      <EnumCol source="kind" enumName="gapKind" />
      <EnumCol source="severity" enumName="severity" />
      <DataTable.Col source="periodStart" field={DayField} />
      <DataTable.Col source="periodEnd" field={DayField} />
      <DataTable.Col source="shortfallCents" align="right" field={EuroField} />
    </>
  );
}
