import ObligationIcon from '@mui/icons-material/EventNote';
import { ObligationCreate } from './ObligationCreate';
import { ObligationEdit } from './ObligationEdit';
import { ObligationList } from './ObligationList';
import { ObligationShow } from './ObligationShow';

export default {
  list: ObligationList,
  show: ObligationShow,
  edit: ObligationEdit,
  create: ObligationCreate,
  icon: ObligationIcon,
  recordRepresentation: 'title',
};
