// DESIGN.md "Runway": monthly need against committed and pipeline funding over the 60-month
// horizon, with the month the money runs out marked and the estimated need (carried forward from
// the last budget) dashed; the same figures as a table on request. Loaded lazily (recharts is large).
import { Box, Stack, Typography } from '@mui/material';
import { useTheme } from '@mui/material/styles';
import { useTranslate } from 'react-admin';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useRunway } from '../api/queries';
import { useLiveFigures } from '../gaps/useLiveFigures';
import { useFormat } from '../common/fields';
import { ChartLoading, Empty, LoadError } from '../common/states';
import { RunwayTable } from './RunwayTable';
import { useRunwayWords } from './runwayWords';
import { formatMonth, formatMonthLong } from '../format/dates';
import { formatEuroCompact } from '../format/money';

export default function RunwayChart({ initiativeId, height = 320 }: { initiativeId: number; height?: number }) {
  const { refetchInterval } = useLiveFigures();
  const committed = useRunway(initiativeId, 'committed', { refetchInterval });
  const pipeline = useRunway(initiativeId, 'pipeline', { refetchInterval });
  const translate = useTranslate();
  const format = useFormat();
  const theme = useTheme();
  const summary = useRunwayWords();

  if (committed.isPending || pipeline.isPending) return <ChartLoading height={height} />;
  if (!committed.data || !pipeline.data) return <LoadError />;
  const c = committed.data;
  const p = pipeline.data;
  // The need line is solid for budgeted months and dashed for estimated ones (carried forward from
  // the last budget); the solid line runs on to the first estimated month, so the two meet.
  const data = c.months.map((m, i) => ({
    month: m.month,
    need: !m.needEstimated || !c.months[i - 1]?.needEstimated ? m.needCents : null,
    needEstimated: m.needEstimated ? m.needCents : null,
    committed: m.fundingCents,
    pipeline: p.months[i]?.fundingCents ?? 0,
  }));
  const firstEstimated = c.months.find((m) => m.needEstimated)?.month ?? null;
  if (c.months.every((m, i) => m.needCents === 0 && m.fundingCents === 0 && (p.months[i]?.fundingCents ?? 0) === 0))
    return <Empty message="vangnet.runway.empty" />;

  // The first month that ends negative; the line sits on its start, right after "funded through".
  const runsOut = c.horizonReached ? null : (c.months[c.runwayMonths]?.month ?? null);
  const committedSummary = summary(c);
  const pipelineSummary = summary(p);
  const label = (key: string) => translate(`vangnet.runway.${key}`);

  return (
    <Box data-testid="runway-chart">
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={{ xs: 0.5, md: 3 }} sx={{ mb: 1 }}>
        <Typography variant="body2" data-testid="runway-committed">
          <strong>{translate('vangnet.runway.committed_summary', committedSummary)}</strong>
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('vangnet.runway.pipeline_summary', pipelineSummary)}
        </Typography>
      </Stack>
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart data={data} margin={{ top: 20, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="month" tickFormatter={(m: string) => formatMonth(m, format.locale)} minTickGap={24} />
          <YAxis tickFormatter={(v: number) => formatEuroCompact(v, format.locale)} width={72} />
          <Tooltip
            labelFormatter={(m) => formatMonth(String(m), format.locale)}
            formatter={(value, name) => [format.euro(Number(value)), name]}
          />
          <Legend itemSorter={null} />
          <Bar dataKey="committed" name={label('committed')} fill={theme.palette.primary.main} isAnimationActive={false} />
          <Line dataKey="pipeline" name={label('pipeline')} stroke={theme.palette.secondary.main} strokeDasharray="6 4" dot={false} type="stepAfter" isAnimationActive={false} />
          <Line dataKey="need" name={label('need')} stroke={theme.palette.error.main} strokeWidth={2} dot={false} type="stepAfter" isAnimationActive={false} />
          {firstEstimated ? (
            <Line
              dataKey="needEstimated"
              name={label('need_estimated')}
              stroke={theme.palette.error.main}
              strokeOpacity={0.6}
              strokeWidth={2}
              strokeDasharray="3 3"
              dot={false}
              type="stepAfter"
              isAnimationActive={false}
            />
          ) : null}
          {runsOut ? (
            <ReferenceLine
              x={runsOut}
              stroke={theme.palette.warning.dark}
              strokeDasharray="4 2"
              label={{ value: committedSummary.through, position: 'insideTopLeft', fill: theme.palette.warning.dark, fontSize: 12 }}
            />
          ) : null}
        </ComposedChart>
      </ResponsiveContainer>
      {firstEstimated && c.budgetThrough !== null ? (
        <Typography variant="body2" color="text.secondary" data-testid="runway-estimated-note">
          {translate('vangnet.runway.estimated_note', { month: formatMonthLong(firstEstimated, format.locale), year: c.budgetThrough })}
        </Typography>
      ) : null}
      <RunwayTable committed={c} pipeline={p} />
    </Box>
  );
}
