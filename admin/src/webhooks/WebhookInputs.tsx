// A webhook's fields: where it posts, which events (none ticked: all), whether it is on. An admin
// may make one for a funder; a funder user's is always its own funder's (the API fills it in).
import { AutocompleteInput, BooleanInput, CheckboxGroupInput, ReferenceInput, required, TextInput, usePermissions } from 'react-admin';
import { EVENT_TYPES } from '../../../server/contract/enums';
import type { Role } from '../api/types';
import { enumLabel } from '../common/enums';

const eventChoices = EVENT_TYPES.map((type) => ({ id: type, name: enumLabel('webhookEvent', type) }));

export function WebhookInputs({ creating }: { creating: boolean }) {
  const { permissions } = usePermissions<Role>();
  return (
    <>
      {permissions === 'admin' ? (
        <ReferenceInput source="funderId" reference="funders">
          <AutocompleteInput readOnly={!creating} fullWidth helperText="vangnet.webhooks.funder_help" />
        </ReferenceInput>
      ) : null}
      <TextInput source="url" type="url" validate={required()} fullWidth helperText="vangnet.webhooks.url_help" />
      <CheckboxGroupInput source="events" choices={eventChoices} helperText="vangnet.webhooks.events_help" row={false} />
      <TextInput source="description" fullWidth multiline />
      <BooleanInput source="active" />
    </>
  );
}
