import { Create, SimpleForm } from 'react-admin';
import { ObligationInputs } from './ObligationInputs';

export function ObligationCreate() {
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={{ kind: 'activity_report' }}>
        <ObligationInputs />
      </SimpleForm>
    </Create>
  );
}
