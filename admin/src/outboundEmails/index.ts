import MailIcon from '@mui/icons-material/MailOutline';
import { OutboundEmailList } from './OutboundEmailList';
import { OutboundEmailShow } from './OutboundEmailShow';

export default {
  list: OutboundEmailList,
  show: OutboundEmailShow,
  icon: MailIcon,
  recordRepresentation: 'subject',
};
