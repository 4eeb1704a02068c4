import { Edit, SimpleForm } from 'react-admin';
import { InitiativeInputs } from './InitiativeInputs';

export function InitiativeEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm>
        <InitiativeInputs />
      </SimpleForm>
    </Edit>
  );
}
