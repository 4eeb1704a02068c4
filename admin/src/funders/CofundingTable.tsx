// GET /api/funders/{id}/cofunding: per initiative the funder's own commitments, the other funders
// beside it (current, applied for, earlier), the coverage of the coming years and the open gaps.
// Paginated. On a phone the table stacks into one block per initiative, co-funders first.
import {
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TablePagination,
  TableRow,
  Typography,
  type Theme,
} from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { useCofunding } from '../api/queries';
import type { Cofunding, CofundingInitiative } from '../api/types';
import { useFormat } from '../common/fields';
import { Section } from '../common/Section';
import { Empty, LoadError, Loading } from '../common/states';
import { formatMonth } from '../format/dates';
import { Cofunders } from './Cofunders';
import { CoverageFigure, InitiativeName, OpenGaps, OwnCommitments } from './CofundingParts';
import { ExportMenu } from '../common/ExportMenu';

/** Where a cell goes when a phone stacks the row: co-funders first. */
const PHONE_ORDER = { name: 0, cofunders: 1, own: 2, coverage: 3, gaps: 4 } as const;

function Row({ row, asOf }: { row: CofundingInitiative; asOf: string }) {
  const translate = useTranslate();
  const cell = (name: keyof typeof PHONE_ORDER) => ({ 'data-cell': name });
  return (
    <TableRow data-testid="cofunding-row" sx={{ verticalAlign: 'top' }}>
      <TableCell sx={{ minWidth: { sm: 140 } }} {...cell('name')}>
        <InitiativeName row={row} />
      </TableCell>
      <TableCell sx={{ minWidth: { sm: 220 } }} data-label={translate('vangnet.cofunding.own_commitments')} {...cell('own')}>
        <OwnCommitments row={row} asOf={asOf} />
      </TableCell>
      <TableCell sx={{ minWidth: { sm: 260 } }} data-testid="cofunders" data-label={translate('vangnet.cofunding.other_funders')} {...cell('cofunders')}>
        <Cofunders funders={row.otherFunders} />
      </TableCell>
      {row.coverage.map((y) => (
        <TableCell key={y.year} align="right" data-label={`${translate('vangnet.cofunding.coverage')} ${y.year}`} {...cell('coverage')}>
          <CoverageFigure year={y} />
        </TableCell>
      ))}
      <TableCell data-label={row.openGaps.length ? translate('vangnet.cofunding.open_gaps') : undefined} {...cell('gaps')}>
        <OpenGaps row={row} />
      </TableCell>
    </TableRow>
  );
}

/**
 * On a phone the table stacks: no header, each row a block with its cells one below the other,
 * labelled from `data-label`, the coverage years side by side. Pure CSS, so nothing is rendered twice
 * and nothing remounts (an opened list stays open) when the width changes.
 */
const stackOnPhone = (theme: Theme) => ({
  [theme.breakpoints.down('sm')]: {
    '& thead': { display: 'none' },
    '& tbody': { display: 'block' },
    '& tr': { display: 'flex', flexWrap: 'wrap', columnGap: theme.spacing(2), py: 1.5, borderTop: 1, borderColor: 'divider' },
    '& td': { display: 'block', flex: '1 1 100%', border: 0, p: 0, textAlign: 'left' },
    '& td[data-label]::before': { content: 'attr(data-label)', display: 'block', ...theme.typography.subtitle2, mt: 1.5, mb: 0.5 },
    ...Object.fromEntries(Object.entries(PHONE_ORDER).map(([name, order]) => [`& td[data-cell="${name}"]`, { order }])),
    '& td[data-cell="coverage"]': { order: PHONE_ORDER.coverage, flex: '0 0 auto', mt: 1.5 },
    '& td[data-cell="coverage"]::before': { display: 'inline', mt: 0, mr: 0.5 },
  },
});

function AsTable({ data }: { data: Cofunding }) {
  const translate = useTranslate();
  const years = data.initiatives[0]?.coverage.map((y) => y.year) ?? [];
  return (
    <TableContainer data-testid="cofunding-scroll">
      <Table size="small" data-testid="cofunding-table" sx={stackOnPhone}>
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
    body = (
      <>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="cofunding-window">
          {translate('vangnet.cofunding.window', { from: formatMonth(data.window.from, locale), to: formatMonth(data.window.to, locale) })}
        </Typography>
        <AsTable data={data} />
        <TablePagination
          component="div"
          count={data.total}
          page={page}
          rowsPerPage={perPage}
          rowsPerPageOptions={[10, 25, 50]}
          sx={(theme) => ({ [theme.breakpoints.down('sm')]: { '& .MuiTablePagination-selectLabel, & .MuiTablePagination-input': { display: 'none' } } })}
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
    <Section title={title ?? translate('vangnet.cofunding.title')} testId="cofunding" action={<ExportMenu path={`/funders/${funderId}/cofunding/export`} />}>
      {body}
    </Section>
  );
}
