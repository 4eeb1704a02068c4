import RiskIcon from '@mui/icons-material/HourglassBottom';
import { RiskList } from './RiskList';

export default {
  list: RiskList,
  icon: RiskIcon,
  recordRepresentation: 'name',
};
