import { Edit, SimpleForm } from 'react-admin';
import { ObligationInputs } from './ObligationInputs';

export function ObligationEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm>
        <ObligationInputs existing />
      </SimpleForm>
    </Edit>
  );
}
