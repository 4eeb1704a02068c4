// The runway's figures as a table, behind a "Toon als tabel" button: the chart's text alternative,
// month by month, with the estimated need marked.
import { Box, Button, Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import { useId, useState } from 'react';
import { useTranslate } from 'react-admin';
import type { Runway } from '../api/types';
import { useFormat } from '../common/fields';
import { formatMonthLong } from '../format/dates';

const amount = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

export function RunwayTable({ committed, pipeline }: { committed: Runway; pipeline: Runway }) {
  const translate = useTranslate();
  const format = useFormat();
  const [open, setOpen] = useState(false);
  const id = useId();
  const label = (key: string) => translate(`vangnet.runway.${key}`);
  return (
    <Box sx={{ mt: 1 }}>
      <Button size="small" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)} data-testid="runway-table-toggle">
        {label(open ? 'hide_table' : 'show_table')}
      </Button>
      {open ? (
        <TableContainer id={id} sx={{ maxHeight: 420 }}>
          <Table size="small" stickyHeader data-testid="runway-table">
            <caption style={{ captionSide: 'top', textAlign: 'left', padding: 0 }}>{translate('vangnet.runway.title')}</caption>
            <TableHead>
              <TableRow>
                <TableCell>{label('month')}</TableCell>
                <TableCell align="right">{label('need')}</TableCell>
                <TableCell>{label('estimated')}</TableCell>
                <TableCell align="right">{label('committed')}</TableCell>
                <TableCell align="right">{label('pipeline')}</TableCell>
                <TableCell align="right">{label('balance')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {committed.months.map((m, i) => (
                <TableRow key={m.month} data-testid="runway-table-row" data-estimated={m.needEstimated}>
                  <TableCell component="th" scope="row" sx={{ whiteSpace: 'nowrap' }}>
                    {formatMonthLong(m.month, format.locale)}
                  </TableCell>
                  <TableCell align="right" sx={amount}>
                    {format.euro(m.needCents)}
                  </TableCell>
                  <TableCell>{m.needEstimated ? label('estimated_yes') : ''}</TableCell>
                  <TableCell align="right" sx={amount}>
                    {format.euro(m.fundingCents)}
                  </TableCell>
                  <TableCell align="right" sx={amount}>
                    {format.euro(pipeline.months[i]?.fundingCents)}
                  </TableCell>
                  <TableCell align="right" sx={{ ...amount, color: m.balanceCents < 0 ? 'error.main' : undefined }}>
                    {format.euro(m.balanceCents)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      ) : null}
    </Box>
  );
}
