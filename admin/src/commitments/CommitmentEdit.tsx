// A commitment's form, and below it its amounts and its tranches, editable in place.
import { Box } from '@mui/material';
import { useEffect } from 'react';
import { Edit, SimpleForm, useRecordContext, useRedirect } from 'react-admin';
import type { Commitment } from '../api/types';
import { canAccess, getUser } from '../authProvider';
import { CommitmentAmounts } from './CommitmentAmounts';
import { CommitmentInputs } from './CommitmentInputs';
import { TranchesInline } from './TranchesInline';

/** Another funder's commitment opens read-only: its page, not a form the API would refuse. */
function ReadOnlyElsewhere() {
  const record = useRecordContext<Commitment>();
  const redirect = useRedirect();
  useEffect(() => {
    if (record && !canAccess(getUser(), 'commitments', 'edit', record)) redirect('show', 'commitments', record.id);
  }, [record, redirect]);
  return null;
}

export function CommitmentEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect={false}>
      <ReadOnlyElsewhere />
      <SimpleForm>
        <CommitmentInputs existing />
      </SimpleForm>
      <Box sx={{ px: 2, pt: 2 }}>
        <CommitmentAmounts />
        <TranchesInline />
      </Box>
    </Edit>
  );
}
