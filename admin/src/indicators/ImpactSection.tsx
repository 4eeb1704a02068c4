// Impact beside money: the initiative's indicators over the years against their targets, each a
// small chart with its figures in a table; the initiative adds indicators and yearly values here.
import AddIcon from '@mui/icons-material/Add';
import { Box, Button, Stack, Typography } from '@mui/material';
import { lazy, Suspense } from 'react';
import { CreateButton, useGetList, useRecordContext, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import type { Indicator, IndicatorValue, Initiative } from '../api/types';
import { canAccess, getUser } from '../authProvider';
import { Section } from '../common/Section';
import { ChartLoading, Empty, Loading } from '../common/states';

const IndicatorChart = lazy(() => import('./IndicatorChart'));

export function ImpactSection() {
  const record = useRecordContext<Initiative>();
  const translate = useTranslate();
  const initiativeId = record?.id ?? 0;
  const indicators = useGetList<Indicator>('indicators', { filter: { initiativeId }, sort: { field: 'name', order: 'ASC' }, pagination: { page: 1, perPage: 50 } }, { enabled: Boolean(record) });
  const values = useGetList<IndicatorValue>('indicator-values', { filter: { initiativeId }, sort: { field: 'year', order: 'ASC' }, pagination: { page: 1, perPage: 1000 } }, { enabled: Boolean(record) });
  if (!record) return null;
  const mayWrite = canAccess(getUser(), 'indicators', 'create') && getUser()?.role !== 'funder';
  return (
    <Section
      title={translate('vangnet.impact.title')}
      testId="impact"
      action={mayWrite ? <CreateButton resource="indicators" label="vangnet.impact.add_indicator" state={{ record: { initiativeId } }} /> : null}
    >
      {indicators.isPending || values.isPending ? (
        <Loading />
      ) : !indicators.data?.length ? (
        <Empty message="vangnet.impact.none" />
      ) : (
        <Stack spacing={3}>
          {indicators.data.map((indicator) => (
            <Box key={indicator.id} data-testid="indicator">
              <Stack direction="row" alignItems="baseline" justifyContent="space-between" spacing={1} useFlexGap flexWrap="wrap">
                <Typography variant="subtitle1" component="h3">
                  {indicator.name} ({indicator.unit})
                </Typography>
                {mayWrite ? (
                  <Button size="small" startIcon={<AddIcon />} component={Link} to="/indicator-values/create" state={{ record: { indicatorId: indicator.id } }}>
                    {translate('vangnet.impact.add_value')}
                  </Button>
                ) : null}
              </Stack>
              {indicator.description ? (
                <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                  {indicator.description}
                </Typography>
              ) : null}
              <Suspense fallback={<ChartLoading height={160} />}>
                <IndicatorChart indicator={indicator} values={(values.data ?? []).filter((v) => v.indicatorId === indicator.id)} />
              </Suspense>
            </Box>
          ))}
        </Stack>
      )}
    </Section>
  );
}
