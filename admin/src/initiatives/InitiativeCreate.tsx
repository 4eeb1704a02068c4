import { Create, SimpleForm } from 'react-admin';
import { InitiativeInputs } from './InitiativeInputs';

export function InitiativeCreate() {
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={{ status: 'active', reservesCents: 0, domains: [], sharedWithFunders: false }}>
        <InitiativeInputs />
      </SimpleForm>
    </Create>
  );
}
