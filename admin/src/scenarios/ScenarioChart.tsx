// The balance month by month as it is and with the scenario: two lines over the 60-month horizon,
// with each one's runway in words above and the same figures as a table on request. Loaded lazily
// (recharts is large).
import { Box, Button, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useTheme } from '@mui/material/styles';
import { useId, useState } from 'react';
import { useTranslate } from 'react-admin';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { WhatIfAnswer } from '../api/types';
import { useFormat } from '../common/fields';
import { formatMonth, formatMonthLong } from '../format/dates';
import { formatEuroCompact } from '../format/money';

type Runway = WhatIfAnswer['base']['runway'];

const amount = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

function useRunwayWords() {
  const translate = useTranslate();
  const format = useFormat();
  return (runway: Runway) => {
    const months = translate('vangnet.runway.months', { smart_count: runway.runwayMonths });
    if (runway.horizonReached) return { months, through: translate('vangnet.runway.horizon') };
    if (!runway.fundedThrough) return { months, through: translate('vangnet.runway.not_funded') };
    return { months, through: translate('vangnet.runway.funded_through', { date: format.date(runway.fundedThrough) }) };
  };
}

function BalanceTable({ answer }: { answer: WhatIfAnswer }) {
  const translate = useTranslate();
  const format = useFormat();
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <Box sx={{ mt: 1 }}>
      <Button size="small" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)} data-testid="whatif-table-toggle">
        {translate(open ? 'vangnet.runway.hide_table' : 'vangnet.runway.show_table')}
      </Button>
      {open ? (
        <TableContainer id={id} sx={{ maxHeight: 420 }} tabIndex={0} role="region" aria-label={translate('vangnet.whatif.balance_title')}>
          <Table size="small" stickyHeader data-testid="whatif-table">
            <caption style={{ captionSide: 'top', textAlign: 'left', padding: 0 }}>{translate('vangnet.whatif.balance_title')}</caption>
            <TableHead>
              <TableRow>
                <TableCell>{translate('vangnet.runway.month')}</TableCell>
                <TableCell align="right">{translate('vangnet.whatif.base_balance')}</TableCell>
                <TableCell align="right">{translate('vangnet.whatif.scenario_balance')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {answer.base.runway.months.map((m, i) => {
                const s = answer.scenario.runway.months[i]?.balanceCents ?? 0;
                return (
                  <TableRow key={m.month}>
                    <TableCell component="th" scope="row" sx={{ whiteSpace: 'nowrap' }}>
                      {formatMonthLong(m.month, format.locale)}
                    </TableCell>
                    <TableCell align="right" sx={{ ...amount, color: m.balanceCents < 0 ? 'error.main' : undefined }}>
                      {format.euro(m.balanceCents)}
                    </TableCell>
                    <TableCell align="right" sx={{ ...amount, color: s < 0 ? 'error.main' : undefined }}>
                      {format.euro(s)}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      ) : null}
    </Box>
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
