// A new commitment, optionally with its tranches generated from a schedule; afterwards the edit
// page shows those tranches.
import { Create, SelectInput, SimpleForm } from 'react-admin';
import { getUser } from '../authProvider';
import { enumChoices } from '../common/enums';
import { CommitmentInputs } from './CommitmentInputs';

export function CommitmentCreate() {
  const user = getUser();
  const defaults = {
    kind: 'subsidy',
    status: 'committed',
    renewable: false,
    trancheSchedule: null,
    ...(user?.role === 'funder' ? { funderId: user.funderId } : {}),
    ...(user?.role === 'initiative' ? { initiativeId: user.initiativeId } : {}),
  };
  return (
    <Create redirect="edit">
      <SimpleForm defaultValues={defaults}>
        <CommitmentInputs />
        <SelectInput
          source="trancheSchedule"
          choices={enumChoices('trancheSchedule')}
          emptyText="vangnet.commitments.schedule_none"
          helperText="vangnet.commitments.schedule_help"
        />
      </SimpleForm>
    </Create>
  );
}
