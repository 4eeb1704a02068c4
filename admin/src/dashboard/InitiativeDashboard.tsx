// An initiative's view: a missing budget, its runway, its coverage per year, what ends next and its
// open gaps, each explained with a next step.
import { Alert, Stack } from '@mui/material';
import { RecordContextProvider, ResourceContextProvider, Title, useTranslate } from 'react-admin';
import type { Initiative } from '../api/types';
import { DownloadButton } from '../common/ExportMenu';
import { PrintButton } from '../common/PrintButton';
import { Loading } from '../common/states';
import { CoverageMatrix } from '../initiatives/CoverageMatrix';
import { MissingBudgetWarning } from '../initiatives/MissingBudgetWarning';
import { OpenGaps } from '../initiatives/OpenGaps';
import { RunwaySection } from '../initiatives/RunwaySection';
import { NextEndings } from './NextEndings';
import { useOwnRecord } from './useOwnRecord';
import { OverdueObligations } from '../obligations/OverdueObligations';

export function InitiativeDashboard() {
  const translate = useTranslate();
  const { id: initiativeId, record: initiative, isPending } = useOwnRecord<Initiative>('initiatives', 'initiativeId');
  if (isPending) return <Loading />;
  if (initiativeId === null) return <Alert severity="info">{translate('vangnet.dashboard.no_initiative')}</Alert>;
  return (
    <ResourceContextProvider value="initiatives">
      <RecordContextProvider value={initiative}>
        <Title title={translate('vangnet.dashboard.initiative_title', { name: initiative?.name ?? '' })} />
        <Stack direction="row" justifyContent="flex-end" className="no-print">
          <DownloadButton path={`/initiatives/${initiativeId}/overview.xlsx`} label="vangnet.export.overview" />
          <PrintButton />
        </Stack>
        <MissingBudgetWarning initiativeId={initiativeId} />
        <RunwaySection initiativeId={initiativeId} />
        {/* One below the other: side by side, the next endings' amounts were cut off even at 1600 px. */}
        <CoverageMatrix initiativeId={initiativeId} />
        <NextEndings initiativeId={initiativeId} />
        <OverdueObligations initiativeId={initiativeId} />
        {initiative ? <OpenGaps /> : null}
      </RecordContextProvider>
    </ResourceContextProvider>
  );
}
