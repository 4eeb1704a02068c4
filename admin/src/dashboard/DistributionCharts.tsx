// How fragmented the portfolio is, initiative by initiative, this year: how many funders each
// effectively has (1 / HHI) and how much of its money is short-term (≤ 24 months).
//
// The API gives portfolio means and medians (/api/stats/fragmentation), not the spread per
// initiative; the spread is computed here from each initiative's /fragmentation, as long as the
// portfolio is small enough to ask for each.
import { Grid, Typography } from '@mui/material';
import { useTheme } from '@mui/material/styles';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { usePortfolioFragmentation, useVangnetData } from '../api/queries';
import type { Fragmentation } from '../api/types';
import { ChartTable } from '../common/ChartTable';
import { useFormat } from '../common/fields';
import { ChartLoading } from '../common/states';
import { formatNumber } from '../format/money';
import { FUNDING_YEARS } from './fundingYears';

/** Above this many active initiatives the per-initiative spread is not fetched. */
const MAX_INITIATIVES = 250;
const PARALLEL = 6;

/** `work` on every item, at most `limit` at a time; stops starting new ones once `signal` aborts. */
async function mapLimited<T, R>(items: readonly T[], limit: number, signal: AbortSignal, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      signal.throwIfAborted();
      const i = next++;
      results[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function useSpread() {
  const dp = useVangnetData();
  return useQuery({
    queryKey: ['stats', 'spread', new Date().getFullYear()],
    queryFn: async ({ signal }) => {
      const active = await dp.getList('initiatives', { pagination: { page: 1, perPage: MAX_INITIATIVES }, sort: { field: 'id', order: 'ASC' }, filter: { status: 'active' } });
      if ((active.total ?? 0) > MAX_INITIATIVES) return { limited: true as const, total: active.total ?? 0, items: [] as Fragmentation[] };
      const items = await mapLimited(active.data, PARALLEL, signal, (i) => dp.fragmentation(Number(i.id)));
      return { limited: false as const, total: active.total ?? 0, items };
    },
  });
}

function histogram(values: readonly number[], buckets: readonly { label: string; test: (v: number) => boolean }[]) {
  return buckets.map((b) => ({ bucket: b.label, count: values.filter(b.test).length }));
}

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
  const spread = useSpread();
  if (stats.isPending || spread.isPending) return <ChartLoading height={260} />;
  const totals = stats.data?.totals[0];
  const n = (v: number | null | undefined) => formatNumber(v, format.locale, 1);
  const funded = (spread.data?.items ?? []).filter((f) => f.fundingCents > 0);
  const effective = histogram(
    funded.map((f) => f.effectiveFunders ?? 0),
    [
      { label: '1', test: (v) => v < 1.5 },
      { label: '2', test: (v) => v >= 1.5 && v < 2.5 },
      { label: '3', test: (v) => v >= 2.5 && v < 3.5 },
      { label: '4', test: (v) => v >= 3.5 && v < 4.5 },
      { label: '5+', test: (v) => v >= 4.5 },
    ],
  );
  const pct = (share: number) => format.percent(share);
  const shortTerm = histogram(
    funded.map((f) => f.shortTermShare ?? 0),
    [0, 0.2, 0.4, 0.6, 0.8].map((from) => ({
      label: `${pct(from)}–${pct(from + 0.2)}`,
      test: (v: number) => v >= from && (from === 0.8 ? v <= 1 : v < from + 0.2),
    })),
  );
  return (
    <Grid container spacing={2} data-testid="distribution-charts">
      <Grid size={{ xs: 12, md: 6 }}>
        <Typography variant="subtitle2">{translate('vangnet.dashboard.effective_funders')}</Typography>
        <Typography variant="caption" color="text.secondary">
          {translate('vangnet.dashboard.mean_median', { mean: n(totals?.effectiveFunders.mean), median: n(totals?.effectiveFunders.median) })}
        </Typography>
        {spread.data?.limited ? null : <SmallBarChart data={effective} testId="effective-funders-chart" color={theme.palette.primary.main} title={translate('vangnet.dashboard.effective_funders')} />}
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Typography variant="subtitle2">{translate('vangnet.dashboard.short_term_share')}</Typography>
        <Typography variant="caption" color="text.secondary">
          {translate('vangnet.dashboard.funding_weighted', { share: format.percent(totals?.shortTermShare) })}
        </Typography>
        {spread.data?.limited ? null : <SmallBarChart data={shortTerm} testId="short-term-chart" color={theme.palette.secondary.main} title={translate('vangnet.dashboard.short_term_share')} />}
      </Grid>
      {spread.data?.limited ? (
        <Grid size={12}>
          <Typography variant="body2" color="text.secondary">
            {translate('vangnet.dashboard.distribution_limited', { count: spread.data.total, max: MAX_INITIATIVES })}
          </Typography>
        </Grid>
      ) : null}
    </Grid>
  );
}
