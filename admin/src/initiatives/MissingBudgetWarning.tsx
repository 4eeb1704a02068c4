// "Begroting 2027 ontbreekt — de behoefte van 2026 is doorgetrokken.": when next year (or this
// one) has no budget, the runway, coverage and gaps carry the last budget forward (DESIGN.md,
// "Need"). Says so, with a button to where the budget is entered.
import { Alert, Button } from '@mui/material';
import { Link, useCanAccess, useTranslate } from 'react-admin';
import { useRunway } from '../api/queries';
import { useLiveFigures } from '../gaps/useLiveFigures';
import type { InitiativeFocus } from '../gaps/explainGap';

export function MissingBudgetWarning({ initiativeId }: { initiativeId: number }) {
  const translate = useTranslate();
  const { refetchInterval } = useLiveFigures();
  const { data } = useRunway(initiativeId, 'committed', { refetchInterval });
  const { canAccess: canWrite } = useCanAccess({ resource: 'budgets', action: 'create' });
  if (!data || data.budgetThrough === null) return null;
  const missing = data.budgetThrough + 1;
  const nextYear = Number(data.asOf.slice(0, 4)) + 1;
  if (missing > nextYear || !data.months.some((m) => m.needEstimated)) return null;
  const focus: InitiativeFocus = 'budgets';
  return (
    <Alert
      severity="warning"
      sx={{ mb: 2 }}
      data-testid="missing-budget"
      action={
        canWrite ? (
          <Button component={Link} to={`/initiatives/${initiativeId}/show`} state={{ focus, budgetYear: missing }} color="inherit" size="small" variant="outlined" sx={{ textTransform: 'none', whiteSpace: 'nowrap' }}>
            {translate('vangnet.gaps.explain.step_budget', { year: missing })}
          </Button>
        ) : undefined
      }
    >
      {translate('vangnet.budgets.missing', { year: missing, last: data.budgetThrough })}
    </Alert>
  );
}
