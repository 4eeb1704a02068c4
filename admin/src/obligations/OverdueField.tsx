// Whether an obligation is late, said in words and colour: "14 dagen te laat".
import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Obligation } from '../api/types';

export function OverdueField() {
  const record = useRecordContext<Obligation>();
  const translate = useTranslate();
  if (!record?.overdue) return null;
  return <Chip size="small" color="error" label={translate('vangnet.reporting.days_overdue', { smart_count: record.daysOverdue })} data-testid="overdue" />;
}

/** The row of an overdue obligation stands out (its chip says so in words too). */
export const overdueRowSx = (record: Obligation) => (record.overdue ? { backgroundColor: 'rgba(211, 47, 47, 0.08)' } : {});
