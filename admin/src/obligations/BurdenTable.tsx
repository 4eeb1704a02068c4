// The reporting burden as a table (design/reporting.md, "Figures"): per row how many reports are
// owed, to how many funders, the money committed and the reports per € 10.000 of it; for the
// portfolio also how many are overdue and by how many initiatives. An initiative's rows are years,
// the portfolio's funder types.
import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { useFormat } from '../common/fields';
import { intlLocale } from '../format/money';

/** "1,6" or "1.6": obligations per € 10.000, one decimal. */
export function usePer10k() {
  const [locale] = useLocaleState();
  return (n: number | null) => (n === null ? '—' : new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(n));
}

export interface BurdenRow {
  key: string | number;
  /** The row's header: a year or a funder type. */
  label: string;
  obligationCount: number;
  /** Of those, overdue on the day asked; shown when every row has it (the portfolio's). */
  overdueCount?: number;
  funderCount: number;
  /** Shown when every row has it (the portfolio's). */
  initiativeCount?: number;
  committedCents: number;
  obligationsPer10k: number | null;
}

/** `firstColumn` names the row headers' column (`vangnet.burden.year`, `.funder_type`). */
export function BurdenTable({ firstColumn, rows, rowTestId }: { firstColumn: string; rows: readonly BurdenRow[]; rowTestId?: string }) {
  const translate = useTranslate();
  const { wholeEuro } = useFormat();
  const per10k = usePer10k();
  const t = (key: string) => translate(`vangnet.burden.${key}`);
  const withInitiatives = rows.length > 0 && rows.every((r) => r.initiativeCount !== undefined);
  const withOverdue = rows.length > 0 && rows.every((r) => r.overdueCount !== undefined);
  const numbers = ['obligations', ...(withOverdue ? ['overdue'] : []), 'funders', ...(withInitiatives ? ['initiatives'] : []), 'committed', 'per10k'];
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell component="th" scope="col">
            {translate(firstColumn)}
          </TableCell>
          {numbers.map((key) => (
            <TableCell key={key} component="th" scope="col" align="right">
              {t(key)}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.key} data-testid={rowTestId}>
            <TableCell component="th" scope="row">
              {r.label}
            </TableCell>
            <TableCell align="right">{r.obligationCount}</TableCell>
            {withOverdue ? <TableCell align="right">{r.overdueCount}</TableCell> : null}
            <TableCell align="right">{r.funderCount}</TableCell>
            {withInitiatives ? <TableCell align="right">{r.initiativeCount}</TableCell> : null}
            <TableCell align="right">{wholeEuro(r.committedCents)}</TableCell>
            <TableCell align="right">{per10k(r.obligationsPer10k)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
