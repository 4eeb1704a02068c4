// The admins' way into bull-board (/admin/queues). A page load cannot carry the bearer token, so
// the click first has the API set the session cookie scoped to that path, then opens the page in a
// tab of its own (it is bull-board's app, not the console's). bull-board shows Redis queues only:
// on PostgreSQL queues (no REDIS_URL) the entry is left out and the scans page is the admin's view.
import QueueIcon from '@mui/icons-material/DynamicFeed';
import { ListItemIcon, MenuItem, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import type { MouseEvent } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { API_URL, httpClient } from '../dataProvider';

export const QUEUE_DASHBOARD_URL = '/admin/queues';

/** Which queue backend the server runs on, from its public readiness answer. */
function useQueueBackend(): string | null {
  const { data } = useQuery({
    queryKey: ['readyz', 'queue'],
    queryFn: async () => ((await (await fetch('/readyz')).json()) as { queue?: string }).queue ?? null,
    staleTime: Infinity,
  });
  return data ?? null;
}

export function QueueDashboardMenuItem() {
  const translate = useTranslate();
  const notify = useNotify();
  const backend = useQueueBackend();

  const open = async (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    try {
      await httpClient(`${API_URL}/auth/dashboard-cookie`, { method: 'POST' });
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
      return;
    }
    // Not 'noopener': with it window.open answers null, and null is how a blocked tab shows (the
    // click's permission may lapse during the request); then the page opens in this tab instead.
    const tab = window.open(QUEUE_DASHBOARD_URL, '_blank');
    if (tab) tab.opener = null;
    else window.location.assign(QUEUE_DASHBOARD_URL);
  };

  if (backend !== 'redis') return null;
  return (
    <MenuItem component="a" href={QUEUE_DASHBOARD_URL} onClick={open} sx={{ color: 'text.secondary' }} data-testid="menu-queues">
      <ListItemIcon sx={{ minWidth: 40, color: 'text.secondary' }}>
        <QueueIcon />
      </ListItemIcon>
      <Typography variant="inherit" noWrap>
        {translate('vangnet.scans.queue_dashboard')}
      </Typography>
    </MenuItem>
  );
}
