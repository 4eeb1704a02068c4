import { Edit, SimpleForm } from 'react-admin';
import { UserInputs, userForSave } from './UserInputs';

export function UserEdit() {
  return (
    <Edit transform={userForSave} mutationMode="pessimistic" redirect="list">
      <SimpleForm>
        <UserInputs creating={false} />
      </SimpleForm>
    </Edit>
  );
}
