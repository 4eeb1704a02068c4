import ScanIcon from '@mui/icons-material/Radar';
import { ScanList } from './ScanList';

export default {
  list: ScanList,
  icon: ScanIcon,
  recordRepresentation: 'id',
};
