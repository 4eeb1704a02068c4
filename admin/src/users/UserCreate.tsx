import { Create, SimpleForm } from 'react-admin';
import { UserInputs, userForSave } from './UserInputs';

export function UserCreate() {
  return (
    <Create transform={userForSave} redirect="list">
      <SimpleForm defaultValues={{ role: 'initiative', disabled: false }}>
        <UserInputs creating />
      </SimpleForm>
    </Create>
  );
}
