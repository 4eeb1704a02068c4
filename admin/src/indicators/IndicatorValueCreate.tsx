// A measured value of an indicator in a year; afterwards back to the initiative's impact.
import { Create, NumberInput, ReferenceInput, SelectInput, SimpleForm, TextInput, required, type RaRecord } from 'react-admin';

const backToInitiative = (_resource?: string, _id?: unknown, data?: Partial<RaRecord>) => `initiatives/${String(data?.initiativeId)}/show`;

export function IndicatorValueCreate() {
  return (
    <Create redirect={backToInitiative}>
      <SimpleForm defaultValues={{ year: new Date().getFullYear() - 1 }}>
        <ReferenceInput source="indicatorId" reference="indicators">
          <SelectInput optionText="name" validate={required()} readOnly />
        </ReferenceInput>
        <NumberInput source="year" validate={required()} step={1} />
        <NumberInput source="value" validate={required()} />
        <TextInput source="note" multiline fullWidth />
      </SimpleForm>
    </Create>
  );
}
