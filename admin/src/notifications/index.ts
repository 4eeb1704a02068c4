import NotificationsIcon from '@mui/icons-material/NotificationsOutlined';
import { NotificationList } from './NotificationList';

export default {
  list: NotificationList,
  icon: NotificationsIcon,
  recordRepresentation: 'id',
};
