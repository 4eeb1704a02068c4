import { Edit, SimpleForm } from 'react-admin';
import { FunderInputs } from './FunderInputs';

export function FunderEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm>
        <FunderInputs />
      </SimpleForm>
    </Edit>
  );
}
