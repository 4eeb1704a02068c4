// The fields of a funder, shared by the create and edit forms.
import { NumberInput, required, SelectInput, TextInput } from 'react-admin';
import { enumChoices } from '../common/enums';

export function FunderInputs() {
  return (
    <>
      <TextInput source="name" validate={required()} fullWidth />
      <SelectInput source="type" choices={enumChoices('funderType')} validate={required()} />
      <TextInput source="municipalityCode" helperText="GM0344" />
      <TextInput source="orgId" helperText="NL-KVK-41202535" />
      <NumberInput source="maxFundingYears" step={1} min={1} />
      <TextInput source="website" type="url" fullWidth />
    </>
  );
}
