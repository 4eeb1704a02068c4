import { Create, SimpleForm } from 'react-admin';
import { FunderInputs } from './FunderInputs';

export function FunderCreate() {
  return (
    <Create redirect="show">
      <SimpleForm>
        <FunderInputs />
      </SimpleForm>
    </Create>
  );
}
