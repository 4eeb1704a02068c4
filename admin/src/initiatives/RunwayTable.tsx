// A runway's figures as a table, behind a "Toon als tabel" button: a chart's text alternative,
// month by month. The runway chart shows need, funding and balance with the estimated need
// marked (`RunwayTable`); the what-if chart the balance as it is and with the scenario.
import { Box, Button, Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import { useId, useState } from 'react';
import { useTranslate } from 'react-admin';
import type { Runway } from '../api/types';
import { useFormat } from '../common/fields';
import { formatMonthLong } from '../format/dates';

const amount = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

/** A column: an amount of month `i` (right-aligned; a balance shows red below zero), or a text. */
export type MonthColumn =
  | { label: string; cents: (i: number) => number | undefined; balance?: boolean }
  | { label: string; text: (i: number) => string };

interface MonthTableProps {
  months: readonly { month: string; needEstimated?: boolean }[];
  columns: readonly MonthColumn[];
  /** The caption and the scrolling region's name. */
  title: string;
  /** `testId` names the table, `${testId}-toggle` its button and `${testId}-row` each month. */
  testId: string;
}

export function MonthTable({ months, columns, title, testId }: MonthTableProps) {
  const translate = useTranslate();
  const format = useFormat();
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <Box sx={{ mt: 1 }}>
      <Button size="small" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)} data-testid={`${testId}-toggle`}>
        {translate(open ? 'vangnet.runway.hide_table' : 'vangnet.runway.show_table')}
      </Button>
      {open ? (
        // It scrolls (60 months in 420 px): focusable and named, so a keyboard can scroll it too.
        <TableContainer id={id} sx={{ maxHeight: 420 }} tabIndex={0} role="region" aria-label={title}>
          <Table size="small" stickyHeader data-testid={testId}>
            <caption style={{ captionSide: 'top', textAlign: 'left', padding: 0 }}>{title}</caption>
            <TableHead>
              <TableRow>
                <TableCell>{translate('vangnet.runway.month')}</TableCell>
                {columns.map((c) => (
                  <TableCell key={c.label} align={'cents' in c ? 'right' : undefined}>
                    {c.label}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {months.map((m, i) => (
                <TableRow key={m.month} data-testid={`${testId}-row`} data-estimated={m.needEstimated}>
                  <TableCell component="th" scope="row" sx={{ whiteSpace: 'nowrap' }}>
                    {formatMonthLong(m.month, format.locale)}
                  </TableCell>
                  {columns.map((c) => {
                    if (!('cents' in c)) return <TableCell key={c.label}>{c.text(i)}</TableCell>;
                    const cents = c.cents(i);
                    return (
                      <TableCell key={c.label} align="right" sx={{ ...amount, color: c.balance && (cents ?? 0) < 0 ? 'error.main' : undefined }}>
                        {format.euro(cents)}
                      </TableCell>
                    );
                  })}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      ) : null}
    </Box>
  );
}

/** The runway chart's table: need (estimated or not), committed and pipeline funding, balance. */
export function RunwayTable({ committed, pipeline }: { committed: Runway; pipeline: Runway }) {
  const translate = useTranslate();
  const label = (key: string) => translate(`vangnet.runway.${key}`);
  const months = committed.months;
  return (
    <MonthTable
      months={months}
      title={label('title')}
      testId="runway-table"
      columns={[
        { label: label('need'), cents: (i) => months[i]?.needCents },
        { label: label('estimated'), text: (i) => (months[i]?.needEstimated ? label('estimated_yes') : '') },
        { label: label('committed'), cents: (i) => months[i]?.fundingCents },
        { label: label('pipeline'), cents: (i) => pipeline.months[i]?.fundingCents },
        { label: label('balance'), cents: (i) => months[i]?.balanceCents, balance: true },
      ]}
    />
  );
}
