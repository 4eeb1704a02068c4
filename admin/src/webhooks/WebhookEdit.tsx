import { Edit, SimpleForm } from 'react-admin';
import { WebhookInputs } from './WebhookInputs';

export function WebhookEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm>
        <WebhookInputs creating={false} />
      </SimpleForm>
    </Edit>
  );
}
