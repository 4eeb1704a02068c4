// A user's fields: a funder user belongs to one funder, an initiative user to one initiative.
import {
  AutocompleteInput,
  BooleanInput,
  FormDataConsumer,
  PasswordInput,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
  type Validator,
} from 'react-admin';
import type { User, UserUpdate } from '../api/types';
import { enumChoices } from '../common/enums';

export function UserInputs({ creating }: { creating: boolean }) {
  const passwordRules: Validator[] = creating ? [required()] : [];
  return (
    <>
      <TextInput source="email" type="email" validate={required()} fullWidth />
      <PasswordInput
        source="password"
        validate={passwordRules}
        autoComplete="new-password"
        helperText={creating ? 'vangnet.users.password_help_create' : 'vangnet.users.password_help_edit'}
      />
      <SelectInput source="role" choices={enumChoices('role')} validate={required()} />
      <FormDataConsumer<User>>
        {({ formData }) =>
          formData.role === 'funder' ? (
            <ReferenceInput source="funderId" reference="funders">
              <AutocompleteInput validate={required()} />
            </ReferenceInput>
          ) : formData.role === 'initiative' ? (
            <ReferenceInput source="initiativeId" reference="initiatives">
              <AutocompleteInput validate={required()} />
            </ReferenceInput>
          ) : null
        }
      </FormDataConsumer>
      <SelectInput source="language" choices={enumChoices('language')} defaultValue="nl" validate={required()} />
      {/* Left empty on a new user: the role's default (daily; weekly for admins). */}
      <SelectInput source="digest" choices={enumChoices('digest')} emptyText="vangnet.users.digest_default" helperText="vangnet.users.digest_help" />
      <BooleanInput source="disabled" />
    </>
  );
}

/** Only the reference that fits the role is sent; an empty password keeps the old one. */
export function userForSave(data: Partial<User & UserUpdate>): Partial<User & UserUpdate> {
  const { password, ...rest } = data;
  return {
    ...rest,
    funderId: rest.role === 'funder' ? (rest.funderId ?? null) : null,
    initiativeId: rest.role === 'initiative' ? (rest.initiativeId ?? null) : null,
    ...(password ? { password } : {}),
  };
}
