// The commitments and funders a gap's sentence names, fetched through react-admin's aggregating
// getMany, so a list of gaps asks for all its names in one request per resource.
import { useGetManyAggregate } from 'react-admin';
import type { Commitment, Funder, Gap } from '../api/types';
import { gapSubjectIds, type GapSubjects } from './explainGap';

export function useGapSubjects(gap: Gap): { subjects: GapSubjects; isLoading: boolean } {
  const { commitmentIds, funderIds } = gapSubjectIds(gap);
  const commitments = useGetManyAggregate<Commitment>('commitments', { ids: commitmentIds }, { enabled: commitmentIds.length > 0 });
  const allFunderIds = [...new Set([...funderIds, ...(commitments.data ?? []).filter(Boolean).map((c) => c.funderId)])].sort((a, b) => a - b);
  const funders = useGetManyAggregate<Funder>('funders', { ids: allFunderIds }, { enabled: allFunderIds.length > 0 });
  const subjects: GapSubjects = {
    commitment: (id) => commitments.data?.find((c) => c?.id === id),
    funderName: (id) => funders.data?.find((f) => f?.id === id)?.name,
  };
  return { subjects, isLoading: commitments.isLoading || funders.isLoading };
}
