import FunderIcon from '@mui/icons-material/AccountBalance';
import { FunderCreate } from './FunderCreate';
import { FunderEdit } from './FunderEdit';
import { FunderList } from './FunderList';
import { FunderShow } from './FunderShow';

export default {
  list: FunderList,
  show: FunderShow,
  edit: FunderEdit,
  create: FunderCreate,
  icon: FunderIcon,
  recordRepresentation: 'name',
};
