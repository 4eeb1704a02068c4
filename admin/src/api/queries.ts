// The figures beside the resources, fetched through the data provider and cached by react-query
// (react-admin's own cache), so a refresh in the app bar refreshes them too.
import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { VangnetDataProvider } from '../dataProvider';

export function useVangnetData(): VangnetDataProvider {
  return useDataProvider<VangnetDataProvider>();
}

/** How often a figure refetches by itself (see gaps/useLiveFigures: a rescan follows every edit). */
export interface LiveOptions {
  refetchInterval?: number | false;
}

export function useRunway(initiativeId: number | null | undefined, scenario: 'committed' | 'pipeline', { refetchInterval = false }: LiveOptions = {}) {
  const dp = useVangnetData();
  return useQuery({
    queryKey: ['initiatives', 'runway', initiativeId, scenario],
    queryFn: () => dp.runway(initiativeId!, scenario),
    enabled: initiativeId != null,
    refetchInterval,
  });
}

export function useCoverage(initiativeId: number | null | undefined, years = 5, { refetchInterval = false }: LiveOptions = {}) {
  const dp = useVangnetData();
  return useQuery({
    queryKey: ['initiatives', 'coverage', initiativeId, years],
    queryFn: () => dp.coverage(initiativeId!, { years }),
    enabled: initiativeId != null,
    refetchInterval,
  });
}

export function usePortfolioFragmentation(years: number, year?: number) {
  const dp = useVangnetData();
  return useQuery({
    queryKey: ['stats', 'fragmentation', 'funderType', year, years],
    queryFn: () => dp.portfolioFragmentation({ groupBy: 'funderType', year, years }),
  });
}

/** Need, committed and pipeline funding of the visible active initiatives over the coming `months` months. */
export function usePortfolioFunding(months = 12) {
  const dp = useVangnetData();
  return useQuery({
    queryKey: ['stats', 'funding', months],
    queryFn: () => dp.portfolioFunding({ months }),
  });
}

export function useCofunding(funderId: number | null | undefined, page: number, perPage: number) {
  const dp = useVangnetData();
  return useQuery({
    queryKey: ['funders', 'cofunding', funderId, page, perPage],
    queryFn: () => dp.cofunding(funderId!, { page, perPage }),
    enabled: funderId != null,
    placeholderData: (previous) => previous,
  });
}

export function useCount(resource: string, filter: Record<string, unknown> = {}) {
  const dp = useVangnetData();
  return useQuery({
    queryKey: [resource, 'count', filter],
    queryFn: () => dp.count(resource, filter),
  });
}
