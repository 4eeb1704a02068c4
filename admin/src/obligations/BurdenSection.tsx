// The reporting burden of an initiative per year (design/reporting.md, "Figures"): how many
// reports it owes, to how many funders, and how many per € 10.000 committed.
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { useVangnetData } from '../api/queries';
import { Section } from '../common/Section';
import { Loading, LoadError } from '../common/states';
import { BurdenTable } from './BurdenTable';

export function BurdenSection({ initiativeId }: { initiativeId: number }) {
  const dp = useVangnetData();
  const translate = useTranslate();
  const from = new Date().getFullYear() - 1;
  const burden = useQuery({ queryKey: ['initiatives', 'burden', initiativeId, from], queryFn: () => dp.burden(initiativeId, { from, years: 4 }) });
  return (
    <Section title={translate('vangnet.burden.title')} testId="burden">
      {burden.isPending ? (
        <Loading />
      ) : !burden.data ? (
        <LoadError />
      ) : (
        <BurdenTable
          firstColumn="vangnet.burden.year"
          rows={burden.data.years.map((y) => ({ key: y.year, label: String(y.year), ...y }))}
        />
      )}
    </Section>
  );
}
