// The coalition's four key figures: initiatives, committed funding over the coming twelve months
// (with the coverage of the need and the pipeline), open gaps of high severity and initiatives at
// five-year risk.
import EuroIcon from '@mui/icons-material/Euro';
import GapIcon from '@mui/icons-material/ReportProblemOutlined';
import RiskIcon from '@mui/icons-material/HourglassBottom';
import InitiativeIcon from '@mui/icons-material/Diversity3';
import { Grid } from '@mui/material';
import type { ComponentProps } from 'react';
import { useTranslate } from 'react-admin';
import { useCount, usePortfolioFunding } from '../api/queries';
import { useFormat } from '../common/fields';
import { formatNumber } from '../format/money';
import { CardWithIcon } from './CardWithIcon';
import { FUNDING_MONTHS } from './fundingYears';

const listPath = (resource: string, filter: Record<string, unknown>) => `/${resource}?${new URLSearchParams({ filter: JSON.stringify(filter) }).toString()}`;

export function KeyFigures() {
  const translate = useTranslate();
  const format = useFormat();
  const initiatives = useCount('initiatives');
  const active = useCount('initiatives', { status: 'active' });
  const highGaps = useCount('gaps', { open: true, severity: 'high' });
  const risk = useCount('risk');
  const funding = usePortfolioFunding(FUNDING_MONTHS);
  const number = (value: number | undefined) => (value === undefined ? '' : formatNumber(value, format.locale));

  const figures: ComponentProps<typeof CardWithIcon>[] = [
    {
      testId: 'key-figure-initiatives',
      to: '/initiatives',
      icon: InitiativeIcon,
      title: translate('vangnet.dashboard.initiatives'),
      value: number(initiatives.data),
      loading: initiatives.isPending,
      subtitle: active.data === undefined ? undefined : translate('vangnet.dashboard.initiatives_active', { smart_count: active.data }),
    },
    {
      testId: 'key-figure-committed',
      to: '/commitments',
      icon: EuroIcon,
      title: translate('vangnet.dashboard.committed_months', { months: FUNDING_MONTHS }),
      value: format.wholeEuro(funding.data?.committedCents),
      loading: funding.isPending,
      subtitle: funding.data
        ? funding.data.coverage === null
          ? translate('vangnet.dashboard.committed_months_no_need', { pipeline: format.wholeEuro(funding.data.pipelineCents) })
          : translate('vangnet.dashboard.committed_months_detail', {
              coverage: format.percent(funding.data.coverage),
              pipeline: format.wholeEuro(funding.data.pipelineCents),
            })
        : undefined,
    },
    {
      testId: 'key-figure-high-gaps',
      to: listPath('gaps', { open: true, severity: 'high' }),
      icon: GapIcon,
      title: translate('vangnet.dashboard.open_high_gaps'),
      value: number(highGaps.data),
      loading: highGaps.isPending,
    },
    {
      testId: 'key-figure-risk',
      to: '/risk',
      icon: RiskIcon,
      title: translate('vangnet.dashboard.five_year_risk'),
      value: number(risk.data),
      loading: risk.isPending,
    },
  ];

  return (
    <Grid container spacing={2} sx={{ mb: 2 }}>
      {figures.map((figure) => (
        <Grid key={figure.testId} size={{ xs: 12, sm: 6, lg: 3 }}>
          <CardWithIcon {...figure} />
        </Grid>
      ))}
    </Grid>
  );
}
