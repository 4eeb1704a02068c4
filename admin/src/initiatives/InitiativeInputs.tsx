// The fields of an initiative, shared by the create and edit forms.
import { BooleanInput, required, SelectArrayInput, SelectInput, TextInput } from 'react-admin';
import { enumChoices } from '../common/enums';
import { EuroInput } from '../common/EuroInput';
import { DayInput } from '../common/DayInput';

export function InitiativeInputs() {
  return (
    <>
      <TextInput source="name" validate={required()} fullWidth />
      <DayInput source="foundedOn" validate={required()} />
      <TextInput source="municipality" validate={required()} />
      <TextInput source="municipalityCode" helperText="GM0344" />
      <SelectArrayInput source="domains" choices={enumChoices('domain')} />
      <TextInput source="kvkNumber" />
      <EuroInput source="reservesCents" />
      <SelectInput source="status" choices={enumChoices('initiativeStatus')} validate={required()} />
      <BooleanInput source="sharedWithFunders" />
      <TextInput source="description" multiline minRows={3} fullWidth />
    </>
  );
}
