// GET /api/funders/{id}/cofunding as a table: per initiative the funder's own commitments, the
// other funders beside it (current, applied for, earlier), the coverage of the coming years and
// the open gaps. Paginated; on a narrow screen the table scrolls inside its card.
import {
  Box,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TablePagination,
  TableRow,
  Tooltip,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Link, useCreatePath, useTranslate } from 'react-admin';
import { useCofunding } from '../api/queries';
import type { CofundingInitiative } from '../api/types';
import { EnumChip, enumLabel } from '../common/enums';
import { useFormat } from '../common/fields';
import { formatMonth } from '../format/dates';
import { Section } from '../common/Section';
import { Empty, LoadError, Loading } from '../common/states';
import { coverageColor } from '../initiatives/CoverageMatrix';
import { Cofunders } from './Cofunders';
import { Folded } from './Folded';

/** The funder's own commitments: those running at `asOf` or later, the ended ones folded away. */
function OwnCommitments({ row, asOf }: { row: CofundingInitiative; asOf: string }) {
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

function Row({ row, asOf }: { row: CofundingInitiative; asOf: string }) {
  const format = useFormat();
  const translate = useTranslate();
  const createPath = useCreatePath();
  return (
    <TableRow data-testid="cofunding-row" sx={{ verticalAlign: 'top' }}>
      <TableCell sx={{ minWidth: 140 }}>
        <Link to={createPath({ resource: 'initiatives', id: row.id, type: 'show' })}>{row.name}</Link>
        <Typography variant="caption" display="block" color="text.secondary">
          {row.municipality}
        </Typography>
      </TableCell>
      <TableCell sx={{ minWidth: 220 }}>
        <OwnCommitments row={row} asOf={asOf} />
      </TableCell>
      <TableCell sx={{ minWidth: 260 }} data-testid="cofunders">
        <Cofunders funders={row.otherFunders} />
      </TableCell>
      {row.coverage.map((y) => (
        <TableCell key={y.year} align="right" sx={{ color: coverageColor(y.coverage), fontWeight: 600, whiteSpace: 'nowrap' }}>
          <Tooltip title={`${format.wholeEuro(y.committedCents)} / ${format.wholeEuro(y.needCents)}`}>
            <span>{y.coverage === null ? translate('vangnet.common.none') : format.percent(y.coverage)}</span>
          </Tooltip>
        </TableCell>
      ))}
      <TableCell>
        <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
          {row.openGaps.map((g) => (
            <Tooltip key={g.id} title={`${translate(enumLabel('severity', g.severity))} · ${format.date(g.periodStart)} – ${format.date(g.periodEnd)}`}>
              <span>
                <EnumChip name="gapKind" value={g.kind} />
              </span>
            </Tooltip>
          ))}
        </Stack>
      </TableCell>
    </TableRow>
  );
}

export function CofundingTable({ funderId, title }: { funderId: number; title?: string }) {
  const [page, setPage] = useState(0);
  const [perPage, setPerPage] = useState(10);
  const { data, isPending } = useCofunding(funderId, page + 1, perPage);
  const translate = useTranslate();
  const { locale } = useFormat();

  let body;
  if (isPending) body = <Loading />;
  else if (!data) body = <LoadError />;
  else if (data.total === 0) body = <Empty message="vangnet.cofunding.empty" />;
  else {
    const years = data.initiatives[0]?.coverage.map((y) => y.year) ?? [];
    body = (
      <>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="cofunding-window">
          {translate('vangnet.cofunding.window', { from: formatMonth(data.window.from, locale), to: formatMonth(data.window.to, locale) })}
        </Typography>
        <TableContainer data-testid="cofunding-scroll">
          <Table size="small" data-testid="cofunding-table">
            <TableHead>
              <TableRow>
                <TableCell>{translate('resources.initiatives.name', { smart_count: 1 })}</TableCell>
                <TableCell>{translate('vangnet.cofunding.own_commitments')}</TableCell>
                <TableCell>{translate('vangnet.cofunding.other_funders')}</TableCell>
                {years.map((y) => (
                  <TableCell key={y} align="right">
                    {translate('vangnet.cofunding.coverage')} {y}
                  </TableCell>
                ))}
                <TableCell>{translate('vangnet.cofunding.open_gaps')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.initiatives.map((row) => (
                <Row key={row.id} row={row} asOf={data.asOf} />
              ))}
            </TableBody>
          </Table>
        </TableContainer>
        <TablePagination
          component="div"
          count={data.total}
          page={page}
          rowsPerPage={perPage}
          rowsPerPageOptions={[10, 25, 50]}
          onPageChange={(_event, next) => setPage(next)}
          onRowsPerPageChange={(event) => {
            setPerPage(Number(event.target.value));
            setPage(0);
          }}
          labelRowsPerPage={translate('ra.navigation.page_rows_per_page')}
          labelDisplayedRows={({ from, to, count }) => translate('ra.navigation.page_range_info', { offsetBegin: from, offsetEnd: to, total: count })}
        />
      </>
    );
  }
  return (
    <Section title={title ?? translate('vangnet.cofunding.title')} testId="cofunding">
      {body}
    </Section>
  );
}
