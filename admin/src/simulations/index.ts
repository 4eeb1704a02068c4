import SimulationIcon from '@mui/icons-material/Science';
import { SimulationCreate } from './SimulationCreate';
import { SimulationList } from './SimulationList';
import { SimulationShow } from './SimulationShow';

export default {
  list: SimulationList,
  show: SimulationShow,
  create: SimulationCreate,
  icon: SimulationIcon,
  recordRepresentation: 'id',
};
