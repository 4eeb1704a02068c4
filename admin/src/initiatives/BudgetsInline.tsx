// The initiative's budget, one row per year, edited in place by those who may.
import { Stack } from '@mui/material';
import { NumberInput, ReferenceManyField, required, TextInput, useCanAccess, useListContext, useRecordContext, useTranslate } from 'react-admin';
import type { Budget, Initiative } from '../api/types';
import { EuroInput } from '../common/EuroInput';
import { useFormat } from '../common/fields';
import { InlineRowForm } from '../common/InlineRowForm';
import { Section } from '../common/Section';
import { Empty, Loading } from '../common/states';
import { useFocusState } from './useFocusSection';

function BudgetRows({ initiativeId, canWrite }: { initiativeId: number; canWrite: boolean }) {
  const { data, isPending } = useListContext<Budget>();
  const format = useFormat();
  if (isPending) return <Loading />;
  const budgets = data ?? [];
  const asked = useFocusState().budgetYear;
  const nextYear =
    asked !== undefined && !budgets.some((b) => b.year === asked)
      ? asked
      : budgets.length
        ? Math.max(...budgets.map((b) => b.year)) + 1
        : new Date().getFullYear();
  const inputs = (
    <>
      <NumberInput source="year" validate={required()} step={1} size="small" sx={{ width: 110 }} helperText={false} />
      <EuroInput source="amountCents" validate={required()} sx={{ width: 200 }} />
      <TextInput source="note" size="small" sx={{ flex: 1, minWidth: 160 }} helperText={false} />
    </>
  );
  if (!canWrite) {
    return budgets.length === 0 ? (
      <Empty message="vangnet.budgets.empty" />
    ) : (
      <Stack spacing={0.5}>
        {budgets.map((b) => (
          <Stack key={b.id} direction="row" spacing={2}>
            <strong>{b.year}</strong>
            <span>{format.euro(b.amountCents)}</span>
            <span>{b.note}</span>
          </Stack>
        ))}
      </Stack>
    );
  }
  return (
    <Stack spacing={0.5} data-testid="budget-rows">
      {budgets.length === 0 ? <Empty message="vangnet.budgets.empty" /> : null}
      {budgets.map((b) => (
        <InlineRowForm key={b.id} resource="budgets" record={b} testId="budget-row">
          {inputs}
        </InlineRowForm>
      ))}
      <InlineRowForm resource="budgets" defaults={{ initiativeId, year: nextYear }} testId="budget-new">
        {inputs}
      </InlineRowForm>
    </Stack>
  );
}

export function BudgetsInline() {
  const record = useRecordContext<Initiative>();
  const translate = useTranslate();
  const { canAccess: canWrite } = useCanAccess({ resource: 'budgets', action: 'edit' });
  if (!record) return null;
  return (
    <Section title={translate('vangnet.budgets.title')} testId="budgets">
      <ReferenceManyField reference="budgets" target="initiativeId" sort={{ field: 'year', order: 'ASC' }} perPage={100}>
        <BudgetRows initiativeId={record.id} canWrite={Boolean(canWrite)} />
      </ReferenceManyField>
    </Section>
  );
}
