import GapIcon from '@mui/icons-material/ReportProblemOutlined';
import { GapList } from './GapList';

export default {
  list: GapList,
  icon: GapIcon,
  recordRepresentation: 'kind',
};
