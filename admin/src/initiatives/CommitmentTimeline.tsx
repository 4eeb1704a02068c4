// Every commitment of an initiative as a bar on a multi-year timeline, one lane per funder: where
// the money comes from, for how long, and where it stops. Hoped-for money (requested,
// conditional) is drawn hollow; declined and withdrawn commitments are left out.
import { Box, Stack, Tooltip, Typography } from '@mui/material';
import { alpha, useTheme } from '@mui/material/styles';
import { parseISO } from 'date-fns';
import { Link, useCreatePath, useGetList, useGetMany, useTranslate } from 'react-admin';
import type { Commitment, Funder } from '../api/types';
import { enumLabel } from '../common/enums';
import { useFormat } from '../common/fields';
import { Section } from '../common/Section';
import { Empty, Loading } from '../common/states';

const DAY_MS = 86_400_000;
const PAST_YEARS = 2;
const FUTURE_YEARS = 4;
const HIDDEN = new Set(['declined', 'withdrawn']);

const dayOf = (iso: string) => Math.round(parseISO(iso).getTime() / DAY_MS);

export function CommitmentTimeline({ initiativeId }: { initiativeId: number }) {
  const translate = useTranslate();
  const format = useFormat();
  const theme = useTheme();
  const createPath = useCreatePath();
  const { data: commitments, isPending } = useGetList<Commitment>('commitments', {
    filter: { initiativeId },
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'startDate', order: 'ASC' },
  });
  const shown = (commitments ?? []).filter((c) => !HIDDEN.has(c.status));
  const funderIds = [...new Set(shown.map((c) => c.funderId))];
  const { data: funders } = useGetMany<Funder>('funders', { ids: funderIds }, { enabled: funderIds.length > 0 });

  const thisYear = new Date().getFullYear();
  const firstYear = Math.max(thisYear - PAST_YEARS, Math.min(thisYear, ...shown.map((c) => Number(c.startDate.slice(0, 4)))));
  const lastYear = Math.min(thisYear + FUTURE_YEARS, Math.max(thisYear + 1, ...shown.map((c) => Number(c.endDate.slice(0, 4)))));
  const start = dayOf(`${firstYear}-01-01`);
  const end = dayOf(`${lastYear + 1}-01-01`);
  const span = end - start;
  const position = (iso: string) => Math.min(100, Math.max(0, ((dayOf(iso) - start) / span) * 100));
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);
  const today = position(new Date().toISOString().slice(0, 10));

  const lanes = funderIds
    .map((id) => ({ id, name: funders?.find((f) => f.id === id)?.name ?? '…', items: shown.filter((c) => c.funderId === id) }))
    .filter((lane) => lane.items.some((c) => c.endDate >= `${firstYear}-01-01` && c.startDate < `${lastYear + 1}-01-01`));

  const body = isPending ? (
    <Loading />
  ) : lanes.length === 0 ? (
    <Empty message="vangnet.timeline.empty" />
  ) : (
    <Box data-testid="commitment-timeline">
      <Box sx={{ minWidth: 640 }}>
        <Stack direction="row" sx={{ ml: '28%' }}>
          {years.map((y) => (
            <Typography key={y} variant="caption" color="text.secondary" sx={{ flex: 1, borderLeft: 1, borderColor: 'divider', pl: 0.5 }}>
              {y}
            </Typography>
          ))}
        </Stack>
        {lanes.map((lane) => (
          <Stack key={lane.id} direction="row" alignItems="center" sx={{ borderTop: 1, borderColor: 'divider', minHeight: 36 }}>
            <Typography variant="body2" noWrap sx={{ width: '28%', pr: 1 }} title={lane.name}>
              {lane.name}
            </Typography>
            <Box sx={{ position: 'relative', flex: 1, height: 12 + 16 * lane.items.length }}>
              {years.map((y) => (
                <Box key={y} sx={{ position: 'absolute', top: 0, bottom: 0, left: `${position(`${y}-01-01`)}%`, borderLeft: 1, borderColor: 'divider' }} />
              ))}
              <Box sx={{ position: 'absolute', top: 0, bottom: 0, left: `${today}%`, borderLeft: 2, borderColor: 'warning.main' }} title={translate('vangnet.timeline.today')} />
              {lane.items.map((c, i) => {
                const left = position(c.startDate);
                const width = Math.max(0.5, position(c.endDate) - left);
                const hoped = c.status === 'requested' || c.status === 'conditional';
                const color = c.status === 'completed' ? theme.palette.grey[500] : hoped ? theme.palette.secondary.main : theme.palette.primary.main;
                return (
                  <Tooltip
                    key={c.id}
                    title={`${c.title} · ${translate(enumLabel('commitmentStatus', c.status))} · ${format.date(c.startDate)} – ${format.date(c.endDate)} · ${format.euro(c.amountCents)}`}
                  >
                    <Box
                      component={Link}
                      to={createPath({ resource: 'commitments', id: c.id, type: 'show' })}
                      data-testid="timeline-bar"
                      sx={{
                        position: 'absolute',
                        top: 6 + 16 * i,
                        height: 12,
                        left: `${left}%`,
                        width: `${width}%`,
                        borderRadius: 1,
                        border: `2px solid ${color}`,
                        bgcolor: hoped ? alpha(color, 0.12) : color,
                      }}
                    />
                  </Tooltip>
                );
              })}
            </Box>
          </Stack>
        ))}
      </Box>
    </Box>
  );
  return <Section title={translate('vangnet.timeline.title')}>{body}</Section>;
}
