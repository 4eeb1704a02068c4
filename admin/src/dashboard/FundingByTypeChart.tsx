// Committed funding per calendar year, stacked by funder type (gemeenten, fondsen, bedrijven,
// overig), for the coming years: how much of the portfolio rests on whom, and how it thins out.
import { useTheme } from '@mui/material/styles';
import { useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { usePortfolioFragmentation } from '../api/queries';
import type { FunderTypeGroup } from '../api/types';
import { ChartTable } from '../common/ChartTable';
import { enumLabel } from '../common/enums';
import { useFormat } from '../common/fields';
import { ChartLoading, Empty, LoadError } from '../common/states';
import { formatEuroCompact } from '../format/money';
import { FUNDING_YEARS } from './fundingYears';

const GROUPS: readonly FunderTypeGroup[] = ['municipality', 'foundation', 'company', 'other'];

export default function FundingByTypeChart() {
  const { data, isPending } = usePortfolioFragmentation(FUNDING_YEARS);
  const translate = useTranslate();
  const format = useFormat();
  const theme = useTheme();
  const colors: Record<FunderTypeGroup, string> = {
    municipality: theme.palette.primary.main,
    foundation: theme.palette.secondary.main,
    company: theme.palette.warning.main,
    other: theme.palette.grey[500],
  };
  if (isPending) return <ChartLoading />;
  if (!data) return <LoadError />;
  const rows = data.totals.map((t) => {
    const row: Record<string, number> = { year: t.year };
    for (const g of GROUPS) row[g] = data.groups.find((x) => x.year === t.year && x.group === g)?.committedCents ?? 0;
    return row;
  });
  if (data.totals.every((t) => t.committedCents === 0)) return <Empty message="vangnet.common.no_data" />;
  return (
    <div data-testid="funding-by-type-chart">
      <ResponsiveContainer width="100%" height={320}>
        <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="year" />
          <YAxis tickFormatter={(v: number) => formatEuroCompact(v, format.locale)} width={72} />
          <Tooltip
            formatter={(value, name) => [format.wholeEuro(Number(value)), name]}
            itemSorter={(item) => GROUPS.indexOf(item.dataKey as FunderTypeGroup)}
          />
          <Legend itemSorter={null} />
          {GROUPS.map((g) => (
            <Bar key={g} dataKey={g} stackId="funding" name={translate(enumLabel('funderGroup', g))} fill={colors[g]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
      <ChartTable
        caption={translate('vangnet.dashboard.funding_by_type')}
        columns={[translate('resources.budgets.fields.year'), ...GROUPS.map((g) => translate(enumLabel('funderGroup', g)))]}
        rows={rows.map((row) => [String(row.year), ...GROUPS.map((g) => format.wholeEuro(row[g]))])}
      />
    </div>
  );
}
