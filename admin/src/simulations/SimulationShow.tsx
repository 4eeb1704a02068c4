// A policy simulation: its progress while the job runs, then current beside simulated — for the
// whole portfolio, per funder type and per municipality — as a chart of the initiatives at risk
// and as a table with every figure.
import { Box, LinearProgress, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTheme } from '@mui/material/styles';
import { Show, useShowContext, useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Simulation, SimulationResult } from '../api/types';
import { ChartTable } from '../common/ChartTable';
import { enumLabel } from '../common/enums';
import { useFormat } from '../common/fields';
import { Section } from '../common/Section';
import { Loading } from '../common/states';

type Group = SimulationResult['groups'][number];

function useGroupName() {
  const translate = useTranslate();
  return (g: Group) => (g.groupBy === 'portfolio' ? translate('vangnet.simulations.portfolio') : g.groupBy === 'funderType' ? translate(enumLabel('funderType', g.group)) : g.group);
}

function RiskChart({ groups }: { groups: readonly Group[] }) {
  const translate = useTranslate();
  const theme = useTheme();
  const name = useGroupName();
  const data = groups.map((g) => ({ group: name(g), current: g.current.fiveYearRisk, simulated: g.simulated.fiveYearRisk }));
  const current = translate('vangnet.simulations.current');
  const simulated = translate('vangnet.simulations.simulated');
  return (
    <Box data-testid="simulation-chart">
      <ResponsiveContainer width="100%" height={280}>
        <BarChart data={data} margin={{ top: 10, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="group" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          <Bar dataKey="current" name={current} fill={theme.palette.grey[500]} isAnimationActive={false} />
          <Bar dataKey="simulated" name={simulated} fill={theme.palette.primary.main} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
      <ChartTable
        caption={translate('vangnet.simulations.chart_title')}
        columns={[translate('vangnet.simulations.group'), current, simulated]}
        rows={data.map((d) => [d.group, String(d.current), String(d.simulated)])}
      />
    </Box>
  );
}

function ResultTable({ groups, testId }: { groups: readonly Group[]; testId: string }) {
  const translate = useTranslate();
  const format = useFormat();
  const name = useGroupName();
  const t = (key: string) => translate(`vangnet.simulations.${key}`);
  const pair = (a: string, b: string) => `${a} → ${b}`;
  const mean = (v: number | null) => (v === null ? '—' : v.toLocaleString(format.locale === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 2 }));
  return (
    <Table size="small" data-testid={testId}>
      <TableHead>
        <TableRow>
          <TableCell>{t('group')}</TableCell>
          <TableCell align="right">{t('initiatives')}</TableCell>
          <TableCell align="right">{t('five_year_risk')}</TableCell>
          <TableCell align="right">{t('shortfall_soon')}</TableCell>
          <TableCell align="right">{t('shortfall_total')}</TableCell>
          <TableCell align="right">{t('effective_funders')}</TableCell>
          <TableCell align="right">{t('short_term_share')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {groups.map((g) => (
          <TableRow key={`${g.groupBy}-${g.group}`} data-testid="simulation-row">
            <TableCell component="th" scope="row">
              {name(g)}
            </TableCell>
            <TableCell align="right">{g.current.initiatives}</TableCell>
            <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>{pair(String(g.current.fiveYearRisk), String(g.simulated.fiveYearRisk))}</TableCell>
            <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>{pair(String(g.current.shortfallSoon), String(g.simulated.shortfallSoon))}</TableCell>
            <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>{pair(format.wholeEuro(g.current.shortfallCents), format.wholeEuro(g.simulated.shortfallCents))}</TableCell>
            <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>{pair(mean(g.current.meanEffectiveFunders), mean(g.simulated.meanEffectiveFunders))}</TableCell>
            <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>{pair(format.percent(g.current.meanShortTermShare), format.percent(g.simulated.meanShortTermShare))}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function SimulationBody() {
  const { record } = useShowContext<Simulation>();
  const translate = useTranslate();
  if (!record) return <Loading />;
  const params = record.params as { funderTypes?: string[]; toMonths?: number; years?: number };
  const title = translate('vangnet.simulations.title', {
    rule: translate(enumLabel('simulationRule', record.rule)),
    types: (params.funderTypes ?? []).map((t) => translate(enumLabel('funderType', t))).join(', '),
    length: params.toMonths ? translate('vangnet.simulations.months', { smart_count: params.toMonths }) : translate('vangnet.simulations.years_n', { smart_count: params.years ?? 0 }),
  });
  const result = record.result;
  const portfolio = result?.groups.filter((g) => g.groupBy === 'portfolio') ?? [];
  const byType = result?.groups.filter((g) => g.groupBy === 'funderType') ?? [];
  const byMunicipality = result?.groups.filter((g) => g.groupBy === 'municipality') ?? [];
  const all = portfolio[0];
  return (
    <>
      <Section title={title} testId="simulation-overview">
        {record.status !== 'completed' ? (
          <Box data-testid="simulation-progress">
            <LinearProgress variant="determinate" value={record.initiativesTotal ? (record.initiativesDone / record.initiativesTotal) * 100 : 0} aria-label={translate('vangnet.simulations.progress')} />
            <Typography variant="body2" sx={{ mt: 1 }}>
              {translate('vangnet.simulations.progress_text', { done: record.initiativesDone, total: record.initiativesTotal, status: translate(enumLabel('scanStatus', record.status)) })}
            </Typography>
            {record.error ? <Typography color="error">{record.error}</Typography> : null}
          </Box>
        ) : all ? (
          <Typography variant="h6" component="p" data-testid="simulation-headline">
            {translate('vangnet.simulations.headline', { smart_count: all.current.fiveYearRisk - all.simulated.fiveYearRisk, before: all.current.fiveYearRisk, after: all.simulated.fiveYearRisk })}
          </Typography>
        ) : null}
        {result ? <ResultTable groups={portfolio} testId="simulation-portfolio" /> : null}
      </Section>
      {result ? (
        <>
          <Section title={translate('vangnet.simulations.by_funder_type')} testId="simulation-funder-types">
            <RiskChart groups={byType} />
            <ResultTable groups={byType} testId="simulation-funder-type-table" />
          </Section>
          <Section title={translate('vangnet.simulations.by_municipality')} testId="simulation-municipalities">
            <ResultTable groups={byMunicipality} testId="simulation-municipality-table" />
          </Section>
        </>
      ) : null}
    </>
  );
}

export function SimulationShow() {
  return (
    <Show component="div" queryOptions={{ refetchInterval: (query) => (query.state.data?.status === 'completed' || query.state.data?.status === 'failed' ? false : 1000) }}>
      <SimulationBody />
    </Show>
  );
}
