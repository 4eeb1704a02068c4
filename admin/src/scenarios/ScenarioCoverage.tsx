// Coverage per year as it is and with the scenario: two rows, the years across.
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useId } from 'react';
import { useTranslate } from 'react-admin';
import type { WhatIfAnswer } from '../api/types';
import { useFormat } from '../common/fields';
import { ScrollArea } from '../common/ScrollArea';
import { coverageColor } from '../initiatives/CoverageMatrix';

export function ScenarioCoverage({ answer }: { answer: WhatIfAnswer }) {
  const translate = useTranslate();
  const format = useFormat();
  const titleId = useId();
  const rows = [
    { key: 'base', label: translate('vangnet.whatif.base'), years: answer.base.coverage },
    { key: 'scenario', label: translate('vangnet.whatif.scenario'), years: answer.scenario.coverage },
  ];
  return (
    <>
      <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }} id={titleId}>
        {translate('vangnet.coverage.coverage')}
      </Typography>
      <ScrollArea labelledBy={titleId}>
        <Table size="small" data-testid="whatif-coverage">
          <TableHead>
            <TableRow>
              <TableCell />
              {answer.base.coverage.map((y) => (
                <TableCell key={y.year} align="right">
                  {y.year}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.key} data-testid={`whatif-coverage-${r.key}`}>
                <TableCell component="th" scope="row">
                  {r.label}
                </TableCell>
                {r.years.map((y) => (
                  <TableCell key={y.year} align="right" sx={{ color: coverageColor(y.coverage), fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                    {y.coverage === null ? '—' : format.percent(y.coverage)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollArea>
    </>
  );
}
