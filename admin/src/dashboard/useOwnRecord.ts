// The record a funder or initiative user is bound to (its `funderId` or `initiativeId`).
import { useGetIdentity, useGetOne, type RaRecord } from 'react-admin';
import type { VangnetIdentity } from '../authProvider';

export function useOwnRecord<T extends RaRecord<number>>(resource: 'funders' | 'initiatives', key: 'funderId' | 'initiativeId') {
  const { identity, isPending } = useGetIdentity();
  const id = (identity as VangnetIdentity | undefined)?.[key] ?? null;
  const { data: record } = useGetOne<T>(resource, { id: id ?? 0 }, { enabled: id !== null });
  return { id, record, isPending };
}
