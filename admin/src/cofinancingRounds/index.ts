import RoundIcon from '@mui/icons-material/Groups';
import { RoundCreate } from './RoundCreate';
import { RoundList } from './RoundList';
import { RoundShow } from './RoundShow';

export default {
  list: RoundList,
  show: RoundShow,
  create: RoundCreate,
  icon: RoundIcon,
  recordRepresentation: 'title',
};
