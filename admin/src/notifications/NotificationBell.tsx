// The bell in the app bar: the number of unread notifications, and the way to them. Its name says
// the number too, so a screen reader hears "Meldingen, 3 ongelezen".
import NotificationsIcon from '@mui/icons-material/NotificationsOutlined';
import { Badge, IconButton, Tooltip } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { useUnreadCount } from './useUnreadCount';

const MAX = 99;

export function NotificationBell() {
  const translate = useTranslate();
  const unread = useUnreadCount();
  // The name holds what the badge shows ("99+" beyond 99), as WCAG's label-in-name asks.
  const shown = unread > MAX ? `${MAX}+` : String(unread);
  const label = translate('vangnet.notifications.bell', { smart_count: unread, shown });
  return (
    <Tooltip title={label}>
      <IconButton component={Link} to="/notifications" color="inherit" aria-label={label} data-testid="notification-bell">
        <Badge badgeContent={unread} max={MAX} color="error">
          <NotificationsIcon />
        </Badge>
      </IconButton>
    </Tooltip>
  );
}
