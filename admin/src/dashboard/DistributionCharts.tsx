// How fragmented the portfolio is, initiative by initiative, this year: how many funders each
// effectively has (1 / HHI) and how much of its money is short-term (≤ 24 months). The API counts
// the funded initiatives per bucket (/api/stats/fragmentation, `effectiveFundersHistogram` and
// `shortTermShareHistogram` of the year's totals), whatever the portfolio's size.
import { Grid, Typography } from '@mui/material';
import { useTheme } from '@mui/material/styles';
import { useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { usePortfolioFragmentation } from '../api/queries';
import { ChartTable } from '../common/ChartTable';
import { useFormat } from '../common/fields';
import { ChartLoading } from '../common/states';
import { formatNumber } from '../format/money';
import { FUNDING_YEARS } from './fundingYears';

function SmallBarChart({ data, testId, color, title }: { data: { bucket: string; count: number }[]; testId: string; color: string; title: string }) {
  const translate = useTranslate();
  return (
    <div data-testid={testId}>
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="bucket" />
          <YAxis allowDecimals={false} width={32} />
          <Tooltip formatter={(value) => [value, translate('vangnet.dashboard.initiatives_axis')]} />
          <Bar dataKey="count" fill={color} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
      <ChartTable caption={title} columns={[title, translate('vangnet.dashboard.initiatives_axis')]} rows={data.map((d) => [d.bucket, String(d.count)])} />
    </div>
  );
}

export default function DistributionCharts() {
  const translate = useTranslate();
  const format = useFormat();
  const theme = useTheme();
  const stats = usePortfolioFragmentation(FUNDING_YEARS);
  if (stats.isPending) return <ChartLoading height={260} />;
  const totals = stats.data?.totals[0];
  const n = (v: number | null | undefined) => formatNumber(v, format.locale, 1);
  const counts = (histogram: readonly number[] | undefined, labels: readonly string[]) => labels.map((bucket, i) => ({ bucket, count: histogram?.[i] ?? 0 }));
  const effective = counts(totals?.effectiveFundersHistogram, ['1', '2', '3', '4', '5+']);
  const pct = (share: number) => format.percent(share);
  const shortTerm = counts(
    totals?.shortTermShareHistogram,
    [0, 0.2, 0.4, 0.6, 0.8].map((from) => `${pct(from)}–${pct(from + 0.2)}`),
  );
  return (
    <Grid container spacing={2} data-testid="distribution-charts">
      <Grid size={{ xs: 12, md: 6 }}>
        <Typography variant="subtitle2">{translate('vangnet.dashboard.effective_funders')}</Typography>
        <Typography variant="caption" color="text.secondary">
          {translate('vangnet.dashboard.mean_median', { mean: n(totals?.effectiveFunders.mean), median: n(totals?.effectiveFunders.median) })}
        </Typography>
        <SmallBarChart data={effective} testId="effective-funders-chart" color={theme.palette.primary.main} title={translate('vangnet.dashboard.effective_funders')} />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Typography variant="subtitle2">{translate('vangnet.dashboard.short_term_share')}</Typography>
        <Typography variant="caption" color="text.secondary">
          {translate('vangnet.dashboard.funding_weighted', { share: format.percent(totals?.shortTermShare) })}
        </Typography>
        <SmallBarChart data={shortTerm} testId="short-term-chart" color={theme.palette.secondary.main} title={translate('vangnet.dashboard.short_term_share')} />
      </Grid>
    </Grid>
  );
}
