// The admin's reporting burden per funder type: which kind of funder asks the most reports per
// euro (design/reporting.md, "Figures"; part of fragmentation).
import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { useVangnetData } from '../api/queries';
import { useFormat } from '../common/fields';
import { Section } from '../common/Section';
import { Empty, Loading, LoadError } from '../common/states';
import { usePer10k } from './BurdenSection';

export function PortfolioBurden() {
  const dp = useVangnetData();
  const translate = useTranslate();
  const { wholeEuro } = useFormat();
  const per10k = usePer10k();
  const year = new Date().getFullYear();
  const burden = useQuery({ queryKey: ['stats', 'burden', year], queryFn: () => dp.portfolioBurden(year) });
  const t = (key: string, options?: Record<string, unknown>) => translate(`vangnet.burden.${key}`, options);
  const body = () => {
    if (burden.isPending) return <Loading />;
    if (!burden.data) return <LoadError />;
    if (!burden.data.groups.length) return <Empty message="vangnet.reporting.none" />;
    return (
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">
              {t('funder_type')}
            </TableCell>
            <TableCell component="th" scope="col" align="right">
              {t('obligations')}
            </TableCell>
            <TableCell component="th" scope="col" align="right">
              {t('overdue')}
            </TableCell>
            <TableCell component="th" scope="col" align="right">
              {t('funders')}
            </TableCell>
            <TableCell component="th" scope="col" align="right">
              {t('initiatives')}
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
          {burden.data.groups.map((g) => (
            <TableRow key={g.funderType} data-testid="burden-row">
              <TableCell component="th" scope="row">
                {translate(`vangnet.enum.funderType.${g.funderType}`)}
              </TableCell>
              <TableCell align="right">{g.obligationCount}</TableCell>
              <TableCell align="right">{g.overdueCount}</TableCell>
              <TableCell align="right">{g.funderCount}</TableCell>
              <TableCell align="right">{g.initiativeCount}</TableCell>
              <TableCell align="right">{wholeEuro(g.committedCents)}</TableCell>
              <TableCell align="right">{per10k(g.obligationsPer10k)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    );
  };
  return (
    <Section title={t('portfolio_title', { year })} testId="portfolio-burden">
      {body()}
    </Section>
  );
}
