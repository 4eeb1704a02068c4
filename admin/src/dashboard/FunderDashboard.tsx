// A funder's view: the initiatives it funds, who else funds them, their coverage and gaps.
import { Alert, Stack } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import type { Funder } from '../api/types';
import { PrintButton } from '../common/PrintButton';
import { Loading } from '../common/states';
import { CofundingTable } from '../funders/CofundingTable';
import { OpenRounds } from './OpenRounds';
import { useOwnRecord } from './useOwnRecord';
import { OverdueObligations } from '../obligations/OverdueObligations';

export function FunderDashboard() {
  const translate = useTranslate();
  const { id: funderId, record: funder, isPending } = useOwnRecord<Funder>('funders', 'funderId');
  if (isPending) return <Loading />;
  if (funderId === null) return <Alert severity="info">{translate('vangnet.dashboard.no_funder')}</Alert>;
  return (
    <>
      <Title title={funder?.name ?? translate('vangnet.dashboard.funder_title')} />
      <Stack direction="row" justifyContent="flex-end" className="no-print">
        <PrintButton />
      </Stack>
      <OpenRounds />
      <CofundingTable funderId={funderId} title={translate('vangnet.dashboard.funder_title')} />
      <OverdueObligations />
    </>
  );
}
