// One indicator over the years: the measured values as bars, the targets as a line, and the same
// figures as a table beside it (visible, so nobody has to read the chart). Loaded lazily.
import { Box, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useTheme } from '@mui/material/styles';
import { useLocaleState, useTranslate } from 'react-admin';
import { Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Indicator, IndicatorValue } from '../api/types';
import { ChartTable } from '../common/ChartTable';
import { intlLocale } from '../format/money';

export interface IndicatorYear {
  year: number;
  value: number | null;
  target: number | null;
}

/** Every year with a value or a target, in order. */
export function indicatorYears(indicator: Indicator, values: readonly IndicatorValue[]): IndicatorYear[] {
  const years = new Set<number>([...values.map((v) => v.year), ...Object.keys(indicator.targets).map(Number)]);
  return [...years]
    .sort((a, b) => a - b)
    .map((year) => ({ year, value: values.find((v) => v.year === year)?.value ?? null, target: indicator.targets[String(year)] ?? null }));
}

export default function IndicatorChart({ indicator, values }: { indicator: Indicator; values: readonly IndicatorValue[] }) {
  const translate = useTranslate();
  const theme = useTheme();
  const [locale] = useLocaleState();
  const number = (n: number | null) => (n === null ? '—' : new Intl.NumberFormat(intlLocale(locale)).format(n));
  const rows = indicatorYears(indicator, values);
  const valueLabel = translate('vangnet.impact.value');
  const targetLabel = translate('vangnet.impact.target');
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'flex-start' }}>
      <Box sx={{ width: { xs: '100%', sm: 320 }, height: 160 }}>
        <ResponsiveContainer>
          <ComposedChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="year" tick={{ fontSize: 12 }} />
            <YAxis width={48} tick={{ fontSize: 12 }} tickFormatter={(n: number) => number(n)} />
            <Tooltip formatter={(n) => number(typeof n === 'number' ? n : null)} />
            <Bar dataKey="value" name={valueLabel} fill={theme.palette.primary.main} isAnimationActive={false} />
            <Line dataKey="target" name={targetLabel} stroke={theme.palette.warning.dark} strokeDasharray="4 3" connectNulls isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </Box>
      <ChartTable
        caption={`${indicator.name} (${indicator.unit})`}
        columns={[translate('resources.indicator-values.fields.year'), valueLabel, targetLabel]}
        rows={rows.map((r) => [String(r.year), number(r.value), number(r.target)])}
      />
      <Table size="small" sx={{ width: 'auto' }} data-testid="indicator-table">
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">
              {translate('resources.indicator-values.fields.year')}
            </TableCell>
            <TableCell component="th" scope="col" align="right">
              {valueLabel}
            </TableCell>
            <TableCell component="th" scope="col" align="right">
              {targetLabel}
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.year}>
              <TableCell component="th" scope="row">
                {r.year}
              </TableCell>
              <TableCell align="right">{number(r.value)}</TableCell>
              <TableCell align="right">{number(r.target)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
