// The admin's reporting burden per funder type: which kind of funder asks the most reports per
// euro (design/reporting.md, "Figures"; part of fragmentation).
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { useVangnetData } from '../api/queries';
import { Section } from '../common/Section';
import { Empty, Loading, LoadError } from '../common/states';
import { BurdenTable } from './BurdenTable';

export function PortfolioBurden() {
  const dp = useVangnetData();
  const translate = useTranslate();
  const year = new Date().getFullYear();
  const burden = useQuery({ queryKey: ['stats', 'burden', year], queryFn: () => dp.portfolioBurden(year) });
  const body = () => {
    if (burden.isPending) return <Loading />;
    if (!burden.data) return <LoadError />;
    if (!burden.data.groups.length) return <Empty message="vangnet.reporting.none" />;
    return (
      <BurdenTable
        firstColumn="vangnet.burden.funder_type"
        rowTestId="burden-row"
        rows={burden.data.groups.map((g) => ({ key: g.funderType, label: translate(`vangnet.enum.funderType.${g.funderType}`), ...g }))}
      />
    );
  };
  return (
    <Section title={translate('vangnet.burden.portfolio_title', { year })} testId="portfolio-burden">
      {body()}
    </Section>
  );
}
