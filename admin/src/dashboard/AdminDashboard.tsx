// The coalition's view of the whole portfolio.
import { Grid } from '@mui/material';
import { lazy, Suspense } from 'react';
import { Title, useTranslate } from 'react-admin';
import { Section } from '../common/Section';
import { ChartLoading } from '../common/states';
import { KeyFigures } from './KeyFigures';
import { RiskiestInitiatives } from './RiskiestInitiatives';

const FundingByTypeChart = lazy(() => import('./FundingByTypeChart'));
const DistributionCharts = lazy(() => import('./DistributionCharts'));

export function AdminDashboard() {
  const translate = useTranslate();
  return (
    <>
      <Title title={translate('vangnet.dashboard.admin_title')} />
      <KeyFigures />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 7 }}>
          <Section title={translate('vangnet.dashboard.funding_by_type')}>
            <Suspense fallback={<ChartLoading />}>
              <FundingByTypeChart />
            </Suspense>
          </Section>
        </Grid>
        <Grid size={{ xs: 12, lg: 5 }}>
          <RiskiestInitiatives />
        </Grid>
        <Grid size={12}>
          <Section title={translate('vangnet.dashboard.distribution', { year: new Date().getFullYear() })}>
            <Suspense fallback={<ChartLoading height={260} />}>
              <DistributionCharts />
            </Suspense>
          </Section>
        </Grid>
      </Grid>
    </>
  );
}
