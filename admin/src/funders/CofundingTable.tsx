// GET /api/funders/{id}/cofunding as a table: per initiative the funder's own commitments, the
// other funders beside it, the coverage of the coming years and the open gaps. Paginated.
import {
  Box,
  Chip,
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
import { Section } from '../common/Section';
import { Empty, LoadError, Loading } from '../common/states';
import { coverageColor } from '../initiatives/CoverageMatrix';

/**
 * The funder's commitments that still run in the years shown; older ones are only counted. The
 * tooltips describe what they sit on (describeChild), so a chip keeps its visible name.
 */
function Row({ row, from }: { row: CofundingInitiative; from: number }) {
  const format = useFormat();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const current = row.commitments.filter((c) => c.endDate >= `${from}-01-01`);
  const earlier = row.commitments.length - current.length;
  return (
    <TableRow data-testid="cofunding-row" sx={{ verticalAlign: 'top' }}>
      <TableCell sx={{ minWidth: 140 }}>
        <Link to={createPath({ resource: 'initiatives', id: row.id, type: 'show' })}>{row.name}</Link>
        <Typography variant="caption" display="block" color="text.secondary">
          {row.municipality}
        </Typography>
      </TableCell>
      <TableCell sx={{ minWidth: 220 }}>
        <Stack spacing={0.5}>
          {current.map((c) => (
            <Box key={c.id}>
              <Link to={createPath({ resource: 'commitments', id: c.id, type: 'show' })}>{c.title}</Link>
              <Typography variant="caption" display="block" color="text.secondary">
                {translate(enumLabel('commitmentStatus', c.status))} · {format.date(c.startDate)} – {format.date(c.endDate)} · {format.euro(c.amountCents)}
              </Typography>
            </Box>
          ))}
          {earlier > 0 ? (
            <Typography variant="caption" color="text.secondary">
              {translate('vangnet.cofunding.earlier', { smart_count: earlier })}
            </Typography>
          ) : null}
        </Stack>
      </TableCell>
      <TableCell>
        <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
          {row.otherFunders.length === 0 ? (
            <Typography variant="body2" color="text.secondary">
              {translate('vangnet.cofunding.no_other_funders')}
            </Typography>
          ) : null}
          {row.otherFunders.map((f) => (
            <Tooltip describeChild key={f.id} title={`${translate(enumLabel('funderType', f.type))} · ${format.euro(f.committedCents)}`}>
              <Chip size="small" label={f.name} component={Link} to={createPath({ resource: 'funders', id: f.id, type: 'show' })} clickable />
            </Tooltip>
          ))}
        </Stack>
      </TableCell>
      {row.coverage.map((y) => (
        <TableCell key={y.year} align="right" sx={{ color: coverageColor(y.coverage), fontWeight: 600, whiteSpace: 'nowrap' }}>
          <Tooltip describeChild title={`${format.wholeEuro(y.committedCents)} / ${format.wholeEuro(y.needCents)}`}>
            <span>{y.coverage === null ? translate('vangnet.common.none') : format.percent(y.coverage)}</span>
          </Tooltip>
        </TableCell>
      ))}
      <TableCell>
        <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
          {row.openGaps.map((g) => (
            <Tooltip describeChild key={g.id} title={`${translate(enumLabel('severity', g.severity))} · ${format.date(g.periodStart)} – ${format.date(g.periodEnd)}`}>
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

  let body;
  if (isPending) body = <Loading />;
  else if (!data) body = <LoadError />;
  else if (data.total === 0) body = <Empty message="vangnet.cofunding.empty" />;
  else {
    const years = data.initiatives[0]?.coverage.map((y) => y.year) ?? [];
    body = (
      <>
        <TableContainer>
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
                <Row key={row.id} row={row} from={data.from} />
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
