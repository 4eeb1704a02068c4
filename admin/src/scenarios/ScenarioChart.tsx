// The balance month by month as it is and with the scenario: two lines over the 60-month horizon,
// with each one's runway in words above and the same figures as a table on request. Loaded lazily
// (recharts is large).
import { Box, Stack, Typography } from '@mui/material';
import { useTheme } from '@mui/material/styles';
import { useTranslate } from 'react-admin';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { WhatIfAnswer } from '../api/types';
import { useFormat } from '../common/fields';
import { formatMonth } from '../format/dates';
import { formatEuroCompact } from '../format/money';
import { MonthTable } from '../initiatives/RunwayTable';
import { useRunwayWords } from '../initiatives/runwayWords';

/** The chart's table alternative: the balance month by month as it is and with the scenario. */
function BalanceTable({ answer }: { answer: WhatIfAnswer }) {
  const translate = useTranslate();
  const base = answer.base.runway.months;
  const scenario = answer.scenario.runway.months;
  return (
    <MonthTable
      months={base.map((m) => ({ month: m.month }))}
      title={translate('vangnet.whatif.balance_title')}
      testId="whatif-table"
      columns={[
        { label: translate('vangnet.whatif.base_balance'), cents: (i) => base[i]?.balanceCents, balance: true },
        { label: translate('vangnet.whatif.scenario_balance'), cents: (i) => scenario[i]?.balanceCents ?? 0, balance: true },
      ]}
    />
  );
}

export default function ScenarioChart({ answer, height = 280 }: { answer: WhatIfAnswer; height?: number }) {
  const translate = useTranslate();
  const format = useFormat();
  const theme = useTheme();
  const words = useRunwayWords();
  const base = answer.base.runway;
  const scenario = answer.scenario.runway;
  const data = base.months.map((m, i) => ({ month: m.month, base: m.balanceCents, scenario: scenario.months[i]?.balanceCents ?? 0 }));
  const baseLabel = translate('vangnet.whatif.base');
  const scenarioLabel = translate('vangnet.whatif.scenario');
  return (
    <Box data-testid="whatif-chart">
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={{ xs: 0.5, md: 3 }} sx={{ mb: 1 }}>
        <Typography variant="body2" data-testid="whatif-base-runway">
          {translate('vangnet.whatif.base_summary', words(base))}
        </Typography>
        <Typography variant="body2" data-testid="whatif-scenario-runway">
          <strong>{translate('vangnet.whatif.scenario_summary', words(scenario))}</strong>
        </Typography>
      </Stack>
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={data} margin={{ top: 10, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="month" tickFormatter={(m: string) => formatMonth(m, format.locale)} minTickGap={24} />
          <YAxis tickFormatter={(v: number) => formatEuroCompact(v, format.locale)} width={72} />
          <Tooltip labelFormatter={(m) => formatMonth(String(m), format.locale)} formatter={(value, name) => [format.euro(Number(value)), name]} />
          <Legend />
          <ReferenceLine y={0} stroke={theme.palette.text.secondary} />
          <Line dataKey="base" name={baseLabel} stroke={theme.palette.text.secondary} strokeDasharray="6 4" strokeWidth={2} dot={false} type="stepAfter" isAnimationActive={false} />
          <Line dataKey="scenario" name={scenarioLabel} stroke={theme.palette.primary.main} strokeWidth={2} dot={false} type="stepAfter" isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
      <BalanceTable answer={answer} />
    </Box>
  );
}
