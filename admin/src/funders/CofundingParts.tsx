// The pieces of one initiative in a funder's co-financing view, shared by the table (wide
// screens) and the stacked list (phones): the initiative, the funder's own commitments, the
// coverage of a year and the open gaps.
import { Box, Stack, Tooltip, Typography } from '@mui/material';
import { Link, useCreatePath, useTranslate } from 'react-admin';
import type { CofundingInitiative } from '../api/types';
import { EnumChip, enumLabel } from '../common/enums';
import { useFormat } from '../common/fields';
import { coverageColor } from '../initiatives/CoverageMatrix';
import { Folded } from './Folded';

export function InitiativeName({ row }: { row: CofundingInitiative }) {
  const createPath = useCreatePath();
  return (
    <>
      <Link to={createPath({ resource: 'initiatives', id: row.id, type: 'show' })}>{row.name}</Link>
      <Typography variant="caption" display="block" color="text.secondary">
        {row.municipality}
      </Typography>
    </>
  );
}

/** The funder's own commitments: those running at `asOf` or later, the ended ones folded away. */
export function OwnCommitments({ row, asOf }: { row: CofundingInitiative; asOf: string }) {
  const format = useFormat();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const line = (c: CofundingInitiative['commitments'][number]) => (
    <Box key={c.id} data-testid="own-commitment">
      <Link to={createPath({ resource: 'commitments', id: c.id, type: 'show' })}>{c.title}</Link>
      <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap" alignItems="center">
        <EnumChip name="commitmentStatus" value={c.status} />
        <Typography component="span" variant="caption" color="text.secondary">
          {format.date(c.startDate)} – {format.date(c.endDate)} · {format.euro(c.amountCents)}
        </Typography>
      </Stack>
    </Box>
  );
  const running = row.commitments.filter((c) => c.endDate >= asOf);
  const ended = row.commitments.filter((c) => c.endDate < asOf);
  return (
    <Stack spacing={0.75}>
      {running.map(line)}
      {row.own && row.own.committedCents > 0 ? (
        <Typography variant="caption" color="text.secondary">
          {translate('vangnet.cofunding.own_window', { amount: format.wholeEuro(row.own.committedCents) })}
        </Typography>
      ) : null}
      <Folded count={ended.length}>
        <Stack spacing={0.75}>{ended.map(line)}</Stack>
      </Folded>
    </Stack>
  );
}

/** A year's coverage as a coloured percentage, the amounts behind it on hover. */
export function CoverageFigure({ year }: { year: CofundingInitiative['coverage'][number] }) {
  const format = useFormat();
  const translate = useTranslate();
  return (
    <Tooltip title={`${format.wholeEuro(year.committedCents)} / ${format.wholeEuro(year.needCents)}`}>
      <Box component="span" sx={{ color: coverageColor(year.coverage), fontWeight: 600, whiteSpace: 'nowrap' }}>
        {year.coverage === null ? translate('vangnet.common.none') : format.percent(year.coverage)}
      </Box>
    </Tooltip>
  );
}

export function OpenGaps({ row }: { row: CofundingInitiative }) {
  const format = useFormat();
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
      {row.openGaps.map((g) => (
        <Tooltip key={g.id} title={`${translate(enumLabel('severity', g.severity))} · ${format.date(g.periodStart)} – ${format.date(g.periodEnd)}`}>
          <span>
            <EnumChip name="gapKind" value={g.kind} />
          </span>
        </Tooltip>
      ))}
    </Stack>
  );
}
