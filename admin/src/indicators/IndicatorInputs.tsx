// An indicator, with this year's and next year's targets as two plain numbers (the API keeps
// targets per year).
import { AutocompleteInput, Create, Edit, NumberInput, ReferenceInput, SelectInput, SimpleForm, TextInput, required, type RaRecord } from 'react-admin';
import { getUser } from '../authProvider';
import { enumChoices } from '../common/enums';

const thisYear = new Date().getFullYear();

/** The form's two target numbers as the API's `targets`, keeping the other years' targets. */
function toTargets(data: RaRecord): RaRecord {
  const { targetThisYear, targetNextYear, ...rest } = data as RaRecord & { targetThisYear?: number | null; targetNextYear?: number | null; targets?: Record<string, number> };
  const targets: Record<string, number> = { ...(rest.targets ?? {}) };
  for (const [year, value] of [
    [thisYear, targetThisYear],
    [thisYear + 1, targetNextYear],
  ] as const) {
    if (typeof value === 'number') targets[String(year)] = value;
    else delete targets[String(year)];
  }
  return { ...rest, targets };
}

function Inputs() {
  return (
    <>
      <ReferenceInput source="initiativeId" reference="initiatives">
        <AutocompleteInput validate={required()} readOnly={getUser()?.role === 'initiative'} />
      </ReferenceInput>
      <TextInput source="name" validate={required()} fullWidth />
      <TextInput source="unit" validate={required()} />
      <SelectInput source="direction" choices={enumChoices('indicatorDirection')} validate={required()} />
      <TextInput source="description" multiline fullWidth />
      <NumberInput source="targetThisYear" label={`vangnet.impact.target_year`} />
      <NumberInput source="targetNextYear" label={`vangnet.impact.target_next_year`} />
    </>
  );
}

export function IndicatorCreate() {
  const user = getUser();
  return (
    <Create redirect={(_r?: string, _id?: unknown, data?: Partial<RaRecord>) => `initiatives/${String(data?.initiativeId)}/show`} transform={toTargets}>
      <SimpleForm defaultValues={{ direction: 'higher_is_better', ...(user?.role === 'initiative' ? { initiativeId: user.initiativeId } : {}) }}>
        <Inputs />
      </SimpleForm>
    </Create>
  );
}

export function IndicatorEdit() {
  return (
    <Edit mutationMode="pessimistic" transform={toTargets} redirect={(_r?: string, _id?: unknown, data?: Partial<RaRecord>) => `initiatives/${String(data?.initiativeId)}/show`}>
      <SimpleForm>
        <Inputs />
      </SimpleForm>
    </Edit>
  );
}
