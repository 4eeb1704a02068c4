// How many notifications the user has not read: the total of the unread list (one record asked
// for), asked again every minute and whenever a notification is marked read.
import { useGetList } from 'react-admin';

export const UNREAD = { read: false } as const;

export function useUnreadCount(): number {
  const { total } = useGetList('notifications', { filter: UNREAD, pagination: { page: 1, perPage: 1 }, sort: { field: 'id', order: 'DESC' } }, { refetchInterval: 60_000 });
  return total ?? 0;
}
