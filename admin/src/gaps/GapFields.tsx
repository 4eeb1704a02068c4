// A gap's fields as its kind reads them: when (the months of a shortfall, the month of a cliff, the
// end of an expiring commitment, the date a funder's limit is reached), the shortfall only where
// there is one, and the sentence with its next step.
import { Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import type { Gap } from '../api/types';
import { useFormat } from '../common/fields';
import { gapPeriod } from './explainGap';
import { GapExplanation } from './GapExplanation';

export function GapPeriodField() {
  const gap = useRecordContext<Gap>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!gap) return null;
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }} data-testid="gap-period">
      {gapPeriod(gap, translate, locale)}
    </Typography>
  );
}

/** The shortfall's amount; empty for the kinds that have none. */
export function GapShortfallField() {
  const gap = useRecordContext<Gap>();
  const format = useFormat();
  if (!gap || gap.kind !== 'shortfall') return null;
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
      {format.euro(gap.shortfallCents)}
    </Typography>
  );
}

export function GapExplanationField() {
  const gap = useRecordContext<Gap>();
  return gap ? <GapExplanation gap={gap} /> : null;
}
