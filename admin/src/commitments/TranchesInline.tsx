// A commitment's tranches, edited in place; the "add" row proposes the part not yet scheduled.
import { Stack } from '@mui/material';
import { DataTable, ReferenceManyField, required, SelectInput, useListContext, useRecordContext, useTranslate } from 'react-admin';
import type { Commitment, Tranche } from '../api/types';
import { canAccess, getUser } from '../authProvider';
import { EnumCol } from '../common/columns';
import { enumChoices } from '../common/enums';
import { EuroInput } from '../common/EuroInput';
import { DayField, EuroField } from '../common/fields';
import { InlineRowForm } from '../common/InlineRowForm';
import { Section } from '../common/Section';
import { Empty, Loading } from '../common/states';
import { DayInput } from '../common/DayInput';

function TrancheInputs() {
  const small = { size: 'small' as const, helperText: false as const, sx: { width: 150 } };
  // Room for "31-12-2027" beside the calendar button.
  const day = { ...small, sx: { width: 180 } };
  return (
    <>
      <DayInput source="periodStart" validate={required()} {...day} />
      <DayInput source="periodEnd" validate={required()} {...day} />
      <EuroInput source="amountCents" validate={required()} sx={{ width: 170 }} />
      <DayInput source="dueOn" {...day} />
      <SelectInput source="status" choices={enumChoices('trancheStatus')} validate={required()} {...small} />
      <DayInput source="receivedOn" {...day} />
    </>
  );
}

function EditableTranches({ commitment }: { commitment: Commitment }) {
  const { data, isPending } = useListContext<Tranche>();
  if (isPending) return <Loading />;
  return (
    <Stack spacing={0.5} data-testid="tranche-rows">
      {data?.length ? null : <Empty message="vangnet.tranches.empty" />}
      {data?.map((t) => (
        <InlineRowForm key={t.id} resource="tranches" record={t} testId="tranche-row">
          <TrancheInputs />
        </InlineRowForm>
      ))}
      <InlineRowForm
        resource="tranches"
        defaults={{
          commitmentId: commitment.id,
          periodStart: commitment.startDate,
          periodEnd: commitment.endDate,
          amountCents: Math.max(0, commitment.unscheduledCents),
          status: 'planned',
        }}
        testId="tranche-new"
      >
        <TrancheInputs />
      </InlineRowForm>
    </Stack>
  );
}

function ReadOnlyTranches() {
  return (
    <DataTable bulkActionButtons={false} rowClick={false}>
      <DataTable.Col source="periodStart" field={DayField} />
      <DataTable.Col source="periodEnd" field={DayField} />
      <DataTable.Col source="amountCents" align="right" field={EuroField} />
      <DataTable.Col source="dueOn" field={DayField} />
      <EnumCol source="status" enumName="trancheStatus" />
      <DataTable.Col source="receivedOn" field={DayField} />
    </DataTable>
  );
}

/** Editable for whoever may change the commitment itself (a funder only its own funder's). */
export function TranchesInline({ editable = true }: { editable?: boolean }) {
  const commitment = useRecordContext<Commitment>();
  const translate = useTranslate();
  if (!commitment) return null;
  const canWrite = editable && canAccess(getUser(), 'tranches', 'edit') && canAccess(getUser(), 'commitments', 'edit', commitment);
  return (
    <Section title={translate('vangnet.tranches.title')} testId="tranches">
      <ReferenceManyField
        reference="tranches"
        target="commitmentId"
        sort={{ field: 'periodStart', order: 'ASC' }}
        perPage={200}
        empty={canWrite ? undefined : <Empty message="vangnet.tranches.empty" />}
      >
        {canWrite ? <EditableTranches commitment={commitment} /> : <ReadOnlyTranches />}
      </ReferenceManyField>
    </Section>
  );
}
