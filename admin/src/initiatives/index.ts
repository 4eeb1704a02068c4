import InitiativeIcon from '@mui/icons-material/Diversity3';
import { InitiativeCreate } from './InitiativeCreate';
import { InitiativeEdit } from './InitiativeEdit';
import { InitiativeList } from './InitiativeList';
import { InitiativeShow } from './InitiativeShow';

export default {
  list: InitiativeList,
  show: InitiativeShow,
  edit: InitiativeEdit,
  create: InitiativeCreate,
  icon: InitiativeIcon,
  recordRepresentation: 'name',
};
