// The coalition's view of the whole portfolio.
import { Grid, Stack } from '@mui/material';
import { lazy, Suspense } from 'react';
import { Title, useTranslate } from 'react-admin';
import { Section } from '../common/Section';
import { ChartLoading } from '../common/states';
import { KeyFigures } from './KeyFigures';
import { RiskiestInitiatives } from './RiskiestInitiatives';
import { ExportMenu } from '../common/ExportMenu';
import { PrintButton } from '../common/PrintButton';
import { FUNDING_YEARS } from './fundingYears';
import { OverdueObligations } from '../obligations/OverdueObligations';
import { PortfolioBurden } from '../obligations/PortfolioBurden';

const FundingByTypeChart = lazy(() => import('./FundingByTypeChart'));
const DistributionCharts = lazy(() => import('./DistributionCharts'));

export function AdminDashboard() {
  const translate = useTranslate();
  return (
    <>
      <Title title={translate('vangnet.dashboard.admin_title')} />
      <Stack direction="row" justifyContent="flex-end" className="no-print">
        <PrintButton />
      </Stack>
      <KeyFigures />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 7 }}>
          <Section title={translate('vangnet.dashboard.funding_by_type')} action={<ExportMenu path="/stats/fragmentation/export" query={{ years: FUNDING_YEARS }} />}>
            <Suspense fallback={<ChartLoading />}>
              <FundingByTypeChart />
            </Suspense>
          </Section>
        </Grid>
        <Grid size={{ xs: 12, lg: 5 }}>
          <RiskiestInitiatives />
        </Grid>
        <Grid size={12}>
          <Section title={translate('vangnet.dashboard.distribution', { year: new Date().getFullYear() })} action={<ExportMenu path="/stats/fragmentation/export" />}>
            <Suspense fallback={<ChartLoading height={260} />}>
              <DistributionCharts />
            </Suspense>
          </Section>
        </Grid>
        <Grid size={{ xs: 12, lg: 7 }}>
          <PortfolioBurden />
        </Grid>
        <Grid size={{ xs: 12, lg: 5 }}>
          <OverdueObligations />
        </Grid>
      </Grid>
    </>
  );
}
