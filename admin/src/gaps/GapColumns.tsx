// What a gap is, as DataTable columns: its kind, severity, when, the shortfall (only for a
// shortfall) and the sentence that explains it with its next step.
import { DataTable } from 'react-admin';
import { EnumCol } from '../common/columns';
import { GapExplanationField, GapPeriodField, GapShortfallField } from './GapFields';

export function GapColumns() {
  return (
    <>
      <EnumCol source="kind" enumName="gapKind" />
      <EnumCol source="severity" enumName="severity" />
      <DataTable.Col source="periodStart" label="vangnet.gaps.period" field={GapPeriodField} />
      <DataTable.Col source="shortfallCents" align="right" field={GapShortfallField} />
      <DataTable.Col source="details" label="vangnet.gaps.explanation" disableSort field={GapExplanationField} cellSx={() => ({ minWidth: 320 })} />
    </>
  );
}
