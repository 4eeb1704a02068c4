// The reporting burden of an initiative per year (design/reporting.md, "Figures"): how many
// reports it owes, to how many funders, and how many per € 10.000 committed.
import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useLocaleState, useTranslate } from 'react-admin';
import { useVangnetData } from '../api/queries';
import { useFormat } from '../common/fields';
import { Section } from '../common/Section';
import { Loading, LoadError } from '../common/states';
import { intlLocale } from '../format/money';

/** "1,6" or "1.6": obligations per € 10.000, one decimal. */
export function usePer10k() {
  const [locale] = useLocaleState();
  return (n: number | null) => (n === null ? '—' : new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(n));
}

export function BurdenSection({ initiativeId }: { initiativeId: number }) {
  const dp = useVangnetData();
  const translate = useTranslate();
  const { wholeEuro } = useFormat();
  const per10k = usePer10k();
  const from = new Date().getFullYear() - 1;
  const burden = useQuery({ queryKey: ['initiatives', 'burden', initiativeId, from], queryFn: () => dp.burden(initiativeId, { from, years: 4 }) });
  const t = (key: string) => translate(`vangnet.burden.${key}`);
  return (
    <Section title={t('title')} testId="burden">
      {burden.isPending ? (
        <Loading />
      ) : !burden.data ? (
        <LoadError />
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">
                {t('year')}
              </TableCell>
              <TableCell component="th" scope="col" align="right">
                {t('obligations')}
              </TableCell>
              <TableCell component="th" scope="col" align="right">
                {t('funders')}
              </TableCell>
              <TableCell component="th" scope="col" align="right">
                {t('committed')}
              </TableCell>
              <TableCell component="th" scope="col" align="right">
                {t('per10k')}
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {burden.data.years.map((y) => (
              <TableRow key={y.year}>
                <TableCell component="th" scope="row">
                  {y.year}
                </TableCell>
                <TableCell align="right">{y.obligationCount}</TableCell>
                <TableCell align="right">{y.funderCount}</TableCell>
                <TableCell align="right">{wholeEuro(y.committedCents)}</TableCell>
                <TableCell align="right">{per10k(y.obligationsPer10k)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Section>
  );
}
