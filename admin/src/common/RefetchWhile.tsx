// Keeps a list fresh while something on it is still in progress (a scan running, a delivery
// pending): it refetches every second until nothing is.
import { useEffect } from 'react';
import { useListContext, type RaRecord } from 'react-admin';

const FOLLOW_MS = 1000;

export function RefetchWhile<T extends RaRecord>({ busy }: { busy: (record: T) => boolean }) {
  const { data, refetch } = useListContext<T>();
  const following = data?.some(busy) ?? false;
  useEffect(() => {
    if (!following) return undefined;
    const timer = setInterval(() => void refetch(), FOLLOW_MS);
    return () => clearInterval(timer);
  }, [following, refetch]);
  return null;
}
