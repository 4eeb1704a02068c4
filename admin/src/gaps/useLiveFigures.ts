// "No stale panels": every write makes the server rescan the initiative a moment later (README,
// "Rescan on change"), so the gap panels, the runway and the coverage refetch by themselves —
// every few seconds while the page is visible, every second just after an edit made here. Only
// admins may read scans; for them "bijwerken…" lasts as long as a rescan is queued or running,
// for the others the short while a rescan takes.
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useGetList } from 'react-admin';
import { getUser } from '../authProvider';

/** A rescan waits RESCAN_DEBOUNCE_MS (300 ms) and then takes well under a second (bench: p95 404 ms). */
const AFTER_WRITE_MS = 3_000;
/** Admins follow a queued or running rescan at most this long after an edit. */
const FOLLOW_SCAN_MS = 15_000;
const FAST_MS = 1_000;
const SLOW_MS = 5_000;

function lastWriteAt(client: QueryClient): number {
  const times = client
    .getMutationCache()
    .getAll()
    .filter((m) => m.state.status === 'success')
    .map((m) => m.state.submittedAt);
  return Math.max(0, ...times);
}

function useLastWrite(): number {
  const client = useQueryClient();
  const [at, setAt] = useState(() => lastWriteAt(client));
  useEffect(
    () =>
      client.getMutationCache().subscribe((event) => {
        if (event.type === 'updated' && event.action.type === 'success') setAt(Date.now());
      }),
    [client],
  );
  return at;
}

/** Re-renders when `until` passes, so a window that closes is noticed. */
function useUntil(until: number): boolean {
  const [, setTick] = useState(0);
  const open = Date.now() < until;
  useEffect(() => {
    if (!open) return undefined;
    const timer = setTimeout(() => setTick((t) => t + 1), until - Date.now() + 10);
    return () => clearTimeout(timer);
  }, [open, until]);
  return open;
}

export interface LiveFigures {
  /** a rescan after an edit is (probably) under way */
  updating: boolean;
  /** for react-query's `refetchInterval` */
  refetchInterval: number;
}

export function useLiveFigures(): LiveFigures {
  const lastWrite = useLastWrite();
  const isAdmin = getUser()?.role === 'admin';
  const justWritten = useUntil(lastWrite + AFTER_WRITE_MS);
  const following = useUntil(lastWrite + FOLLOW_SCAN_MS);
  const running = useGetList(
    'scans',
    { filter: { trigger: 'change', status: ['queued', 'running'] }, pagination: { page: 1, perPage: 1 }, sort: { field: 'id', order: 'DESC' } },
    { enabled: isAdmin && following, refetchInterval: 500 },
  );
  const scanRunning = isAdmin && following && (running.total ?? 0) > 0;
  const updating = justWritten || scanRunning;
  return { updating, refetchInterval: updating ? FAST_MS : SLOW_MS };
}
